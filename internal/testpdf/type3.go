package testpdf

import (
	"fmt"
	"strings"
)

// Type3 is one page in a Type 3 font whose glyphs are drawn by content
// streams (each letter a filled box, so pages render as blocks) with a
// FontMatrix of 0.002 — glyph space is 500 units to the em, not the usual
// 1000 — and widths of 250 units (half an em). Text comes from the glyph
// names in the font's /Differences (/a … /z, /space); there is no
// ToUnicode.
func Type3() (pdf []byte, truthText string) {
	lines := []string{"type three fonts draw each glyph", "with a small content stream"}
	var (
		procs strings.Builder
		diffs strings.Builder
		d     = NewDoc()
	)
	diffs.WriteString("32 /space 97")
	for c := 'a'; c <= 'z'; c++ {
		// A box 200 units wide and 350 high: lower-case letters as blocks.
		p := d.AddStream("", []byte("250 0 20 0 220 350 d1 20 0 200 350 re f"))
		fmt.Fprintf(&procs, "/%c %d 0 R ", c, p)
		fmt.Fprintf(&diffs, " /%c", c)
	}
	space := d.AddStream("", []byte("250 0 d0"))
	fmt.Fprintf(&procs, "/space %d 0 R", space)
	widths := make([]string, 'z'-' '+1)
	for i := range widths {
		widths[i] = "250"
	}
	font := d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 250 350] "+
		"/FontMatrix [0.002 0 0 0.002 0 0] /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [%s] >> "+
		"/FirstChar 32 /LastChar 122 /Widths [%s] /Resources << >> >>", procs.String(), diffs.String(),
		strings.Join(widths, " ")))
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /T3 %d 0 R >> >>", d.Font, font))
	d.SetObjectBytes(d.Contents[0], StreamBody("", []byte(Lines("T3", 14, 72, 700, 20, lines...))))

	var t truth
	t.add(lines...)
	return d.Bytes(), t.String()
}
