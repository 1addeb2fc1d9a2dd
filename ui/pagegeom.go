package ui

import (
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// Page view geometry, in canvas units: the pages stacked top to bottom,
// each centred, pageMargin around them and pageGap between them.
const (
	pageMargin = 10
	pageGap    = 12
	// A page the extraction gives no size is drawn as US Letter.
	defaultPageW, defaultPageH = 612, 792
)

// zoomSteps are the zoom levels + and - step through, as multiples of
// fit width (1).
var zoomSteps = []float32{0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4}

// pageGeom places every page at one zoom and view width. It is
// arithmetic over the page sizes, so a 500-page paper costs nothing.
type pageGeom struct {
	z      float32 // canvas units per point
	sizes  [][2]float32
	tops   []float32
	width  float32 // the content's width
	height float32 // the content's height
	maxW   float32 // widest page, points
}

func pageSizes(pages []appraise.Page) [][2]float32 {
	out := make([][2]float32, len(pages))
	for i, p := range pages {
		w, h := float32(p.Width), float32(p.Height)
		if w <= 1 || h <= 1 {
			w, h = defaultPageW, defaultPageH
		}
		out[i] = [2]float32{w, h}
	}
	return out
}

// newPageGeom lays the pages out for a view viewW wide at zoom (a
// multiple of fit width).
func newPageGeom(sizes [][2]float32, viewW, zoom float32) pageGeom {
	g := pageGeom{sizes: sizes, tops: make([]float32, len(sizes))}
	for _, s := range sizes {
		g.maxW = max(g.maxW, s[0])
	}
	if g.maxW == 0 {
		return g
	}
	fit := max(viewW-2*pageMargin, 50) / g.maxW
	g.z = fit * zoom
	y := float32(pageMargin)
	for i, s := range sizes {
		g.tops[i] = y
		y += s[1]*g.z + pageGap
	}
	g.height = y - pageGap + pageMargin
	g.width = g.maxW*g.z + 2*pageMargin
	return g
}

// rect is where page i (0-based) is drawn: left, top, width, height.
func (g pageGeom) rect(i int, contentW float32) (x, y, w, h float32) {
	w, h = g.sizes[i][0]*g.z, g.sizes[i][1]*g.z
	return max(pageMargin, (contentW-w)/2), g.tops[i], w, h
}

// indexAtY returns the page whose slot (the page and the gap below it)
// holds content y.
func (g pageGeom) indexAtY(y float32) int {
	i := sort.Search(len(g.tops), func(i int) bool { return g.tops[i] > y })
	return max(0, i-1)
}
