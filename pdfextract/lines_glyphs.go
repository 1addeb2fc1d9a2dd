package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
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
// rotated, off-page or non-finite glyphs, and no invisible glyph lying
// under visible text (a duplicate of it). Other invisible glyphs are read:
// an OCR layer under a scan is the page's text, even when the page also
// prints a small visible stamp or banner.
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
	var ink inkGrid
	if visible > 0 && visible < len(src) {
		ink = newInkGrid(src)
	}
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
		if g.Invisible && ink.covers(g) || !g.Upright && upright > 0 {
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
		r, n := utf8.DecodeRuneInString(text)
		mark := n == len(text) && unicode.Is(unicode.Mn, r)
		width := g.W
		if !(width > 0) && !mark {
			width = 0.5 * size
		} else if !(width > 0) {
			width = 0 // a combining mark drawn with no advance
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
		} else if mark {
			lg.accentCombine = r
		} else if n == len(text) {
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

// inkGrid marks the cells of a page covered by visible glyphs, so an
// invisible glyph drawn where visible text is can be told from one drawn
// over an image (an OCR layer).
type inkGrid map[[2]int32]struct{}

// inkCell is the grid's cell size in points; a visible glyph wider or
// taller than maxInkCells cells marks nothing (display type is not what
// OCR layers duplicate, and it bounds the work per glyph).
// A page whose visible glyphs mark more than maxInkMarks cells (hostile,
// or a poster) is all ink: its invisible glyphs are dropped, as they were
// before the grid.
const (
	inkCell     = 3.0
	maxInkCells = 24
	maxInkMarks = 1 << 18
)

// allInkKey marks a grid that covers everything.
var allInkKey = [2]int32{math.MinInt32, math.MinInt32}

// allInk is the grid that covers everything (read-only).
var allInk = inkGrid{allInkKey: {}}

func newInkGrid(src []Glyph) inkGrid {
	g := inkGrid{}
	budget := maxInkMarks
	for i := range src {
		s := &src[i]
		if s.Invisible || !glyphBoxOK(s) {
			continue
		}
		size := math.Abs(s.Size)
		x0, x1 := s.X, s.X+max(s.W, 0.3*size)
		y0, y1 := s.Y-0.8*size, s.Y+0.2*size
		if (x1-x0)/inkCell > maxInkCells || (y1-y0)/inkCell > maxInkCells {
			continue // a huge glyph: not text that an OCR layer duplicates
		}
		for cx := int32(math.Floor(x0 / inkCell)); cx <= int32(math.Floor(x1/inkCell)); cx++ {
			for cy := int32(math.Floor(y0 / inkCell)); cy <= int32(math.Floor(y1/inkCell)); cy++ {
				if budget--; budget < 0 {
					return allInk
				}
				g[[2]int32{cx, cy}] = struct{}{}
			}
		}
	}
	return g
}

// covers reports whether the centre of glyph s lies on visible text; a
// nil grid covers nothing.
func (g inkGrid) covers(s *Glyph) bool {
	if g == nil || !glyphBoxOK(s) {
		return false
	}
	if _, all := g[allInkKey]; all {
		return true
	}
	size := math.Abs(s.Size)
	cx, cy := s.X+max(s.W, 0.3*size)/2, s.Y-0.3*size
	_, ok := g[[2]int32{int32(math.Floor(cx / inkCell)), int32(math.Floor(cy / inkCell))}]
	return ok
}

// glyphBoxOK: the glyph's position and size are finite and on a page.
func glyphBoxOK(s *Glyph) bool {
	return finite(s.X) && finite(s.Y) && finite(s.W) && finite(s.Size) &&
		math.Abs(s.X) < maxCoord && math.Abs(s.Y) < maxCoord && math.Abs(s.W) < maxCoord && math.Abs(s.Size) < 1000
}
