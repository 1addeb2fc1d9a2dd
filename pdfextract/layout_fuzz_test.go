package pdfextract

import (
	"encoding/binary"
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzLayoutPages feeds layout arbitrary glyphs — any positions, sizes,
// widths (NaN, ±Inf, 0, negative), texts and flags — and checks it never
// panics and always returns consistent offsets.
func FuzzLayoutPages(f *testing.F) {
	f.Add([]byte("hello world, this is a seed of glyph bytes for the layout fuzzer"))
	f.Add(make([]byte, 64))
	f.Add([]byte{0xff, 0x7f, 0x80, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLayout(t, glyphsFromBytes(data))
	})
}

// checkLayout lays out pages and fails unless the text is UTF-8 and the
// blocks index it consistently: in order, non-empty, separated by two code
// points, the last ending at the text's end. It returns the text.
func checkLayout(tb testing.TB, pages []PageGlyphs) string {
	tb.Helper()
	blocks, text, lines := layoutPages(pages)
	if !utf8.ValidString(text) {
		tb.Fatalf("text is not UTF-8: %q", text)
	}
	n := utf8.RuneCountInString(text)
	at := 0
	for i, b := range blocks {
		if b.Index != i || b.Start != at || b.End <= b.Start || b.End > n {
			tb.Fatalf("block %d = %+v, want start %d within %d runes", i, b, at, n)
		}
		at = b.End + 2
	}
	if len(blocks) > 0 && blocks[len(blocks)-1].End != n || len(blocks) == 0 && text != "" {
		tb.Fatalf("text of %d runes, blocks end at %d", n, at-2)
	}
	checkLines(tb, pages, blocks, text, lines)
	return text
}

// glyphsFromBytes decodes 12 bytes per glyph; a zero byte at a glyph
// start begins a new page.
func glyphsFromBytes(data []byte) []PageGlyphs {
	texts := []string{"a", "b", "e", "1", "2", " ", "-", ".", "ﬁ", "´", "\u00AD", "", "Ω", "[", "é", "\u200B"}
	floats := []float64{0, -1, 1e308, math.Inf(1), math.NaN(), 0.001, 612, 792}
	pages := []PageGlyphs{{Number: 1, Width: 612, Height: 792}}
	for len(data) >= 12 {
		c := data[:12]
		data = data[12:]
		if c[0] == 0 {
			w, h := float64(c[1])*4, float64(c[2])*4
			if c[3]&1 == 1 {
				w, h = floats[c[4]%8], floats[c[5]%8]
			}
			pages = append(pages, PageGlyphs{Number: int(int8(c[6])), Width: w, Height: h})
			continue
		}
		num := func(i int) float64 {
			v := float64(binary.BigEndian.Uint16(c[i:])) / 64
			if c[11]&0x80 != 0 && c[i]%16 == 0 {
				return floats[c[i+1]%8]
			}
			return v
		}
		g := Glyph{
			Text: texts[c[0]%16], X: num(1), Y: num(3), W: float64(c[5]) / 16, Size: float64(c[6]) / 8,
			Rise: float64(int8(c[7])) / 8, Bold: c[8]&1 == 1, Italic: c[8]&2 == 2,
			Invisible: c[8]&4 == 4, Upright: c[8]&8 == 0, Font: texts[c[9]%16],
		}
		if c[11]&0x40 != 0 {
			g.W, g.Size = floats[c[9]%8], floats[c[10]%8]
		}
		p := &pages[len(pages)-1]
		g.Seq = len(p.Glyphs)
		p.Glyphs = append(p.Glyphs, g)
	}
	return pages
}
