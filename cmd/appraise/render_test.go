package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/pdfrender"
	"appraise.app/appraise/pdfextract"
)

// renderCache is one compilation cache for this package's tests, so only
// the first render worker compiles PDFium's module from scratch.
var renderCache = filepath.Join(os.TempDir(), "appraise-cmd-test-wazero")

// withRenderCache points the user cache folder, where the app keeps the
// compiled module, at renderCache.
func withRenderCache(t *testing.T) {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", renderCache)
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

func TestRenderedDemoPageHasInkWhereTheExtractorSaysTextIs(t *testing.T) {
	ctx := context.Background()
	doc, err := pdfextract.NewIsolated().Extract(ctx, demoPDF, appraise.ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := pdfrender.NewIsolated(filepath.Join(renderCache, "appraise", "wazero"))
	t.Cleanup(func() { _ = r.Close() })
	const scale = 1.5
	img, err := r.RenderPage(ctx, appraise.RenderRequest{Path: demoPDF, Page: 1, Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	pg := doc.Pages[0]
	if img.Rect.Dx() != int(math.Round(pg.Width*scale)) || img.Rect.Dy() != int(math.Round(pg.Height*scale)) {
		t.Errorf("image %v, want the extractor's page %g×%g pt × %g", img.Rect, pg.Width, pg.Height, scale)
	}
	blocks := 0
	for _, b := range doc.Blocks {
		if b.Page != 1 || b.BBox.X1 <= b.BBox.X0 {
			continue
		}
		blocks++
		n, ink := 0, 0
		for y := int(b.BBox.Y0 * scale); y < int(b.BBox.Y1*scale); y++ {
			for x := int(b.BBox.X0 * scale); x < int(b.BBox.X1*scale); x++ {
				c := img.RGBAAt(x, y)
				n++
				if int(c.R)+int(c.G)+int(c.B) < 3*160 {
					ink++
				}
			}
		}
		if n == 0 || float64(ink)/float64(n) < 0.02 {
			t.Errorf("block %d (%v): %d of %d pixels inked, want text there", b.Index, b.BBox, ink, n)
		}
	}
	if blocks < 5 {
		t.Fatalf("only %d blocks on page 1", blocks)
	}
}

// demoQuotes are sentences of the demo paper annotated in the export
// tests: on page 1 (abstract and both columns) and page 2.
var demoQuotes = []string{
	"Postpartum depression affects roughly one in eight women in the first year after childbirth",
	"Data were obtained by retrospective review of the clinical records.",
	"For a woman caring for a young infant, arranging childcare for every visit is a practical barrier",
	"Two authors (MKO and IV) extracted demographic details, obstetric history, session attendance and scale scores",
	"Depressive symptoms were rated with the Edinburgh Postnatal Depression Scale",
}

// annotateDemo imports the demo paper into db and annotates demoQuotes.
func annotateDemo(t *testing.T, db string) string {
	t.Helper()
	id := strings.TrimSpace(mustCLI(t, db, "import", demoPDF))
	for i, q := range demoQuotes {
		mustCLI(t, db, "annotate", "--paper", id, "--quote", q, "--tag", []string{"claim", "population", "limitation"}[i%3], "--note", "note "+strconv.Itoa(i), "--author", "ana")
	}
	return id
}

func TestExportAnnotatedPDFCommand(t *testing.T) {
	needTools(t, "qpdf", "pdfinfo", "pdftotext")
	withRenderCache(t)
	db := newDB(t)
	id := annotateDemo(t, db)
	out := filepath.Join(t.TempDir(), "marked.pdf")
	got := mustCLI(t, db, "export", "--paper", id, "--format", "pdf", "-o", out)
	if want := "wrote " + out + ": 5 highlights\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	for _, tool := range [][]string{{"qpdf", "--check", out}, {"pdfinfo", out}, {"pdftotext", out, os.DevNull}} {
		if b, err := exec.Command(tool[0], tool[1:]...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", strings.Join(tool, " "), err, b)
		}
	}
	hs := exportedHighlights(t, out)
	if len(hs) != 5 {
		t.Fatalf("%d /Highlight annotations, want 5", len(hs))
	}
	for _, h := range hs {
		if h.NM == "" || h.T != "ana" || !strings.Contains(h.Contents, " — note ") || len(h.QuadPoints) == 0 || len(h.QuadPoints)%8 != 0 {
			t.Errorf("highlight %+v lacks /NM, /T, /Contents or /QuadPoints", h)
		}
	}
	// Filtered as the other exports are: one tag's annotations only.
	got = mustCLI(t, db, "export", "--paper", id, "--format", "pdf", "--tag", "population", "-o", out)
	if !strings.HasSuffix(got, ": 2 highlights\n") {
		t.Errorf("with --tag population: %q, want 2 highlights", got)
	}
}

func TestExportAnnotatedPDFCommandRefusesEncrypted(t *testing.T) {
	needTools(t, "qpdf")
	withRenderCache(t)
	db := newDB(t)
	enc := filepath.Join(t.TempDir(), "locked.pdf")
	if b, err := exec.Command("qpdf", "--encrypt", "", "owner", "256", "--", demoPDF, enc).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	id := strings.TrimSpace(mustCLI(t, db, "import", enc))
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, _, errOut := cliLib(t, db, "export", "--paper", id, "--format", "pdf", "-o", out)
	if code != exitTyped || !strings.Contains(errOut, appraise.ErrExportEncrypted.Error()) {
		t.Errorf("exit %d, stderr %q: want the encrypted sentence and a failure", code, errOut)
	}
	assertNoTrace(t, errOut)
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// TestExportedHighlightsCoverTheQuotedWords is the end-to-end check of the
// page seam: annotations made on the text, exported as a PDF, must lie over
// the words as poppler finds them on the page.
func TestExportedHighlightsCoverTheQuotedWords(t *testing.T) {
	needTools(t, "qpdf", "pdftotext")
	withRenderCache(t)
	db := newDB(t)
	id := annotateDemo(t, db)
	out := filepath.Join(t.TempDir(), "marked.pdf")
	mustCLI(t, db, "export", "--paper", id, "--format", "pdf", "-o", out)
	hs := exportedHighlights(t, out)
	for _, q := range demoQuotes {
		covered := false
		for page := 1; page <= 2 && !covered; page++ {
			words, height := quotedWords(t, out, page, q)
			if words == nil {
				continue
			}
			covered = true
			var quads []rect
			for _, h := range hs {
				if h.page == page {
					quads = append(quads, h.topLeftQuads(height)...)
				}
			}
			for _, w := range words {
				if c := coverage(w.box, quads); c < 0.8 {
					t.Errorf("%q on page %d: %.0f%% of its box %v is highlighted, want ≥ 80%%", w.text, page, 100*c, w.box)
				}
			}
		}
		if !covered {
			t.Errorf("pdftotext does not find %q on pages 1–2", q)
		}
	}
}

type rect struct{ x0, y0, x1, y1 float64 }

// coverage is the share of r's area inside the union of quads (which do
// not overlap: one per line).
func coverage(r rect, quads []rect) float64 {
	in := 0.0
	for _, q := range quads {
		w := min(r.x1, q.x1) - max(r.x0, q.x0)
		h := min(r.y1, q.y1) - max(r.y0, q.y0)
		if w > 0 && h > 0 {
			in += w * h
		}
	}
	return in / ((r.x1 - r.x0) * (r.y1 - r.y0))
}

// highlight is a /Highlight annotation read back with qpdf.
type highlight struct {
	page       int
	NM         string    `json:"/NM"`
	T          string    `json:"/T"`
	Contents   string    `json:"/Contents"`
	QuadPoints []float64 `json:"/QuadPoints"`
}

// topLeftQuads converts the quads to points from the top-left corner of
// a page height points high (the demo's pages are upright, their media
// box at the origin).
func (h highlight) topLeftQuads(height float64) []rect {
	var out []rect
	for i := 0; i+8 <= len(h.QuadPoints); i += 8 {
		q := h.QuadPoints[i : i+8]
		r := rect{x0: q[0], x1: q[0], y0: q[1], y1: q[1]}
		for k := 0; k < 8; k += 2 {
			r.x0, r.x1 = min(r.x0, q[k]), max(r.x1, q[k])
			r.y0, r.y1 = min(r.y0, q[k+1]), max(r.y1, q[k+1])
		}
		out = append(out, rect{x0: r.x0, x1: r.x1, y0: height - r.y1, y1: height - r.y0})
	}
	return out
}

// exportedHighlights reads every /Highlight of the PDF with its page.
func exportedHighlights(t *testing.T, path string) []highlight {
	t.Helper()
	b, err := exec.Command("qpdf", "--json", "--json-key=pages", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	var out []highlight
	for i, p := range doc.Pages {
		var pg struct {
			Annots []string `json:"/Annots"`
		}
		if err := json.Unmarshal(objs["obj:"+p.Object].Value, &pg); err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		for _, ref := range pg.Annots {
			var h struct {
				highlight
				Subtype string `json:"/Subtype"`
			}
			if json.Unmarshal(objs["obj:"+ref].Value, &h) != nil || h.Subtype != "/Highlight" {
				continue
			}
			h.page = i + 1
			h.NM, h.T, h.Contents = strings.TrimPrefix(h.NM, "u:"), strings.TrimPrefix(h.T, "u:"), strings.TrimPrefix(h.Contents, "u:")
			out = append(out, h.highlight)
		}
	}
	return out
}

type popplerWord struct {
	text string
	box  rect
}

var bboxWordRE = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)

var pageHeightRE = regexp.MustCompile(`<page width="[0-9.]+" height="([0-9.]+)">`)

// quotedWords finds quote's words, in order, among pdftotext -bbox's
// words of page (nil when they are not there), and the page's height.
func quotedWords(t *testing.T, path string, page int, quote string) ([]popplerWord, float64) {
	t.Helper()
	b, err := exec.Command("pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var height float64
	if m := pageHeightRE.FindStringSubmatch(string(b)); m != nil {
		height, _ = strconv.ParseFloat(m[1], 64)
	}
	var words []popplerWord
	for _, m := range bboxWordRE.FindAllStringSubmatch(string(b), -1) {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		words = append(words, popplerWord{text: m[5], box: rect{f(m[1]), f(m[2]), f(m[3]), f(m[4])}})
	}
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	want := strings.Fields(quote)
	for i := range words {
		if i+len(want) > len(words) {
			break
		}
		ok := true
		for k, w := range want {
			if norm(words[i+k].text) != norm(w) {
				ok = false
				break
			}
		}
		if ok {
			return words[i : i+len(want)], height
		}
	}
	return nil, height
}
