package pdfextract

import (
	"fmt"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// symbolFontDoc shows parts alternately in Helvetica (/F1) and in a font
// named name (/F3, WinAnsi codes, no ToUnicode), glued together.
func symbolFontDoc(name string, parts ...string) []byte {
	content := "BT /F1 11 Tf 72 700 Td "
	for i, p := range parts {
		f := "F1"
		if i%2 == 1 {
			f = "F3"
		}
		content += fmt.Sprintf("/%s 11 Tf %s Tj ", f, testpdf.LiteralString(p))
	}
	d := testpdf.NewDoc(content + "ET\n")
	f3 := d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+%s /FirstChar 32 /LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding >>", name, repeatWidth(224, 500)))
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F3 %d 0 R >> >>", d.Font, f3))
	return d.Bytes()
}

func repeatWidth(n, w int) string {
	s := ""
	for i := range n {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprint(w)
	}
	return s
}

func TestBrokenSymbolFontsReadAsTheirSigns(t *testing.T) {
	tests := []struct {
		name  string
		font  string
		parts []string
		want  string
	}{
		{"equals drawn as ¼ in an Advent Pi font", "AdvP4C4E51", []string{"Difference p", "\xbc", "0.51 between arms"}, "Difference p=0.51 between arms"},
		{"plus-minus drawn as 6", "AdvP4C4E74", []string{"Age was 34", "6", "5 years"}, "Age was 34±5 years"},
		{"en dash drawn as e", "AdvPi1", []string{"Scores ranged 1", "e", "3 points"}, "Scores ranged 1–3 points"},
		{"minus, plus and times", "AdvPSSym", []string{"Change of ", "\xc0", "2 and ", "\xfe", "1, area 3 ", "\xc2", " 4"}, "Change of −2 and +1, area 3 × 4"},
		{"a text font of the same system is left alone", "AdvOT596495f2", []string{"Group ", "6", " had ", "e", "ight"}, "Group 6 had eight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(symbolFontDoc(tt.font, tt.parts...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("got %q, want %q", doc.Text, tt.want)
			}
		})
	}
}
