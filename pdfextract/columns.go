package pdfextract

import (
	"math"
	"sort"
)

// Columns and bands from the page's geometry.
//
// Gutters are found in a coverage histogram: for every x, the number of
// fragments whose extent covers it. A gutter is a run of x positions in the
// middle of the page (gutterSearchFrom…1-gutterSearchFrom of the width)
// that almost no fragment covers while several fragments end just left of
// it and start just right of it, side by side. A page may have none
// (single column), one or two (three columns). Fragments that cross a
// gutter — titles, abstracts, full-width figure captions — are "spanning":
// their vertical extents cut the page into horizontal bands read top to
// bottom; between spanning bands the columns are read left to right.

const (
	gutterSearchFrom = 0.2
	// gutterMaxCoverage: a gutter bin is covered by at most this share of
	// the busiest bin's fragments.
	gutterMaxCoverage = 0.1
	// gutterMinSide: fragments that must sit on each side of a gutter.
	gutterMinSide = 4
)

type gutter struct{ x0, x1 float64 }

// findGutters returns the page's column gutters, left to right.
func findGutters(frs []*fragment, width float64) []gutter {
	if len(frs) < 2*gutterMinSide || !(width > 0) {
		return nil
	}
	bins := int(math.Min(math.Ceil(width), 4000))
	scale := float64(bins) / width
	diff := make([]int, bins+1)
	var sizes []float64
	narrow := narrowWidth(frs)
	for _, f := range frs {
		if f.width() > narrow {
			continue
		}
		a := clampInt(int(math.Floor(f.x0*scale)), 0, bins)
		b := clampInt(int(math.Ceil(f.x1*scale)), 0, bins)
		if b <= a {
			continue
		}
		diff[a]++
		diff[b]--
		sizes = append(sizes, f.size)
	}
	cov := make([]int, bins)
	run, peak := 0, 0
	for i := range cov {
		run += diff[i]
		cov[i] = run
		peak = max(peak, run)
	}
	em := median(sizes)
	limit := int(gutterMaxCoverage * float64(peak))
	lo, hi := int(gutterSearchFrom*float64(bins)), int((1-gutterSearchFrom)*float64(bins))
	var cands []gutter
	for i := lo; i < hi; {
		if cov[i] > limit {
			i++
			continue
		}
		j := i
		for j < bins && cov[j] <= limit {
			j++
		}
		// Extend left to where coverage is low, too (runs may start before lo).
		k := i
		for k > 0 && cov[k-1] <= limit {
			k--
		}
		g := gutter{float64(k) / scale, float64(j) / scale}
		i = j
		if g.x1-g.x0 < math.Max(0.4*em, 2) || g.x1-g.x0 > 0.4*width {
			continue
		}
		if gutterHasColumns(frs, g, em) {
			cands = append(cands, g)
		}
	}
	return cands
}

// narrowWidth is the widest a fragment can be and still sit in a column:
// 0.6 of the page's text width. Only such fragments build the coverage
// histogram, so full-width lines (an abstract, a caption) do not fill the
// gutter they cross.
func narrowWidth(frs []*fragment) float64 {
	x0s := make([]float64, len(frs))
	x1s := make([]float64, len(frs))
	for i, f := range frs {
		x0s[i], x1s[i] = f.x0, f.x1
	}
	sort.Float64s(x0s)
	sort.Float64s(x1s)
	return 0.6 * (x1s[len(x1s)-1-len(x1s)/20] - x0s[len(x0s)/20])
}

// gutterHasColumns checks that text sits on both sides of g, side by side
// (overlapping vertically), and that few fragments cross it.
func gutterHasColumns(frs []*fragment, g gutter, em float64) bool {
	var left, right, cross int
	lTop, lBot := math.Inf(1), math.Inf(-1)
	rTop, rBot := math.Inf(1), math.Inf(-1)
	reach := math.Max(8*em, 40)
	for _, f := range frs {
		switch {
		case f.x0 < g.x0 && f.x1 > g.x1:
			cross++
		case f.x1 <= g.x1 && f.x1 >= g.x0-reach:
			left++
			lTop, lBot = math.Min(lTop, f.top), math.Max(lBot, f.bottom)
		case f.x0 >= g.x0 && f.x0 <= g.x1+reach:
			right++
			rTop, rBot = math.Min(rTop, f.top), math.Max(rBot, f.bottom)
		}
	}
	if left < gutterMinSide || right < gutterMinSide {
		return false
	}
	overlap := math.Min(lBot, rBot) - math.Max(lTop, rTop)
	if overlap < 3*em {
		return false
	}
	return cross <= max(2, (left+right)/2)
}

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
			if f.x0 < g.x0 && f.x1 > g.x1 {
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
		out = append(out, *bands[s])
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
