package pdfextract

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// band is a horizontal slice of a page: either spanning (read as one
// column) or split into the page's columns.
type band struct {
	spanning bool
	cols     [][]*fragment // one entry when spanning
}

// pageBands orders a page's kept fragments into bands and columns.
func pageBands(frs []*fragment, width float64) []band {
	gs := findGutters(frs, width)
	if len(gs) == 0 {
		return []band{{spanning: true, cols: [][]*fragment{frs}}}
	}
	// Column index of each fragment, or -1 when it crosses a gutter.
	for _, f := range frs {
		f.col = 0
		mid := (f.x0 + f.x1) / 2
		for i, g := range gs {
			if interrupts(f, g) {
				f.col = -1
				break
			}
			if mid >= (g.x0+g.x1)/2 {
				f.col = i + 1
			}
		}
	}
	// Vertical intervals covered by spanning fragments.
	var spans []gutter // reused as [top, bottom]
	for _, f := range frs {
		if f.col < 0 {
			spans = append(spans, gutter{f.top, f.bottom})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].x0 < spans[j].x0 })
	var merged []gutter
	for _, s := range spans {
		if n := len(merged); n > 0 && s.x0 <= merged[n-1].x1 {
			merged[n-1].x1 = math.Max(merged[n-1].x1, s.x1)
			continue
		}
		merged = append(merged, s)
	}
	// Each fragment goes to the spanning interval containing its middle,
	// else to the column band between intervals.
	type slot struct {
		spanning bool
		idx      int // spanning interval index, or the count of intervals above
	}
	bands := map[slot]*band{}
	var order []slot
	for _, f := range frs {
		mid := (f.top + f.bottom) / 2
		k := sort.Search(len(merged), func(i int) bool { return merged[i].x1 >= mid })
		s := slot{spanning: false, idx: k}
		if k < len(merged) && merged[k].x0 <= mid || f.col < 0 {
			s = slot{spanning: true, idx: k}
		}
		b, ok := bands[s]
		if !ok {
			b = &band{spanning: s.spanning}
			if s.spanning {
				b.cols = make([][]*fragment, 1)
			} else {
				b.cols = make([][]*fragment, len(gs)+1)
			}
			bands[s] = b
			order = append(order, s)
		}
		c := 0
		if !s.spanning {
			c = f.col
		}
		b.cols[c] = append(b.cols[c], f)
	}
	// Top to bottom: column band k lies above spanning interval k.
	sort.Slice(order, func(i, j int) bool {
		if order[i].idx != order[j].idx {
			return order[i].idx < order[j].idx
		}
		return !order[i].spanning && order[j].spanning
	})
	out := make([]band, 0, len(order))
	for _, s := range order {
		b := *bands[s]
		if b.spanning {
			if n := len(out); n > 0 && out[n-1].spanning {
				out[n-1].cols[0] = append(out[n-1].cols[0], b.cols[0]...)
				continue
			}
			out = append(out, b)
			continue
		}
		for _, part := range splitAtStyleCuts(b) {
			out = append(out, sidebarsLast(part))
		}
	}
	return out
}

