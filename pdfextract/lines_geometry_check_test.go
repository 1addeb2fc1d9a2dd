package pdfextract

import (
	"math"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// checkLines fails unless the lines place the text consistently: sorted
// by Start and not overlapping, each inside one block and free of line
// breaks, with one edge per code point plus one, never decreasing, finite
// and on its page, and a box that spans its edges.
func checkLines(tb testing.TB, pages []PageGlyphs, blocks []appraise.Block, text string, lines []appraise.Line) {
	tb.Helper()
	runes := []rune(text)
	size := map[int][2]float64{}
	for i, p := range pages {
		n := p.Number
		if n <= 0 {
			n = i + 1
		}
		w, h := p.Width, p.Height
		if !(w > 0) || w > maxCoord {
			w = maxCoord
		}
		if !(h > 0) || h > maxCoord {
			h = maxCoord
		}
		size[n] = [2]float64{w, h}
	}
	prevEnd, b := 0, 0
	for i, l := range lines {
		if l.Start < prevEnd || l.End <= l.Start || l.End > len(runes) {
			tb.Fatalf("line %d = [%d, %d) after %d in %d runes", i, l.Start, l.End, prevEnd, len(runes))
		}
		prevEnd = l.End
		for b < len(blocks) && blocks[b].End < l.End {
			b++
		}
		if b == len(blocks) || l.Start < blocks[b].Start {
			tb.Fatalf("line %d [%d, %d) is not inside a block", i, l.Start, l.End)
		}
		if own := string(runes[l.Start:l.End]); strings.ContainsRune(own, '\n') {
			tb.Fatalf("line %d holds a line break: %q", i, own)
		}
		if len(l.Edges) != l.End-l.Start+1 {
			tb.Fatalf("line %d: %d edges for %d code points", i, len(l.Edges), l.End-l.Start)
		}
		wh, ok := size[l.Page]
		if !ok {
			tb.Fatalf("line %d on page %d, which does not exist", i, l.Page)
		}
		for k, x := range l.Edges {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) || x < 0 || float64(x) > wh[0]+1e-3 {
				tb.Fatalf("line %d: edge %d = %v off a page %v wide", i, k, x, wh[0])
			}
			if k > 0 && x < l.Edges[k-1] {
				tb.Fatalf("line %d: edges decrease at %d: %v", i, k, l.Edges)
			}
		}
		r := l.Rect
		if r.X0 != float64(l.Edges[0]) || r.X1 != float64(l.Edges[len(l.Edges)-1]) ||
			!(r.Y0 <= r.Y1) || r.Y0 < 0 || r.Y1 > wh[1]+1e-3 {
			tb.Fatalf("line %d: rect %+v for edges %v on a page %v", i, r, l.Edges, wh)
		}
	}
}
