package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Glyphs as layout sees them: cleaned, filtered, with style read from
// the font name when the flags do not say.

// lglyph is a glyph prepared for layout.
// Fields are ordered so that the struct has no padding (88 bytes): pages
// hold thousands.
type lglyph struct {
	text          string // cleaned; " " for a drawn space
	font          string
	x0, x1        float64
	base          float64 // baseline y (rise applied)
	size          float64
	rise          float64
	seq           int
	accentCombine rune // combining mark when this is a spacing accent
	bold, italic  bool
	space         bool // a drawn space: a word break, not ink
	superscript   bool // set per line: small and raised above the line
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
	var styles fontStyles
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
		st := styles.of(g.Font)
		lg := lglyph{
			text: text, x0: g.X, x1: g.X + width, base: g.Y, size: size, rise: g.Rise,
			bold: g.Bold || st.bold, italic: g.Italic || st.italic, seq: g.Seq,
			font: g.Font,
		}
		if strings.TrimSpace(text) == "" {
			lg.text, lg.space = " ", true
		} else if r, n := utf8.DecodeRuneInString(text); n == len(text) {
			lg.accentCombine = combiningFor(r)
		}
		out = append(out, lg)
	}
	bySeq := func(a, b lglyph) int { return cmp.Compare(a.seq, b.seq) }
	if !slices.IsSortedFunc(out, bySeq) { // the interpreter emits in drawing order
		slices.SortFunc(out, bySeq)
	}
	return out
}

// fontStyles caches the style read from font names. Glyphs come in runs
// of one font, so the last name is checked before the map.
type fontStyles struct {
	last   string
	lastSt fontStyle
	known  map[string]fontStyle
}

type fontStyle struct{ bold, italic bool }

func (c *fontStyles) of(font string) fontStyle {
	if c.known == nil {
		c.known = map[string]fontStyle{}
	} else if font == c.last {
		return c.lastSt
	}
	st, ok := c.known[font]
	if !ok {
		st = fontStyle{fontNameBold(font), fontNameItalic(font)}
		c.known[font] = st
	}
	c.last, c.lastSt = font, st
	return st
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
