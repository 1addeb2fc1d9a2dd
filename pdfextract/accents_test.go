package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// accentDoc is a one-page PDF with Helvetica as /F1 and, as /F2, a font
// holding codes 128 dotlessi (278), 129 uni0301 (a combining acute of
// zero advance), 130 acute (333), 131 cedilla (333): accented names built
// the way TeX and other producers draw them.
func accentDoc(content string) []byte {
	d := testpdf.NewDoc(content)
	f2 := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 128 /LastChar 131 /Widths [278 0 333 333] /Encoding << /Differences [128 /dotlessi /uni0301 /acute /cedilla] >> >>")
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", d.Font, f2))
	return d.Bytes()
}

// at shows s in font f at (x, 700), size 12.
func at(f string, x float64, s string) string {
	return fmt.Sprintf("BT /%s 12 Tf %g 700 Td %s Tj ET\n", f, x, testpdf.LiteralString(s))
}

func TestAccentsComposeOntoTheRightLetter(t *testing.T) {
	// Helvetica at 12 pt: "Mart" is 24 wide; ı 3.336; ´ and ¸ 3.996;
	// "T" 7.332, "u" 6.672, "c" 6.
	acuteOverI := 96 + (3.336-3.996)/2
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"spacing acute drawn before a dotless i", at("F1", 72, "Mart") + at("F2", acuteOverI, "\x82") + at("F2", 96, "\x80") + at("F1", 99.336, "nez"), "Martínez"},
		{"spacing acute drawn after a dotless i", at("F1", 72, "Mart") + at("F2", 96, "\x80") + at("F2", acuteOverI, "\x82") + at("F1", 99.336, "nez"), "Martínez"},
		{"cedilla under c, not the next letter", at("F1", 72, "Tc") + at("F2", 79.332+1.002, "\x83") + at("F1", 85.332, "apar"), "Tçapar"},
		{"cedilla wider than its letter still goes under it", at("F1", 72, "Tc") + at("F2", 79.332+2.5, "\x83") + at("F1", 85.332, "apar"), "Tçapar"},
		{"zero-width combining acute after its letter keeps the next space", at("F1", 72, "Csigo") + at("F2", 102.672, "\x81") + at("F1", 102.672+3.336, "K. and"), "Csigó K. and"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(accentDoc(tt.content), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(doc.Text); got != tt.want {
				t.Errorf("got %q (% x), want %q", got, []rune(got), tt.want)
			}
		})
	}
}
