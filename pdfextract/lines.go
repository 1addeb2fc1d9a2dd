package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Glyphs → fragments → lines.
//
// A fragment is a horizontal run of glyphs on one baseline with no gap
// wider than fragmentGapEm: it never crosses a column gutter, so column
// detection can work on fragments. A line is the fragments of one column
// that share a baseline, in x order.

const (
	// sameLineEm: baselines within this many ems belong to one line
	// (superscripts and subscripts stay with their line).
	sameLineEm = 0.5
	// fragmentGapEm: a horizontal gap wider than this ends a fragment.
	fragmentGapEm = 0.9
	// layoutMaxGlyphs bounds the work on hostile pages; glyphs past it are
	// ignored.
	layoutMaxGlyphs = 200000
	// maxCoord bounds page sizes and coordinates, in points (about 3.5 km).
	maxCoord = 1e7
)

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

// fragment is a run of glyphs on one baseline, sorted by x.
type fragment struct {
	glyphs         []lglyph
	x0, x1         float64 // ink extent (drawn spaces excluded)
	top, bottom    float64
	base, size     float64 // of the dominant (most frequent) size
	removed        bool    // a running header, page number or line number
	col            int     // column index within its band, -1 when spanning
	key            string  // lower-cased text, digits masked, for repeat detection
	textCache      string
	textCacheValid bool
}

func (f *fragment) width() float64 { return f.x1 - f.x0 }

// plainText is the fragment's text with spaces from gaps, for matching
// headers and line numbers (not for output).
func (f *fragment) plainText() string {
	if !f.textCacheValid {
		f.textCache = strings.TrimSpace(wordsText(f.glyphs, f.base, f.size))
		f.textCacheValid = true
	}
	return f.textCache
}

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

// byX orders glyphs left to right, drawing order breaking ties.
func byX(a, b lglyph) int { return cmp.Or(cmp.Compare(a.x0, b.x0), cmp.Compare(a.seq, b.seq)) }