func clampInt(v, lo, hi int) int {
	return min(max(v, lo), hi)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// splitAtStyleCuts splits a column band where every column has a
// horizontal gap at the same height and the type changes size across it
// in every column the same way — body text above, a two-column reference
// list or footnotes below. Such a band is two bands: both columns above
// the cut are read before either column below it.
func splitAtStyleCuts(b band) []band {
	var cols [][]*fragment
	for _, c := range b.cols {
		if len(c) > 0 {
			cols = append(cols, c)
		}
	}
	if len(cols) < 2 {
		return []band{b}
	}
	for _, c := range cols {
		slices.SortFunc(c, func(a, b *fragment) int { return cmp.Or(cmp.Compare(a.top, b.top), cmp.Compare(a.x0, b.x0)) })
	}
	for _, y := range commonGaps(cols) {
		if allOneLineAbove(cols, y) {
			// Headings side by side at the top (two pages printed on one
			// sheet, or two sections starting level): each column reads
			// its heading, then its text.
			continue
		}
		if slices.ContainsFunc(cols, func(c []*fragment) bool { return runsAcross(c, y) }) {
			// A column's text goes on across the gap: the smaller type
			// starts further down.
			continue
		}
		dir := 0
		ok := true
		for _, c := range cols {
			above, below := sizeNear(c, y, true), sizeNear(c, y, false)
			d := 0
			switch {
			case below < 0.9*above:
				d = -1
			case below > 1.1*above:
				d = 1
			}
			if d == 0 || dir != 0 && d != dir {
				ok = false
				break
			}
			dir = d
		}
		if !ok {
			continue
		}
		upper := band{cols: make([][]*fragment, len(b.cols))}
		lower := band{cols: make([][]*fragment, len(b.cols))}
		for i, c := range b.cols {
			for _, f := range c {
				if (f.top+f.bottom)/2 < y {
					upper.cols[i] = append(upper.cols[i], f)
				} else {
					lower.cols[i] = append(lower.cols[i], f)
				}
			}
		}
		return append([]band{upper}, splitAtStyleCuts(lower)...)
	}
	return []band{b}
}

// allOneLineAbove reports whether every column holds a single line of
// text above height y (its fragments above y share one baseline).
func allOneLineAbove(cols [][]*fragment, y float64) bool {
	for _, c := range cols {
		first := math.NaN()
		for _, f := range c {
			if (f.top+f.bottom)/2 >= y {
				continue
			}
			if math.IsNaN(first) {
				first = f.base
			} else if math.Abs(f.base-first) > 0.5*math.Max(f.size, 1) {
				return false
			}
		}
	}
	return true
}

// commonGaps returns heights, top to bottom, where no fragment of any
// column is: the middles of the gaps all columns share. Each column must
// have text above and below.
func commonGaps(cols [][]*fragment) []float64 {
	type span struct{ a, b float64 }
	gapsOf := func(c []*fragment) []span {
		var out []span
		bottom := c[0].bottom
		for _, f := range c[1:] {
			if f.top > bottom {
				out = append(out, span{bottom, f.top})
			}
			bottom = math.Max(bottom, f.bottom)
		}
		return out
	}
	common := gapsOf(cols[0])
	for _, c := range cols[1:] {
		other := gapsOf(c)
		var next []span
		for _, g := range common {
			for _, o := range other {
				if a, b := math.Max(g.a, o.a), math.Min(g.b, o.b); b > a {
					next = append(next, span{a, b})
				}
			}
		}
		common = next
	}
	out := make([]float64, len(common))
	for i, g := range common {
		out[i] = (g.a + g.b) / 2
	}
	return out
}

// runsAcross reports whether the text of column c goes
// on across height y: the lines just above and just below it are set in
// the same type, one ordinary line step apart. Columns that end on one
// baseline above footnotes share the gap between their last two lines as
// well as the one above the footnotes, and the three fragments below the
// first (the last line and two of footnotes) are mostly small type; a cut
// there would move the last lines under the other columns' text.
func runsAcross(c []*fragment, y float64) bool {
	above, below := lineNear(c, y, true), lineNear(c, y, false)
	if above == nil || below == nil || !(above.size > 0) {
		return false
	}
	if math.Abs(below.size-above.size) > 0.1*above.size || fragmentFont(above) != fragmentFont(below) {
		return false
	}
	step := below.base - above.base
	return step > 0 && step <= 1.6*above.size
}

// lineNear returns the widest fragment of the line of column c nearest
// height y above it or below it, or nil when there is none.
func lineNear(c []*fragment, y float64, above bool) *fragment {
	var near *fragment
	for _, f := range c {
		if above && f.bottom <= y && (near == nil || f.base > near.base) ||
			!above && f.top >= y && (near == nil || f.base < near.base) {
			near = f
		}
	}
	if near == nil {
		return nil
	}
	best := near
	for _, f := range c {
		if math.Abs(f.base-near.base) <= sameLineEm*math.Max(near.size, 1) && (above && f.bottom <= y || !above && f.top >= y) && f.width() > best.width() {
			best = f
		}
	}
	return best
}

// fragmentFont is the font carrying most of f's characters.
func fragmentFont(f *fragment) string {
	var t fontTally
	for i := range f.glyphs {
		if !f.glyphs[i].space {
			t.add(f.glyphs[i].font)
		}
	}
	return t.best()
}

// sizeNear is the dominant font size of the three fragments of column c
// (sorted by top) just above or just below height y.
func sizeNear(c []*fragment, y float64, above bool) float64 {
	var near []*fragment
	if above {
		for i := len(c) - 1; i >= 0 && len(near) < 3; i-- {
			if c[i].bottom <= y {
				near = append(near, c[i])
			}
		}
	} else {
		for i := 0; i < len(c) && len(near) < 3; i++ {
			if c[i].top >= y {
				near = append(near, c[i])
			}
		}
	}
	weight := map[float64]int{}
	for _, f := range near {
		weight[math.Round(f.size*4)/4] += int(f.width()) + 1
	}
	return modeKey(weight)
}

// sidebarsLast moves narrow columns of smaller type (a journal's margin
// column of dates, editors and citation) after the band's main columns.
func sidebarsLast(b band) band {
	if len(b.cols) < 2 {
		return b
	}
	widths := make([]float64, len(b.cols))
	sizes := make([]float64, len(b.cols))
	widest := -1
	for i, c := range b.cols {
		if len(c) == 0 {
			continue
		}
		x0, x1 := math.Inf(1), math.Inf(-1)
		var sz []float64
		for _, f := range c {
			x0, x1 = math.Min(x0, f.x0), math.Max(x1, f.x1)
			sz = append(sz, f.size)
		}
		widths[i], sizes[i] = x1-x0, median(sz)
		if widest < 0 || widths[i] > widths[widest] {
			widest = i
		}
	}
	var main, side [][]*fragment
	for i, c := range b.cols {
		if len(c) > 0 && i != widest && widths[i] < 0.6*widths[widest] && sizes[i] < 0.9*sizes[widest] {
			side = append(side, c)
			continue
		}
		main = append(main, c)
	}
	b.cols = append(main, side...)
	return b
}
