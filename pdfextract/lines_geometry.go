package pdfextract

import (
	"math"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Line geometry: where each line of the document's text is printed.
//
// A line's own text is what it contributes to its block's text: its
// rendered text less a hyphen undone at its end and any soft hyphen (the
// separator joined to the next line belongs to no line). Its edges come
// from the glyphs that rendered it (see lines_edges.go), so the offsets
// and the boxes agree by construction. The line's box spans its first to
// its last character across, and the line's glyph boxes (ascent 0.8 and
// descent 0.25 of their size, as Block.BBox) up and down.

// joinedOwnTexts is the own text of each line of a block joined by
// joinLinesCut, which cut cuts[i] bytes from the end of line i.
func joinedOwnTexts(ls []*textLine, cuts []int) []edgeText {
	owns := make([]edgeText, len(ls))
	for i, l := range ls {
		if l.text == "" {
			continue
		}
		t := l.ownText()
		if c := cuts[i]; c > 0 && c <= len(t.s) {
			t = t.sub(0, len(t.s)-c)
		}
		owns[i] = t.without('\u00AD')
	}
	return owns
}

// appendLineGeometry appends to out the lines of a block whose text
// starts at offset base: ls are its lines, owns their own texts and
// starts where each starts in the block's text (code points).
func appendLineGeometry(out []appraise.Line, ls []*textLine, owns []edgeText, starts []int, base int) []appraise.Line {
	for i, l := range ls {
		own := owns[i]
		n := utf8.RuneCountInString(own.s)
		if n == 0 {
			continue
		}
		e := own.e
		if len(e) != n+1 {
			e = uniformEdges(n, l.x0, l.x1)
		}
		e = clampEdges(e, l.pageWidth)
		h := l.pageHeight
		if !(h > 0) || h > maxCoord {
			h = maxCoord
		}
		y0, y1 := clamp(l.top, 0, h), clamp(l.bottom, 0, h)
		out = append(out, appraise.Line{
			Page:  l.page,
			Start: base + starts[i],
			End:   base + starts[i] + n,
			Rect:  appraise.Rect{X0: float64(e[0]), Y0: y0, X1: float64(e[n]), Y1: y1},
			Edges: e,
		})
	}
	return out
}

// clampEdges keeps edges on a page w points wide (when its width is
// known): a glyph hanging over the crop box is cut at its edge, as it is
// printed.
func clampEdges(e []float32, w float64) []float32 {
	if !(w > 0) || w > maxCoord {
		w = maxCoord
	}
	lo, hi := float32(0), float32(w)
	if e[0] >= lo && e[len(e)-1] <= hi {
		return e
	}
	out := make([]float32, len(e))
	for i, x := range e {
		out[i] = min(max(x, lo), hi)
	}
	return out
}

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }
