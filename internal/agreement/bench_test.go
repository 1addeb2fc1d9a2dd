package agreement

import (
	"math/rand/v2"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// BenchmarkCompare48Pages compares two readings of a paper the size of the
// corpus's longest (48 pages, ~40 sentences a page) with 150 annotations
// each. The budget is 100 ms.
func BenchmarkCompare48Pages(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var s []appraise.Passage
	at := 0
	for i := range 48 * 40 {
		n := 60 + r.IntN(200)
		s = append(s, appraise.Passage{ID: "s", Page: 1 + i/40, Start: at, End: at + n})
		at += n + 1
	}
	tags := []string{"population", "claim", "limitation"}
	reading := func() Reading {
		var as []appraise.Annotation
		for range 150 {
			i := r.IntN(len(s) - 3)
			j := i + r.IntN(3)
			as = append(as, appraise.Annotation{ID: "a", Tags: []string{tags[r.IntN(3)]}, Note: "n",
				Anchor: appraise.Anchor{Start: s[i].Start, End: s[j].End}})
		}
		return Reading{Annotations: as}
	}
	key, trainee := reading(), reading()
	b.ResetTimer()
	for range b.N {
		Compare(s, tags, key, trainee)
	}
}
