package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// pkFontPage is a page set the way pdfTeX sets a bitmap (PK) font: a
// Type 3 font whose glyph space is 600-dpi pixels (FontMatrix 0.01204, so
// 1 unit is 0.12 pt at 9.96 pt), glyphs about 42 units wide, no space
// glyph — word spaces are TJ kerns — and lines 12 pt apart.
func pkFontPage(lines ...string) []byte {
	d := testpdf.NewDoc()
	var procs, diffs strings.Builder
	diffs.WriteString("97")
	widths := make([]string, 26)
	for i := range 26 {
		c := 'a' + rune(i)
		w := 42
		if c == 'i' || c == 'l' || c == 't' {
			w = 23
		} else if c == 'm' || c == 'w' {
			w = 69
		}
		widths[i] = fmt.Sprint(w)
		p := d.AddStream("", []byte(fmt.Sprintf("%d 0 2 0 %d 46 d1 2 0 %d 44 re f", w, w-2, w-4)))
		fmt.Fprintf(&procs, "/%c %d 0 R ", c, p)
		fmt.Fprintf(&diffs, " /%c", c)
	}
	font := d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 -20 70 70] "+
		"/FontMatrix [0.01204 0 0 0.01204 0 0] /CharProcs << %s>> /Encoding << /Type /Encoding /Differences [%s] >> "+
		"/FirstChar 97 /LastChar 122 /Widths [%s] /Resources << >> >>", procs.String(), diffs.String(), strings.Join(widths, " ")))
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /T3 %d 0 R >> >>", d.Font, font))
	var b strings.Builder
	for i, l := range lines {
		// Words as TJ strings kerned apart by a third of an em.
		var tj []string
		for _, w := range strings.Fields(l) {
			tj = append(tj, testpdf.LiteralString(w))
		}
		fmt.Fprintf(&b, "BT /T3 9.96 Tf 72 %g Td [%s] TJ ET\n", 700-12*float64(i), strings.Join(tj, " -333 "))
	}
	d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("", []byte(b.String())))
	return d.Bytes()
}

func TestBitmapType3FontKeepsLinesAndSpaces(t *testing.T) {
	lines := []string{"bitmap fonts from old preprints set every word",
		"with kerns instead of spaces and their glyph space",
		"counts pixels so the em is small"}
	doc, err := ExtractBytes(pkFontPage(lines...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(lines, " "); doc.Text != want {
		t.Errorf("text:\n%q\nwant:\n%q", doc.Text, want)
	}
}
