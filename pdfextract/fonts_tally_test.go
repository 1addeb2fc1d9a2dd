package pdfextract

import (
	"fmt"
	"testing"
)

func TestFontTallyBest(t *testing.T) {
	many := func(n int, extra ...string) []string {
		var fs []string
		for i := range n {
			fs = append(fs, fmt.Sprintf("F%02d", i))
		}
		return append(fs, extra...)
	}
	tests := []struct {
		name  string
		fonts []string
		want  string
	}{
		{"nothing counted gives no font", nil, ""},
		{"the font of most characters wins", []string{"Times", "Arial", "Times"}, "Times"},
		{"a tie goes to the smallest name", []string{"Times", "Arial", "Times", "Arial"}, "Arial"},
		{"an unnamed font counts like any other", []string{"", "", "Times"}, ""},
		{"fonts past the slots are counted too", many(12, "F11", "F11"), "F11"},
		{"a tie between a slot and the overflow goes to the smallest name", many(12, "F10", "F03"), "F03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ft fontTally
			for _, f := range tt.fonts {
				ft.add(f)
			}
			if got := ft.best(); got != tt.want {
				t.Errorf("best() = %q, want %q", got, tt.want)
			}
		})
	}
}
