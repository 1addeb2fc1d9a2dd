package appraise

import "testing"

func geometryDoc() Document {
	// "ab cd" on one line of page 1, "ef" on page 2, a block break between.
	return Document{
		Text: "ab cd\n\nef",
		Lines: []Line{
			{Page: 1, Start: 0, End: 5, Rect: Rect{X0: 10, Y0: 100, X1: 60, Y1: 112}, Edges: []float32{10, 20, 30, 35, 45, 60}},
			{Page: 2, Start: 7, End: 9, Rect: Rect{X0: 50, Y0: 40, X1: 70, Y1: 50}, Edges: []float32{50, 60, 70}},
		},
	}
}

func TestSpanRectsCoversOnlyTheSelectedCharacters(t *testing.T) {
	d := geometryDoc()
	got := d.SpanRects(3, 8)
	want := []PageRect{
		{Page: 1, Rect: Rect{X0: 35, Y0: 100, X1: 60, Y1: 112}},
		{Page: 2, Rect: Rect{X0: 50, Y0: 40, X1: 60, Y1: 50}},
	}
	if len(got) != len(want) {
		t.Fatalf("SpanRects(3,8) = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("box %d = %v, want %v", i, got[i], want[i])
		}
	}
	if r := d.SpanRects(5, 7); len(r) != 0 {
		t.Errorf("the block separator has boxes: %v", r)
	}
}

func TestOffsetAtPicksTheNearestBoundary(t *testing.T) {
	d := geometryDoc()
	cases := []struct {
		page int
		x, y float64
		want int
		ok   bool
	}{
		{1, 11, 105, 0, true},    // left half of "a"
		{1, 19, 105, 1, true},    // right half of "a"
		{1, 100, 105, 5, true},   // right of the line: its end
		{1, 36, 300, 3, true},    // far below: still the page's only line
		{2, 64, 45, 1 + 7, true}, // "f" right half
		{3, 10, 10, 0, false},    // no text on page 3
	}
	for _, c := range cases {
		got, ok := d.OffsetAt(c.page, c.x, c.y)
		if got != c.want || ok != c.ok {
			t.Errorf("OffsetAt(%d, %v, %v) = %d, %v; want %d, %v", c.page, c.x, c.y, got, ok, c.want, c.ok)
		}
	}
}
