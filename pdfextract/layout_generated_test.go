package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// TestLayoutGeneratedPDFs runs the PDFs the project generates itself
// (internal/testpdf) through the interpreter and layout and compares the
// text with each generator's truth, exactly: blocks in reading order
// separated by a blank line, hyphenation undone, no running headers,
// footers or page numbers.
func TestLayoutGeneratedPDFs(t *testing.T) {
	tests := []struct {
		name string
		gen  func() ([]byte, string)
	}{
		{"one column", testpdf.OneColumn},
		{"two columns", testpdf.TwoColumn},
		{"running header and footer", testpdf.HeaderFooter},
		{"CID fonts", testpdf.CIDFonts},
		{"ligatures", testpdf.Ligatures},
		{"superscripts", testpdf.Superscripts},
		{"superscript kinds (exponents, citations, affiliations)", testpdf.SuperscriptKinds},
		{"rotated page", testpdf.Rotated},
		{"form XObject", testpdf.FormXObject},
		{"Type3 font", testpdf.Type3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, truth := tt.gen()
			pages, err := PageGlyphsOf(pdf, Options{})
			if err != nil {
				t.Fatalf("glyphs: %v", err)
			}
			_, text, _ := layoutPages(pages)
			want := strings.TrimRight(truth, "\n")
			if text != want {
				t.Errorf("text differs from the generator's truth\n got: %q\nwant: %q", text, want)
			}
		})
	}
}
