package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// textLine is one line of one column: fragments on a baseline, in x order.
type textLine struct {
	x0, x1      float64
	top, bottom float64
	base, size  float64
	bold        float64  // share of characters in a bold font
	italic      float64  // share of characters in an italic font
	font        string   // the font carrying most characters
	cellGaps    int      // gaps wider than cellGapEm between its fragments
	cells       []string // the texts between those gaps, when there are any
	cellEdges   [][]float32
	numTable    int    // the tightly set numeric table the line belongs to (lines_numtable.go); 0: none
	text        string // rendered and normalised
	// shown is the text as rendered, with the x edges of its characters;
	// text is shown.s or, once a run-in heading is split off, a part of it
	// (see ownText).
	shown      edgeText
	page       int
	col        int // unique per page, band and column
	colLeft    float64
	colRight   float64
	pageWidth  float64
	pageHeight float64
	matched    lineMatches // what the line expressions say of text, once asked
	// runIn is the length in bytes of a bold lead-in that starts text and
	// is followed by regular type on the same line ("Search strategy We
	// performed…"): a heading set in the paragraph's first line. 0 when
	// there is none.
	runIn int
	// headLen is runIn as measured when the line was made: splitting the
	// heading off sets runIn to 0 in both parts.
	headLen int
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
	var buf []lglyph
	for _, g := range groups {
		lines = append(lines, newTextLine(g.frs, &buf))
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

// newTextLine makes a line of fragments. The line's glyphs are needed
// only here, to render its text: a line of one fragment (most lines) uses
// the fragment's glyphs, already in x order; a line of several gathers
// them in *buf, reused from line to line.
func newTextLine(frs []*fragment, buf *[]lglyph) *textLine {
	l := &textLine{}
	l.x0, l.x1 = math.Inf(1), math.Inf(-1)
	l.top, l.bottom = math.Inf(1), math.Inf(-1)
	for _, f := range frs {
		l.x0, l.x1 = math.Min(l.x0, f.x0), math.Max(l.x1, f.x1)
		l.top, l.bottom = math.Min(l.top, f.top), math.Max(l.bottom, f.bottom)
	}
	l.cellGaps = cellGaps(frs)
	var gs []lglyph
	if len(frs) == 1 {
		gs = frs[0].glyphs
	} else {
		gs = (*buf)[:0]
		for _, f := range frs {
			gs = append(gs, f.glyphs...)
		}
		*buf = gs
		if !slices.IsSortedFunc(gs, byX) {
			slices.SortFunc(gs, byX)
		}
	}
	l.size, l.base = dominantSize(gs)
	bold, italic, all := 0, 0, 0
	var fonts fontTally
	for i := range gs {
		g := &gs[i]
		if g.space {
			continue
		}
		all++
		fonts.add(g.font)
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
	l.font = fonts.best()
	l.shown = lineText(gs, l.base, l.size)
	l.text = l.shown.s
	if bold > 0 && bold < all {
		l.runIn = runInLength(gs, l)
		l.headLen = l.runIn
	}
	if l.cellGaps > 0 {
		l.cells, l.cellEdges = cellTexts(frs, l.base, l.size)
	}
	return l
}

// ownText is the line's text with its edges: all it rendered, or the
// part of it left once a run-in heading was split off (the heading is
// the first headLen bytes; the rest is what follows it, trimmed).
func (l *textLine) ownText() edgeText {
	src := l.shown
	if l.text == src.s {
		return src
	}
	at := -1
	switch {
	case l.headLen > 0 && len(l.text) == l.headLen && strings.HasPrefix(src.s, l.text):
		at = 0
	case strings.HasSuffix(src.s, l.text):
		at = len(src.s) - len(l.text)
	default:
		at = strings.Index(src.s, l.text)
	}
	if at < 0 || src.e == nil {
		return edgeText{s: l.text, e: uniformEdges(utf8.RuneCountInString(l.text), l.x0, l.x1)}
	}
	return src.sub(at, at+len(l.text))
}

// cellTexts renders a line's fragments as cells: runs of fragments in x
// order separated by gaps wider than cellGapEm (as cellGaps counts them).
// It returns each cell's edges too.
func cellTexts(frs []*fragment, base, size float64) ([]string, [][]float32) {
	sorted := slices.Clone(frs)
	slices.SortFunc(sorted, func(a, b *fragment) int { return cmp.Compare(a.x0, b.x0) })
	var cells []string
	var edges [][]float32
	var gs []lglyph
	flush := func() {
		slices.SortFunc(gs, byX)
		if t := lineText(gs, base, size); t.s != "" {
			cells = append(cells, t.s)
			edges = append(edges, t.e)
		}
		gs = gs[:0]
	}
	end := sorted[0].x1
	for i, f := range sorted {
		if i > 0 && f.x0-end > cellGapEm*math.Max(f.size, 1) {
			flush()
		}
		gs = append(gs, f.glyphs...)
		end = math.Max(end, f.x1)
	}
	flush()
	return cells, edges
}

// runInLength is the byte length of the line's bold lead-in when its
// glyphs start with a bold run of at least two letters, up to two-thirds
// of the line, followed by a word of regular type; 0 otherwise.
func runInLength(gs []lglyph, l *textLine) int {
	k, letters := 0, 0
	for k < len(gs) && (gs[k].bold || gs[k].space || gs[k].superscript) {
		if !gs[k].space && startsWordChar(gs[k].text) {
			letters++
		}
		k++
	}
	if letters < 2 || k == len(gs) || 3*k > 2*len(gs) {
		return 0
	}
	rest := 0
	for i := k; i < len(gs); i++ {
		if !gs[i].space && startsWordChar(gs[i].text) {
			rest++
		}
	}
	if rest < 2 {
		return 0
	}
	head := normalizeText(collapseSpaces(wordsText(gs[:k], l.base, l.size)))
	if head == "" || !strings.HasPrefix(l.text, head+" ") {
		return 0
	}
	return len(head)
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

// isTableRow: a line of three cells or more, or a row of a tightly set
// numeric table.
func (l *textLine) isTableRow() bool { return l.cellGaps >= 2 || l.numTable != 0 }

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
