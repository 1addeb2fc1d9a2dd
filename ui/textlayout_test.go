package ui

import (
	"slices"
	"strings"
	"testing"
)

// monoAdvances measures every code point as one unit wide.
func monoAdvances() *advances {
	return newAdvances(func(s string) float32 { return float32(len([]rune(s))) })
}

func lines(text string, width float32) []string {
	rs := []rune(text)
	starts := wrap(rs, width, monoAdvances())
	var out []string
	for i := range starts {
		out = append(out, string(rs[starts[i]:lineEnd(rs, starts, i)]))
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"short text stays on one line", "Patients were randomised.", 40, []string{"Patients were randomised."}},
		{"breaks after the last space that fits", "the quick brown fox jumps", 15, []string{"the quick brown", "fox jumps"}},
		{"a word exactly filling the line is kept whole", "abcde fghij", 5, []string{"abcde", "fghij"}},
		{"breaks after a hyphen between letters", "short-acting beta-agonists", 17, []string{"short-acting", "beta-agonists"}},
		{"a word longer than the line is cut where it overflows", "pneumonoultramicroscopic", 10, []string{"pneumonoul", "tramicrosc", "opic"}},
		{"a newline always ends the line", "first\nsecond line", 40, []string{"first", "second line"}},
		{"empty text is one empty line", "", 10, []string{""}},
		{"en dash ranges break after the dash", "IQR 52–70 years and 95% CI", 8, []string{"IQR 52–", "70 years", "and 95%", "CI"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(tc.text, tc.width)
			if !slices.Equal(got, tc.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

func TestWrapNeverLosesOrOverflowsText(t *testing.T) {
	text := strings.Repeat("Median age was 61 years (IQR 52–70), and 43% of participants were women. ", 20)
	rs := []rune(text)
	for _, w := range []float32{7, 13, 29, 61, 200} {
		starts := wrap(rs, w, monoAdvances())
		var b strings.Builder
		for i := range starts {
			end := len(rs)
			if i+1 < len(starts) {
				end = int(starts[i+1])
			}
			b.WriteString(string(rs[starts[i]:end]))
			if got := float32(lineEnd(rs, starts, i) - int(starts[i])); got > w {
				t.Fatalf("width %v: line %d is %v wide", w, i, got)
			}
		}
		if b.String() != text {
			t.Fatalf("width %v: lines do not add up to the text", w)
		}
	}
}

func TestAdvancesCacheMeasuresEachRuneOnce(t *testing.T) {
	calls := 0
	a := newAdvances(func(s string) float32 { calls++; return 2 })
	for range 3 {
		a.width([]rune("abcαβ"))
	}
	if calls != 5 {
		t.Errorf("measured %d times, want once per distinct rune (5)", calls)
	}
}
