package pdfextract

import (
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// The project's generated PDFs, read at the glyph level: every letter and
// digit of each truth text must come out of the glyphs (a bag of
// characters, so the check does not depend on word grouping, which is
// layout's job), and nothing much else.
func TestGeneratedPDFsGlyphText(t *testing.T) {
	tests := []struct {
		name string
		gen  func() ([]byte, string)
		// precision is the character precision floor: generators whose
		// pages carry text the truth leaves out (running headers) set it
		// lower.
		precision float64
	}{
		{"one column, standard-14 Helvetica", testpdf.OneColumn, 0.99},
		{"two columns, standard-14 Times", testpdf.TwoColumn, 0.99},
		{"CID fonts, Identity-H", testpdf.CIDFonts, 0.99},
		{"ligatures by glyph name and ToUnicode", testpdf.Ligatures, 0.99},
		{"rotated page", testpdf.Rotated, 0.99},
		{"superscripts by text rise", testpdf.Superscripts, 0.99},
		{"running headers and footers", testpdf.HeaderFooter, 0.80},
		{"nested form XObjects", testpdf.FormXObject, 0.99},
		{"Type 3 font", testpdf.Type3, 0.99},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pdf, truth := tc.gen()
			pages, err := PageGlyphsOf(pdf, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, want := charBag(glyphPlainText(pages)), charBag(truth)
			if r := bagRecall(got, want); r < 1 {
				t.Errorf("character recall %.4f, want 1", r)
			}
			if p := bagRecall(want, got); p < tc.precision {
				t.Errorf("character precision %.4f, want ≥ %.2f", p, tc.precision)
			}
		})
	}
}

// The rotated generator draws text that reads left to right once the
// page is turned by its /Rotate 90: the glyphs must be upright on a
// landscape page.
func TestRotatedGeneratorIsUpright(t *testing.T) {
	pdf, _ := testpdf.Rotated()
	pages, err := PageGlyphsOf(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.Width <= p.Height {
		t.Errorf("page %gx%g, want landscape", p.Width, p.Height)
	}
	if len(p.Glyphs) == 0 {
		t.Fatal("no glyphs")
	}
	for _, g := range p.Glyphs {
		if !g.Upright {
			t.Fatalf("glyph %q at (%.1f, %.1f) is not upright", g.Text, g.X, g.Y)
		}
	}
}