// byBase orders fragments top to bottom by baseline, then left to right.
func byBase(a, b *fragment) int {
	return cmp.Or(cmp.Compare(a.base, b.base), cmp.Compare(a.x0, b.x0), cmp.Compare(a.glyphs[0].seq, b.glyphs[0].seq))
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// buildFragments groups a page's glyphs into fragments: runs in drawing
// order first (producers draw a line's glyphs in sequence, superscripts
// included), then runs on one baseline that touch are merged.
func buildFragments(gs []lglyph) []*fragment {
	runs := drawingRuns(gs)
	return mergeRuns(runs)
}

// drawingRuns splits glyphs, in drawing order, wherever the next glyph is
// not on the same line just after the previous one.
func drawingRuns(gs []lglyph) [][]lglyph {
	var runs [][]lglyph
	start := 0
	base, size, end := 0.0, 0.0, 0.0
	for i := range gs {
		g := &gs[i]
		if i > start {
			prev := &gs[i-1]
			em := math.Max(size, g.size)
			sameLine := math.Abs(g.base-base) <= sameLineEm*em && math.Abs(g.base-prev.base) <= sameLineEm*em
			forward := g.x0 >= prev.x0-0.3*em && g.x0 <= end+fragmentGapEm*em
			if !sameLine || !forward {
				runs = append(runs, gs[start:i:i])
				start = i
			}
		}
		if i == start {
			base, size, end = g.base, g.size, g.x1
			continue
		}
		if g.size > size*1.05 {
			base, size = g.base, g.size
		}
		if !g.space {
			end = math.Max(end, g.x1)
		} else {
			end = math.Max(end, g.x0)
		}
	}
	if start < len(gs) {
		runs = append(runs, gs[start:])
	}
	return runs
}

// mergeRuns merges drawing runs on one baseline that touch or overlap into
// fragments, and gives each fragment its glyphs in x order.
func mergeRuns(runs [][]lglyph) []*fragment {
	frs := make([]*fragment, 0, len(runs))
	for _, r := range runs {
		f := &fragment{glyphs: r}
		f.measure()
		if f.x1 < f.x0 { // only spaces
			continue
		}
		frs = append(frs, f)
	}
	// Sweep in baseline order; rows of nearby baselines, then within a row
	// merge by x.
	slices.SortFunc(frs, byBase)
	var out []*fragment
	for i := 0; i < len(frs); {
		j := i + 1
		for j < len(frs) && frs[j].base-frs[j-1].base <= sameLineEm*math.Max(frs[j].size, frs[j-1].size) {
			j++
		}
		out = append(out, mergeRow(frs[i:j])...)
		i = j
	}
	for _, f := range out {
		slices.SortFunc(f.glyphs, byX)
	}
	return out
}

// mergeRow merges the fragments of one row of similar baselines whose x
// extents touch. Runs that overlap horizontally merge only when their
// baselines (almost) coincide — text drawn twice, to be de-duplicated —
// since two lines drawn over each other (text hidden under a figure) must
// not be interleaved.
func mergeRow(row []*fragment) []*fragment {
	if len(row) == 1 {
		return row
	}
	slices.SortFunc(row, func(a, b *fragment) int { return cmp.Or(cmp.Compare(a.x0, b.x0), cmp.Compare(a.base, b.base)) })
	var open []*fragment
	for _, f := range row {
		merged := false
		for k := len(open) - 1; k >= 0 && k >= len(open)-8; k-- {
			o := open[k]
			em := math.Max(o.size, f.size)
			if math.Abs(o.base-f.base) <= sameLineEm*em && f.x0 <= o.x1+fragmentGapEm*em &&
				(!overlapsAny([]*fragment{o}, f) || math.Abs(o.base-f.base) <= 0.2*em) {
				o.glyphs = append(o.glyphs, f.glyphs...)
				o.measure()
				merged = true
				break
			}
		}
		if !merged {
			open = append(open, f)
		}
	}
	return open
}

// measure sets the fragment's extent, dominant size and baseline.
func (f *fragment) measure() {
	f.x0, f.x1 = math.Inf(1), math.Inf(-1)
	f.top, f.bottom = math.Inf(1), math.Inf(-1)
	f.textCacheValid = false
	f.size, f.base = dominantSize(f.glyphs)
	for i := range f.glyphs {
		g := &f.glyphs[i]
		if g.space {
			continue
		}
		f.x0 = math.Min(f.x0, g.x0)
		f.x1 = math.Max(f.x1, g.x1)
		f.top = math.Min(f.top, g.top())
		f.bottom = math.Max(f.bottom, g.bottom())
	}
}

// dominantSize returns the font size carrying the most characters (sizes
// within 0.25 pt count as one) and the baseline of the glyphs of that size.
func dominantSize(gs []lglyph) (size, base float64) {
	type acc struct {
		n    int
		base float64
		size float64
	}
	var buckets []acc
	for i := range gs {
		g := &gs[i]
		if g.space {
			continue
		}
		found := false
		for k := range buckets {
			if math.Abs(buckets[k].size-g.size) <= 0.25 {
				buckets[k].n++
				buckets[k].base += g.base
				found = true
				break
			}
		}
		if !found {
			if len(buckets) >= 16 {
				continue
			}
			buckets = append(buckets, acc{n: 1, base: g.base, size: g.size})
		}
	}
	best := -1
	for k := range buckets {
		if best < 0 || buckets[k].n > buckets[best].n ||
			buckets[k].n == buckets[best].n && buckets[k].size > buckets[best].size {
			best = k
		}
	}
	if best < 0 {
		if len(gs) > 0 {
			return gs[0].size, gs[0].base
		}
		return 0, 0
	}
	return buckets[best].size, buckets[best].base / float64(buckets[best].n)
}

// textLine is one line of one column: fragments on a baseline, in x order.
type textLine struct {
	glyphs      []lglyph
	x0, x1      float64
	top, bottom float64
	base, size  float64
	bold        float64 // share of characters in a bold font
	italic      float64 // share of characters in an italic font
	font        string  // the font carrying most characters
	cellGaps    int     // gaps wider than cellGapEm between its fragments
	text        string  // rendered and normalised
	page        int
	col         int // unique per page, band and column
	colLeft     float64
	colRight    float64
	pageHeight  float64
	firstInCol  bool
	lastInCol   bool
}

// columnLines merges one column's fragments into lines, top to bottom.
func columnLines(frs []*fragment) []*textLine {
	sorted := append([]*fragment(nil), frs...)
	slices.SortFunc(sorted, byBase)
	type group struct {
		frs  []*fragment
		base float64
		size float64
	}
	var groups []*group
	var open []*group
	for _, f := range sorted {
		var into *group
		keep := open[:0]
		if len(open) > 32 { // only the nearest baselines can take f
			open = open[len(open)-32:]
		}
		for _, g := range open {
			em := math.Max(g.size, f.size)
			if f.base-g.base > sameLineEm*em {
				continue // closed: every later fragment is lower still
			}
			keep = append(keep, g)
			if into == nil && !overlapsAny(g.frs, f) {
				into = g
			}
		}
		open = keep
		if into == nil {
			into = &group{base: f.base, size: f.size}
			groups = append(groups, into)
			open = append(open, into)
		}
		into.frs = append(into.frs, f)
		if f.size > into.size*1.05 {
			into.base, into.size = f.base, f.size
		}
	}
	lines := make([]*textLine, 0, len(groups))
	for _, g := range groups {
		lines = append(lines, newTextLine(g.frs))
	}
	slices.SortFunc(lines, func(a, b *textLine) int { return cmp.Or(cmp.Compare(a.base, b.base), cmp.Compare(a.x0, b.x0)) })
	return lines
}

// overlapsAny reports whether f overlaps any of frs horizontally by more
// than a sliver: two such fragments are stacked lines, not one line.
func overlapsAny(frs []*fragment, f *fragment) bool {
	if len(frs) > 64 { // a hostile page; the nearest in drawing are enough
		frs = frs[len(frs)-64:]
	}
	for _, o := range frs {
		ov := math.Min(o.x1, f.x1) - math.Max(o.x0, f.x0)
		if ov > 0.3*math.Min(o.width(), f.width()) && ov > 0.5*math.Min(o.size, f.size) {
			return true
		}
	}
	return false
}

func newTextLine(frs []*fragment) *textLine {
	n := 0
	for _, f := range frs {
		n += len(f.glyphs)
	}
	l := &textLine{glyphs: make([]lglyph, 0, n)}
	l.x0, l.x1 = math.Inf(1), math.Inf(-1)
	l.top, l.bottom = math.Inf(1), math.Inf(-1)
	for _, f := range frs {
		l.glyphs = append(l.glyphs, f.glyphs...)
		l.x0, l.x1 = math.Min(l.x0, f.x0), math.Max(l.x1, f.x1)
		l.top, l.bottom = math.Min(l.top, f.top), math.Max(l.bottom, f.bottom)
	}
	l.cellGaps = cellGaps(frs)
	slices.SortFunc(l.glyphs, byX)
	l.size, l.base = dominantSize(l.glyphs)
	bold, italic, all := 0, 0, 0
	fonts := map[string]int{}
	for i := range l.glyphs {
		g := &l.glyphs[i]
		if g.space {
			continue
		}
		all++
		fonts[g.font]++
		if g.bold {
			bold++
		}
		if g.italic {
			italic++
		}
	}
	if all > 0 {
		l.bold = float64(bold) / float64(all)
		l.italic = float64(italic) / float64(all)
	}
	for f, n := range fonts {
		if n > fonts[l.font] || n == fonts[l.font] && f < l.font {
			l.font = f
		}
	}
	l.text = normalizeText(collapseSpaces(wordsText(l.glyphs, l.base, l.size)))
	return l
}

// cellGapEm: a gap this wide (in ems) inside a line separates table cells.
const cellGapEm = 1.5

// cellGaps counts the wide gaps between a line's fragments, in x order.
func cellGaps(frs []*fragment) int {
	if len(frs) < 2 {
		return 0
	}
	sorted := slices.Clone(frs)
	slices.SortFunc(sorted, func(a, b *fragment) int { return cmp.Compare(a.x0, b.x0) })
	n := 0
	end := sorted[0].x1
	for _, f := range sorted[1:] {
		if f.x0-end > cellGapEm*math.Max(f.size, 1) {
			n++
		}
		end = math.Max(end, f.x1)
	}
	return n
}

// isTableRow: a line of three cells or more.
func (l *textLine) isTableRow() bool { return l.cellGaps >= 2 }

// collapseSpaces trims s and turns runs of spaces into one.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
