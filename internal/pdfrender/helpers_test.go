package pdfrender

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// word is one word as poppler's pdftotext -bbox reports it: points from
// the top-left of the page as shown.
type word struct {
	Text string
	Box  appraise.Rect
}

var wordRE = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)

// popplerWords runs pdftotext -bbox on one page (with -cropbox: boxes
// relative to the crop box, as appraise.Rect is).
func popplerWords(tb testing.TB, path string, page int) []word {
	tb.Helper()
	need(tb, "pdftotext")
	out, err := exec.Command("pdftotext", "-cropbox", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	var ws []word
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		ws = append(ws, word{Text: m[5], Box: appraise.Rect{X0: f(m[1]), Y0: f(m[2]), X1: f(m[3]), Y1: f(m[4])}})
	}
	if len(ws) == 0 {
		tb.Fatalf("pdftotext found no words on page %d of %s", page, path)
	}
	return ws
}

// need skips when a poppler or qpdf tool is missing.
func need(tb testing.TB, tool string) {
	tb.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		tb.Skipf("%s is not installed", tool)
	}
}

// share returns the fraction of the pixels of img inside r (points,
// scaled by scale) for which keep is true.
func share(img image.Image, r appraise.Rect, scale float64, keep func(r, g, b uint8) bool) float64 {
	b := img.Bounds()
	x0, y0 := max(b.Min.X, int(math.Ceil(r.X0*scale))), max(b.Min.Y, int(math.Ceil(r.Y0*scale)))
	x1, y1 := min(b.Max.X, int(r.X1*scale)), min(b.Max.Y, int(r.Y1*scale))
	n, k := 0, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			n++
			if keep(uint8(cr>>8), uint8(cg>>8), uint8(cb>>8)) {
				k++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

func dark(r, g, b uint8) bool { return int(r)+int(g)+int(b) < 3*160 }

// turnedPage is a one-page PDF whose crop box does not start at the
// origin and whose /Rotate is rot, with lines of text that read upright
// once the page is shown turned.
func turnedPage(rot int) []byte {
	box := pageBox{X0: 40, Y0: 60, X1: 560, Y1: 740, Rotate: rot}
	lines := []string{
		"Highlights must land on these words",
		"whatever the rotation of the page",
		"and wherever its crop box begins.",
	}
	var content bytes.Buffer
	rad := float64(rot) * math.Pi / 180
	c, s := math.Round(math.Cos(rad)), math.Round(math.Sin(rad))
	for i, ln := range lines {
		u, v := box.toUser(60, 80+float64(i)*30)
		fmt.Fprintf(&content, "BT /F1 16 Tf %g %g %g %g %g %g Tm %s Tj ET\n", c, s, -s, c, u, v, testpdf.LiteralString(ln))
	}
	d := testpdf.NewDoc()
	d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("", content.Bytes()))
	d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /CropBox [%g %g %g %g] /Rotate %d /Resources %d 0 R /Contents %d 0 R >>",
		d.Pages, testpdf.LetterWidth, testpdf.LetterHeight, box.X0, box.Y0, box.X1, box.Y1, rot, d.Resources, d.Contents[0]))
	return d.Bytes()
}

// writeTemp writes data to name in a fresh temporary folder.
func writeTemp(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}
