package pdfrender

import (
	"math"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestQuadOfMapsTheShownPageToUserSpace(t *testing.T) {
	// A crop box away from the origin: 100 wide, 200 high in user space.
	box := func(rot int) pageBox { return pageBox{X0: 10, Y0: 20, X1: 110, Y1: 220, Rotate: rot} }
	r := appraise.Rect{X0: 1, Y0: 2, X1: 5, Y1: 3} // shown: x right, y down
	tests := []struct {
		name string
		rot  int
		want quad // top-left, top-right, bottom-left, bottom-right of the text
	}{
		{"upright: y flips from the crop box's top", 0, quad{11, 218, 15, 218, 11, 217, 15, 217}},
		{"turned 90: shown x runs up user y, shown y runs right along user x", 90, quad{12, 21, 12, 25, 13, 21, 13, 25}},
		{"turned 180: both axes reversed from the top-right", 180, quad{109, 22, 105, 22, 109, 23, 105, 23}},
		{"turned 270: shown x runs down user y from the top-right", 270, quad{108, 219, 108, 215, 107, 219, 107, 215}},
		{"-90 is 270", -90, quad{108, 219, 108, 215, 107, 219, 107, 215}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := box(tt.rot).quadOf(r); got != tt.want {
				t.Errorf("quad %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFromUserUndoesToUser(t *testing.T) {
	for _, rot := range []int{0, 90, 180, 270} {
		b := pageBox{X0: -30, Y0: 45.5, X1: 500, Y1: 700, Rotate: rot}
		for _, p := range [][2]float64{{0, 0}, {12.5, 99}, {300, 450.25}} {
			u, v := b.toUser(p[0], p[1])
			x, y := b.fromUser(u, v)
			if math.Abs(x-p[0]) > 1e-9 || math.Abs(y-p[1]) > 1e-9 {
				t.Errorf("rotate %d: %v → (%g, %g) → (%g, %g)", rot, p, u, v, x, y)
			}
		}
	}
}

func TestPDFDate(t *testing.T) {
	tests := []struct {
		at   string
		want string
	}{
		{"2026-03-04T05:06:07Z", "D:20260304050607Z"},
		{"2026-03-04T05:06:07+05:30", "D:20260304050607+05'30'"},
		{"2026-03-04T05:06:07-08:00", "D:20260304050607-08'00'"},
	}
	for _, tt := range tests {
		at, err := timeParse(tt.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := pdfDate(at); got != tt.want {
			t.Errorf("pdfDate(%s) = %s, want %s", tt.at, got, tt.want)
		}
	}
}

func timeParse(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }
