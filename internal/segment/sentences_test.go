package segment

import (
	"slices"
	"testing"
)

// texts returns the text of each span.
func texts(r []rune, spans []span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = string(r[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	if len(devCases) < 60 {
		t.Fatalf("the hand-labelled table has %d cases; keep at least 60", len(devCases))
	}
	for _, c := range devCases {
		t.Run(c.name, func(t *testing.T) {
			r := []rune(c.text)
			got := texts(r, sentences(r))
			if !slices.Equal(got, c.want) {
				t.Errorf("sentences(%q)\n got  %q\n want %q", c.text, got, c.want)
			}
		})
	}
}
