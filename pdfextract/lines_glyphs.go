package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Glyphs as layout sees them: cleaned, filtered, with style read from
// the font name when the flags do not say.

// lglyph is a glyph prepared for layout.
type lglyph struct {
	text          string // cleaned; " " for a drawn space
	x0, x1        float64
	base          float64 // baseline y (rise applied)
	size          float64
	rise          float64
	bold, italic  bool
	font          string
	space         bool // a drawn space: a word break, not ink
	seq           int
	superscript   bool // set per line: small and raised above the line
	accentCombine rune // combining mark when this is a spacing accent
}

func (g *lglyph) top() float64    { return g.base - 0.8*g.size }
func (g *lglyph) bottom() float64 { return g.base + 0.25*g.size }

// prepareGlyphs filters and converts one page's glyphs: no unmapped,
// rotated, off-page or non-finite glyphs; invisible glyphs only when the
// page has no visible ones (an OCR layer under a scan is the page's text).
func prepareGlyphs(p PageGlyphs) []lglyph {
	src := p.Glyphs
	if len(src) > layoutMaxGlyphs {
		src = src[:layoutMaxGlyphs]
	}
	visible, upright := 0, 0
	for i := range src {
		if !src[i].Invisible {
			visible++
		}
		if src[i].Upright {
			upright++
		}
	}
	keepInvisible := visible == 0
	type style struct{ bold, italic bool }
	styles := map[string]style{} // font name → style read from it
	styleOf := func(font string) style {
		st, ok := styles[font]
		if !ok {
			st = style{fontNameBold(font), fontNameItalic(font)}
			styles[font] = st
		}
		return st
	}
	// Pages and glyphs are kept within maxCoord points so no sum or
	// difference of coordinates overflows; a page of unknown size takes the
	// largest.
	w, h := p.Width, p.Height
	if !(w > 0) || w > maxCoord {
		w = maxCoord
	}
	if !(h > 0) || h > maxCoord {
		h = maxCoord
	}
	out := make([]lglyph, 0, len(src))
	for i := range src {
		g := &src[i]
		if g.Invisible && !keepInvisible || !g.Upright && upright > 0 {
			continue
		}
		if !finite(g.X) || !finite(g.Y) || !finite(g.W) || !finite(g.Size) || !finite(g.Rise) ||
			math.Abs(g.W) > maxCoord || math.Abs(g.Rise) > maxCoord {
			continue
		}
		text := cleanGlyphText(g.Text)
		if text == "" {
			continue
		}
		size := math.Abs(g.Size)
		if size < 0.5 {
			size = 0.5
		}
		if size > 1000 {
			size = 1000
		}
		width := g.W
		if !(width > 0) {
			width = 0.5 * size
		}
		cx := g.X + width/2
		if cx < 0 || cx > w || g.Y <= 0 || g.Y-size >= h {
			continue // outside the crop box: clipped away
		}
		lg := lglyph{
			text: text, x0: g.X, x1: g.X + width, base: g.Y, size: size, rise: g.Rise,
			bold: g.Bold || styleOf(g.Font).bold, italic: g.Italic || styleOf(g.Font).italic, seq: g.Seq,
			font: g.Font,
		}
		if strings.TrimSpace(text) == "" {
			lg.text, lg.space = " ", true
		} else if r := []rune(text); len(r) == 1 {
			if m, ok := spacingAccents[r[0]]; ok {
				lg.accentCombine = m
			}
		}
		out = append(out, lg)
	}
	slices.SortFunc(out, func(a, b lglyph) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

// fontNameBold and fontNameItalic read the style from a font's name when
// its descriptor flags do not say: "NimbusRomNo9L-Medi", "Arial,Bold",
// "MinionPro-Semibold", "CMMI10" (math italic), "MT2MIT".
func fontNameBold(name string) bool {
	n := strings.ToLower(name)
	for _, k := range []string{"bold", "medi", "semibold", "demi", "black", "heavy", "-bd", ",bd", "-sb"} {
		if strings.Contains(n, k) {
			return true
		}
	}
	return strings.HasPrefix(n, "cmbx") || strings.HasPrefix(n, "sfbx")
}

func fontNameItalic(name string) bool {
	n := strings.ToLower(name)
	for _, k := range []string{"italic", "oblique", "-it", ",it", "-ital", "mathit"} {
		if strings.Contains(n, k) {
			return true
		}
	}
	return strings.HasPrefix(n, "cmmi") || strings.HasPrefix(n, "cmti") || strings.HasPrefix(n, "mt2mit")
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
