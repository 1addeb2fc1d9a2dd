package pdfextract

import (
	"math/rand/v2"
	"testing"
)

// Hostile glyph layouts: up to the most glyphs a page may carry, arranged to
// defeat the sweeps (all on one spot, one endless line, a dense vertical
// stack, random scatter). Layout must finish them with consistent offsets
// and some text; BenchmarkLayoutHostile shows how fast.
func hostilePages(n int) map[string][]PageGlyphs {
	mk := func(f func(i int) Glyph) []PageGlyphs {
		p := PageGlyphs{Number: 1, Width: 612, Height: 792, Glyphs: make([]Glyph, n)}
		for i := range p.Glyphs {
			g := f(i)
			g.Seq, g.Upright, g.Size = i, true, max(g.Size, 1)
			if g.Text == "" {
				g.Text = "a"
			}
			p.Glyphs[i] = g
		}
		return []PageGlyphs{p}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	return map[string][]PageGlyphs{
		"one spot": mk(func(i int) Glyph { return Glyph{X: 300, Y: 400, W: 5, Size: 10} }),
		"one line": mk(func(i int) Glyph { return Glyph{X: 10 + float64(i)*600/float64(n), Y: 400, W: 5, Size: 10} }),
		"stack":    mk(func(i int) Glyph { return Glyph{X: 300, Y: 10 + float64(i)*780/float64(n), W: 5, Size: 10} }),
		"scatter": mk(func(i int) Glyph {
			return Glyph{Text: string(rune('a' + i%26)), X: rng.Float64() * 600, Y: 1 + rng.Float64()*790, W: 5, Size: 4 + rng.Float64()*8}
		}),
		"superscripts": mk(func(i int) Glyph {
			g := Glyph{X: 10 + float64(i%2000)*0.3, Y: 20 + float64(i/2000)*7.5, W: 0.3, Size: 10}
			if i%2 == 1 {
				g.Size, g.Y, g.Text = 5, g.Y-3, "1"
			}
			return g
		}),
	}
}

func TestLayoutHostilePagesFinish(t *testing.T) {
	for name, pages := range hostilePages(layoutMaxGlyphs / 4) {
		t.Run(name, func(t *testing.T) {
			if checkLayout(t, pages) == "" {
				t.Fatal("no text from a page of visible glyphs")
			}
		})
	}
}

func BenchmarkLayoutHostile(b *testing.B) {
	for name, pages := range hostilePages(layoutMaxGlyphs) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				layoutPages(pages)
			}
		})
	}
}
