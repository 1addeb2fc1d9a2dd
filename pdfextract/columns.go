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
	// gutterMinSide: fragments that must sit on each side of a gutter.
	gutterMinSide = 4
	// textLikeEm: the width, in ems, from which a fragment is text.
	textLikeEm = 6
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
		if f.width() > narrow || !textLike(f) {
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
	// Valleys of the histogram in the search range: runs where coverage is
	// at most valleyShare of the peak. Within each, the gutter is the
	// widest run within slack of the valley's minimum, so a few fragments
	// crossing it (a title, an author line) do not hide it.
	valley := int(0.25 * float64(peak))
	slack := max(1, int(0.05*float64(peak)))
	lo, hi := int(gutterSearchFrom*float64(bins)), int((1-gutterSearchFrom)*float64(bins))
	type scored struct {
		gutter
		support int
	}
	var cands []scored
	for i := lo; i < hi; {
		if cov[i] > valley {
			i++
			continue
		}
		j := i
		for j < bins && cov[j] <= valley {
			j++
		}
		k := i
		for k > 0 && cov[k-1] <= valley {
			k--
		}
		i = j
		floor := cov[k]
		for x := k; x < j; x++ {
			floor = min(floor, cov[x])
		}
		for x := k; x < j; {
			if cov[x] > floor+slack {
				x++
				continue
			}
			y := x
			for y < j && cov[y] <= floor+slack {
				y++
			}
			g := gutter{float64(x) / scale, float64(y) / scale}
			x = y
			if g.x1-g.x0 < math.Max(0.4*em, 2) || g.x1-g.x0 > 0.4*width {
				continue
			}
			if support := gutterSupport(frs, g, em); support > 0 {
				cands = append(cands, scored{g, support})
			}
		}
	}
	// Of gutters closer than a tenth of the page, keep the best supported.
	var out []gutter
	for i, c := range cands {
		best := true
		for j, d := range cands {
			if i != j && math.Abs((c.x0+c.x1)/2-(d.x0+d.x1)/2) < 0.1*width &&
				(d.support > c.support || d.support == c.support && j < i) {
				best = false
				break
			}
		}
		if best {
			out = append(out, c.gutter)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].x0 < out[j].x0 })
	for i := range out {
		out[i] = narrowGutter(frs, out[i])
	}
	return out
}

// narrowGutter shrinks g to its emptiest part counting every fragment,
// not only text: a column of reference numbers or a short heading may
// stand inside the text gutter's edge.
func narrowGutter(frs []*fragment, g gutter) gutter {
	const step = 0.5
	n := int((g.x1 - g.x0) / step)
	if n < 2 || n > 10000 {
		return g
	}
	diff := make([]int, n+1)
	for _, f := range frs {
		a := clampInt(int(math.Floor((f.x0-g.x0)/step)), 0, n)
		b := clampInt(int(math.Ceil((f.x1-g.x0)/step)), 0, n)
		if a < b {
			diff[a]++
			diff[b]--
		}
	}
	cov := make([]int, n)
	run := 0
	for i := range cov {
		run += diff[i]
		cov[i] = run
	}
	low := cov[0]
	for _, c := range cov {
		low = min(low, c)
	}
	best, bestW := g, 0
	for i := 0; i < n; {
		if cov[i] != low {
			i++
			continue
		}
		j := i
		for j < n && cov[j] == low {
			j++
		}
		if j-i > bestW {
			best, bestW = gutter{g.x0 + float64(i)*step, g.x0 + float64(j)*step}, j-i
		}
		i = j
	}
	if best.x1-best.x0 < 1 {
		return g
	}
	return best
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

// textLike: a fragment at least textLikeEm wide, a run of words rather
// than a table cell, a number or a figure label. Only such fragments find
// gutters: a table's column of numbers may sit right in a page's gutter.
func textLike(f *fragment) bool {
	return f.width() >= textLikeEm*f.size
}

// interrupts reports whether f breaks gutter g at its height, making it
// full-width: it crosses the gutter, or it is a short fragment (a table
// cell) sitting in it. A line of column text that merely reaches into the
// gutter does not.
func interrupts(f *fragment, g gutter) bool {
	if f.x0 < g.x0 && f.x1 > g.x1 {
		return true
	}
	overlap := math.Min(f.x1, g.x1) - math.Max(f.x0, g.x0)
	return !textLike(f) && overlap > 0.3*(g.x1-g.x0)
}

// gutterSupport counts the fragments that end just left of g and start
// just right of it, or returns 0 when g is no gutter: too few fragments on
// a side, neither side in the page's main type size (a table's columns),
// the two sides not side by side (overlapping vertically), or more
// fragments crossing it, at the height where the sides overlap, than
// beside it.
func gutterSupport(frs []*fragment, g gutter, em float64) int {
	var left, right, cross int
	lTop, lBot := math.Inf(1), math.Inf(-1)
	rTop, rBot := math.Inf(1), math.Inf(-1)
	reach := math.Max(8*em, 40)
	var crossing []*fragment
	var lSizes, rSizes []float64
	weight := map[float64]int{} // size → width of text set in it
	for _, f := range frs {
		if !textLike(f) {
			continue
		}
		weight[math.Round(f.size*4)/4] += int(f.width()) + 1
		switch {
		case f.x0 < g.x0 && f.x1 > g.x1:
			crossing = append(crossing, f)
		case f.x1 <= g.x1 && f.x1 >= g.x0-reach:
			left++
			lTop, lBot = math.Min(lTop, f.top), math.Max(lBot, f.bottom)
			lSizes = append(lSizes, f.size)
		case f.x0 >= g.x0 && f.x0 <= g.x1+reach:
			right++
			rTop, rBot = math.Min(rTop, f.top), math.Max(rBot, f.bottom)
			rSizes = append(rSizes, f.size)
		}
	}
	if left < gutterMinSide || right < gutterMinSide {
		return 0
	}
	// One side at least is the page's main text, not a table's small type.
	if math.Max(median(lSizes), median(rSizes)) < 0.9*modeKey(weight) {
		return 0
	}
	top, bottom := math.Max(lTop, rTop), math.Min(lBot, rBot)
	if bottom-top < 3*em {
		return 0
	}
	// Only lines crossing where both sides have text count against it: a
	// first page's title and abstract run above its columns.
	for _, f := range crossing {
		if mid := (f.top + f.bottom) / 2; mid > top && mid < bottom {
			cross++
		}
	}
	if cross > max(2, (left+right)/2) {
		return 0
	}
	return left + right - cross
}
