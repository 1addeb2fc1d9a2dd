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

// byX orders glyphs left to right, drawing order breaking ties. (x0 is
// never NaN: prepareGlyphs drops such glyphs.)
func byX(a, b lglyph) int {
	switch {
	case a.x0 < b.x0:
		return -1
	case a.x0 > b.x0:
		return 1
	}
	return cmp.Compare(a.seq, b.seq)
}

// byBase orders fragments top to bottom by baseline, then left to right.
func byBase(a, b *fragment) int {
	return cmp.Or(cmp.Compare(a.base, b.base), cmp.Compare(a.x0, b.x0), cmp.Compare(a.glyphs[0].seq, b.glyphs[0].seq))
}

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
