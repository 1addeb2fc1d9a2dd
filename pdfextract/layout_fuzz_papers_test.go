package pdfextract

import (
	"fmt"
	"sync"
	"testing"

	"appraise.app/appraise/internal/segment"
	"appraise.app/appraise/internal/testpdf"
)

// generatedPapers are the glyph pages of the PDFs the project generates
// (internal/testpdf and the cases of this round's layout tests), read
// once: the seeds FuzzLayoutGeneratedPapers perturbs.
var generatedPapers = sync.OnceValue(func() [][]PageGlyphs {
	pdfs := [][]byte{
		accentDoc(at("F1", 72, "Mart") + at("F2", 95.67, "\x82") + at("F2", 96, "\x80") + at("F1", 99.336, "nez")),
		runInDoc("Search strategy and identification of studies", "We performed a systematic search of"),
		figureInParagraph("agreed to take part; those who agreed were subse-", "quently", "Figure 1. Flow of participants.", "Second caption line."),
		tableDoc(),
		sidebarPage(),
		flowChartPage(),
		pkFontPage("bitmap fonts set words", "with kerns for spaces"),
		boxInMethods(),
		footnoteUnderColumns(),
		twoHeadingsInOneLine("Summary of Main Results SSRI Versus Placebo"),
		annotatedDoc(func(d *testpdf.Doc) []int {
			return []int{d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /Rect [72 600 372 620] /AP << /N %d 0 R >> >>", appearance(d, "0 0 300 20", "A comment.")))}
		}),
	}
	for _, gen := range []func() ([]byte, string){testpdf.OneColumn, testpdf.TwoColumn, testpdf.HeaderFooter,
		testpdf.Superscripts, testpdf.SuperscriptKinds, testpdf.Rotated, testpdf.CIDFonts} {
		pdf, _ := gen()
		pdfs = append(pdfs, pdf)
	}
	var out [][]PageGlyphs
	for _, pdf := range pdfs {
		if pages, err := PageGlyphsOf(pdf, Options{}); err == nil {
			out = append(out, pages)
		}
	}
	return out
})

// FuzzLayoutGeneratedPapers perturbs real layouts — the generated papers'
// glyphs moved, resized, restyled, made invisible, or turned into accents,
// combining marks and superscripts — and checks layout and segmentation
// never panic and keep their offsets consistent. Each 4 bytes of input
// change one glyph: which (2 bytes), what (1 byte), by how much (1 byte).
func FuzzLayoutGeneratedPapers(f *testing.F) {
	for i := range len(generatedPapers()) {
		f.Add(byte(i), []byte{})
		f.Add(byte(i), []byte{0, 3, 1, 200, 0, 9, 4, 7, 1, 2, 6, 1})
	}
	texts := []string{"\u0301", "ı", "´", "¸", "=", "2", "-", " ", "Figure", "\u00AD", "a"}
	f.Fuzz(func(t *testing.T, which byte, edits []byte) {
		papers := generatedPapers()
		src := papers[int(which)%len(papers)]
		pages := make([]PageGlyphs, len(src))
		for i, p := range src {
			pages[i] = p
			pages[i].Glyphs = append([]Glyph(nil), p.Glyphs...)
		}
		for len(edits) >= 4 {
			e := edits[:4]
			edits = edits[4:]
			p := &pages[int(e[0])%len(pages)]
			if len(p.Glyphs) == 0 {
				continue
			}
			g := &p.Glyphs[int(e[1])%len(p.Glyphs)]
			v := float64(int8(e[3]))
			switch e[2] % 8 {
			case 0:
				g.X += v / 4
			case 1:
				g.Y += v / 4
			case 2:
				g.Size = max(0, g.Size+v/16)
			case 3:
				g.Bold = !g.Bold
			case 4:
				g.Invisible = !g.Invisible
			case 5:
				g.Text = texts[int(e[3])%len(texts)]
			case 6:
				g.Rise = v / 8
			case 7:
				g.W = v / 8
			}
		}
		text := checkLayout(t, pages)
		blocks, _, _ := layoutPages(pages)
		prev := 0
		for _, p := range segment.Passages(text, blocks) {
			if p.Start < prev || p.End <= p.Start || p.Page < 1 {
				t.Fatalf("passage %+v out of order, empty or without a page", p)
			}
			prev = p.End
		}
	})
}
