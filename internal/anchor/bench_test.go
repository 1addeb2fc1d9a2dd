package anchor

import (
	"math/rand"
	"testing"
)

// BenchmarkReattachPaper re-anchors 100 annotations of a ~60,000-character
// paper after an extractor change that reflowed whitespace, hyphenated
// words and shifted everything by a paragraph: the work of opening a paper
// whose extractor version changed.
func BenchmarkReattachPaper(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	p := genPaper(rng, 120)
	old := render(rng, p, "v1", perturb{})
	nw := render(rng, p, "v2", perturb{front: true, whitespace: true, hyphenate: true, noise: 0.01})
	var quotes []quoteRef
	for range 100 {
		quotes = append(quotes, pickQuote(rng, p))
	}
	b.ReportMetric(float64(len([]rune(nw.doc.Text))), "chars")
	b.ResetTimer()
	for b.Loop() {
		r := NewReattacher(nw.doc)
		for _, q := range quotes {
			s, e, _ := old.span(q)
			a, err := New(old.doc, s, e)
			if err != nil {
				b.Fatal(err)
			}
			r.Reattach(a)
		}
	}
}
