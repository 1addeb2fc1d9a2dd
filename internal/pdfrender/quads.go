package pdfrender

import (
	"appraise.app/appraise/internal/appraise"
)

// pageBox is how a page is shown: its crop box in PDF user space (points,
// origin bottom-left) and its /Rotate, a multiple of 90 degrees clockwise.
type pageBox struct {
	X0, Y0, X1, Y1 float64 // crop box, X0 < X1, Y0 < Y1
	Rotate         int
}

// toUser maps a point of the page as shown — points from the top-left
// corner of the crop box after /Rotate, y down, the coordinates of
// appraise.Rect — to PDF user space.
func (b pageBox) toUser(x, y float64) (u, v float64) {
	switch normRotate(b.Rotate) {
	case 90:
		// Turned a quarter clockwise: the box's left edge is on top.
		return b.X0 + y, b.Y0 + x
	case 180:
		return b.X1 - x, b.Y0 + y
	case 270:
		// A quarter anticlockwise: the right edge is on top.
		return b.X1 - y, b.Y1 - x
	default:
		return b.X0 + x, b.Y1 - y
	}
}

// fromUser is toUser's inverse.
func (b pageBox) fromUser(u, v float64) (x, y float64) {
	switch normRotate(b.Rotate) {
	case 90:
		return v - b.Y0, u - b.X0
	case 180:
		return b.X1 - u, v - b.Y0
	case 270:
		return b.Y1 - v, b.X1 - u
	default:
		return u - b.X0, b.Y1 - v
	}
}

func normRotate(r int) int {
	r %= 360
	if r < 0 {
		r += 360
	}
	return r - r%90
}

// quad is one QuadPoints entry in user space, in the order viewers expect:
// the text's top-left, top-right, bottom-left, bottom-right corners as it
// reads (so a highlight on a turned page still knows where its text's top
// is).
type quad [8]float64

// quadOf maps a box on the page as shown to user space.
func (b pageBox) quadOf(r appraise.Rect) quad {
	var q quad
	corners := [4][2]float64{{r.X0, r.Y0}, {r.X1, r.Y0}, {r.X0, r.Y1}, {r.X1, r.Y1}}
	for i, c := range corners {
		q[2*i], q[2*i+1] = b.toUser(c[0], c[1])
	}
	return q
}

// bounds is the smallest user-space rectangle holding q (left, bottom,
// right, top).
func (q quad) bounds() (l, bt, r, t float64) {
	l, bt, r, t = q[0], q[1], q[0], q[1]
	for i := 2; i < 8; i += 2 {
		l, r = min(l, q[i]), max(r, q[i])
		bt, t = min(bt, q[i+1]), max(t, q[i+1])
	}
	return l, bt, r, t
}
