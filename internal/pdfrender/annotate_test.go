package pdfrender

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// pdfAnnot is one annotation as qpdf --json shows it.
type pdfAnnot struct {
	Subtype    string    `json:"/Subtype"`
	NM         string    `json:"/NM"`
	T          string    `json:"/T"`
	Contents   string    `json:"/Contents"`
	M          string    `json:"/M"`
	F          int       `json:"/F"`
	C          []float64 `json:"/C"`
	QuadPoints []float64 `json:"/QuadPoints"`
	AP         any       `json:"/AP"`
}

// highlightsIn lists the /Highlight annotations of the PDF at path, read
// with qpdf, by /NM.
func highlightsIn(tb testing.TB, path string) map[string]pdfAnnot {
	tb.Helper()
	need(tb, "qpdf")
	out, err := exec.Command("qpdf", "--json", "--json-key=qpdf", path).Output()
	if err != nil {
		tb.Fatalf("qpdf --json %s: %v", path, err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		tb.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		tb.Fatal(err)
	}
	got := map[string]pdfAnnot{}
	for _, o := range objs {
		var a pdfAnnot
		if json.Unmarshal(o.Value, &a) != nil || a.Subtype != "/Highlight" {
			continue
		}
		a.NM, a.T, a.Contents, a.M = qpdfText(a.NM), qpdfText(a.T), qpdfText(a.Contents), qpdfText(a.M)
		got[a.NM] = a
	}
	return got
}

// qpdfText undoes qpdf's "u:" prefix of text strings.
func qpdfText(s string) string { return strings.TrimPrefix(s, "u:") }

// checkOpens runs qpdf --check, pdfinfo and pdftotext on path.
func checkOpens(tb testing.TB, path string) {
	tb.Helper()
	for _, tool := range [][]string{{"qpdf", "--check", path}, {"pdfinfo", path}, {"pdftotext", path, os.DevNull}} {
		need(tb, tool[0])
		if out, err := exec.Command(tool[0], tool[1:]...).CombinedOutput(); err != nil {
			tb.Errorf("%s on the annotated copy: %v\n%s", strings.Join(tool, " "), err, out)
		}
	}
}

func TestWriteHighlightsDemo(t *testing.T) {
	x := newTestIsolated(t, "")
	src := writeTemp(t, "demo.pdf", mustRead(t, demoPDF(t)))
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(src, old, old); err != nil {
		t.Fatal(err)
	}
	before := mustRead(t, src)
	dst := filepath.Join(t.TempDir(), "demo-annotated.pdf")
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	hs := []appraise.Highlight{
		{ID: "a-1", Page: 1, Quads: []appraise.Rect{{X0: 72, Y0: 100, X1: 300, Y1: 112}}, Color: [3]uint8{255, 214, 0}, Contents: "bias — a note", Author: "Dr Émile", Modified: when},
		{ID: "a-2", Page: 1, Quads: []appraise.Rect{{X0: 60, Y0: 400, X1: 280, Y1: 412}, {X0: 60, Y0: 414, X1: 120, Y1: 426}}, Color: [3]uint8{0, 160, 255}, Contents: "outcome", Author: "kim", Modified: when},
		{ID: "a-3", Page: 3, Quads: []appraise.Rect{{X0: 300, Y0: 200, X1: 500, Y1: 212}}, Color: [3]uint8{0, 200, 80}, Contents: "", Author: "kim", Modified: when},
	}
	if err := x.WriteHighlights(context.Background(), src, dst, hs); err != nil {
		t.Fatal(err)
	}
	checkOpens(t, dst)
	got := highlightsIn(t, dst)
	if len(got) != len(hs) {
		t.Fatalf("%d highlights in the copy, want %d", len(got), len(hs))
	}
	for _, h := range hs {
		a, ok := got[h.ID]
		if !ok {
			t.Errorf("no highlight with /NM %s", h.ID)
			continue
		}
		if a.T != h.Author || a.Contents != h.Contents {
			t.Errorf("%s: /T %q /Contents %q, want %q %q", h.ID, a.T, a.Contents, h.Author, h.Contents)
		}
		if a.M != "D:20260304050607Z" {
			t.Errorf("%s: /M %q", h.ID, a.M)
		}
		if a.F&4 == 0 {
			t.Errorf("%s: /F %d lacks the print flag", h.ID, a.F)
		}
		if len(a.QuadPoints) != 8*len(h.Quads) {
			t.Errorf("%s: %d quad numbers, want %d", h.ID, len(a.QuadPoints), 8*len(h.Quads))
		}
		if len(a.C) != 3 || int(a.C[0]*255+0.5) != int(h.Color[0]) || int(a.C[1]*255+0.5) != int(h.Color[1]) || int(a.C[2]*255+0.5) != int(h.Color[2]) {
			t.Errorf("%s: /C %v, want %v", h.ID, a.C, h.Color)
		}
		if a.AP == nil {
			t.Errorf("%s: no appearance stream", h.ID)
		}
	}
	// The first highlight, as poppler draws the copy: coloured under its box.
	img := popplerPage(t, dst, 1)
	yellow := func(r, g, b uint8) bool { return r > 200 && g > 170 && g < 240 && b < 80 }
	if s := share(img, hs[0].Quads[0], 1, yellow); s < 0.5 {
		t.Errorf("poppler draws %.2f of the first highlight's box in its colour, want most", s)
	}
	// The original is untouched.
	if !bytes.Equal(mustRead(t, src), before) {
		t.Error("the source PDF's bytes changed")
	}
	if st, err := os.Stat(src); err != nil || !st.ModTime().Equal(old) {
		t.Errorf("the source PDF's modification time changed: %v", err)
	}
	// No temporary file is left next to the copy.
	if ents, _ := os.ReadDir(filepath.Dir(dst)); len(ents) != 1 {
		t.Errorf("%d files next to the copy, want only it", len(ents))
	}
}

func TestWriteHighlightsOnTurnedAndCroppedPages(t *testing.T) {
	x := newTestIsolated(t, "")
	for _, rot := range []int{0, 90, 180, 270} {
		src := writeTemp(t, "turned.pdf", turnedPage(rot))
		words := popplerWords(t, src, 1)
		sort.Slice(words, func(i, j int) bool { return words[i].Box.Y0 < words[j].Box.Y0 })
		marked, plain := words[:3], words[len(words)-1] // on the first line; one on the last
		var quads []appraise.Rect
		for _, w := range marked {
			quads = append(quads, w.Box)
		}
		dst := filepath.Join(t.TempDir(), "out.pdf")
		if err := x.WriteHighlights(context.Background(), src, dst, []appraise.Highlight{{ID: "h", Page: 1, Quads: quads, Color: [3]uint8{255, 214, 0}}}); err != nil {
			t.Fatal(err)
		}
		checkOpens(t, dst)
		yellow := func(r, g, b uint8) bool { return r > 200 && g > 170 && g < 240 && b < 80 }
		pdfium, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: dst, Page: 1, Scale: 1})
		if err != nil {
			t.Fatal(err)
		}
		for viewer, img := range map[string]image.Image{"poppler": popplerPage(t, dst, 1), "PDFium": pdfium} {
			for _, w := range marked {
				if s := share(img, w.Box, 1, yellow); s < 0.4 {
					t.Errorf("rotate %d, %s: %.2f of %q (%v) is highlighted, want most", rot, viewer, s, w.Text, w.Box)
				}
			}
			if s := share(img, plain.Box, 1, yellow); s > 0.02 {
				t.Errorf("rotate %d, %s: %.2f of the unmarked %q is highlighted", rot, viewer, s, plain.Text)
			}
		}
	}
}

func TestWriteHighlightsRefusesEncryptedPDFs(t *testing.T) {
	need(t, "qpdf")
	x := newTestIsolated(t, "")
	for name, args := range map[string][]string{
		"user password":       {"--encrypt", "user", "owner", "256", "--"},
		"owner password only": {"--encrypt", "", "owner", "256", "--"},
	} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "enc.pdf")
			if out, err := exec.Command("qpdf", append(args, demoPDF(t), src)...).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, out)
			}
			dst := filepath.Join(t.TempDir(), "out.pdf")
			err := x.WriteHighlights(context.Background(), src, dst, []appraise.Highlight{{ID: "h", Page: 1, Quads: []appraise.Rect{{X0: 1, Y0: 1, X1: 9, Y1: 9}}}})
			if !errors.Is(err, appraise.ErrExportEncrypted) {
				t.Fatalf("got %v, want ErrExportEncrypted", err)
			}
			if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("an output file was written: %v", err)
			}
		})
	}
}

func TestWriteHighlightsWillNotReplaceTheOriginal(t *testing.T) {
	x := newTestIsolated(t, "")
	src := writeTemp(t, "demo.pdf", mustRead(t, demoPDF(t)))
	before := mustRead(t, src)
	err := x.WriteHighlights(context.Background(), src, src, []appraise.Highlight{{ID: "h", Page: 1, Quads: []appraise.Rect{{X0: 1, Y0: 1, X1: 9, Y1: 9}}}})
	if err == nil {
		t.Fatal("writing the copy over the original succeeded")
	}
	if !bytes.Equal(mustRead(t, src), before) {
		t.Error("the original changed")
	}
}

// popplerPage draws page of the PDF at path at 72 dpi with pdftoppm.
func popplerPage(tb testing.TB, path string, page int) image.Image {
	tb.Helper()
	need(tb, "pdftoppm")
	out, err := exec.Command("pdftoppm", "-cropbox", "-r", "72", "-png", "-singlefile", "-f", "1", "-l", "1", path).Output()
	if err != nil {
		tb.Fatalf("pdftoppm %s: %v", path, err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		tb.Fatal(err)
	}
	return img
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
