package agreement

import (
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// span is a half-open range of code points.
type span struct{ start, end int }

// tagSpans returns, merged and sorted, the ranges that annotations carrying
// tag cover.
func tagSpans(anns []appraise.Annotation, tag string) []span {
	var out []span
	for _, a := range anns {
		if a.Anchor.End > a.Anchor.Start && a.HasTag(tag) {
			out = append(out, span{a.Anchor.Start, a.Anchor.End})
		}
	}
	return merge(out)
}

// merge sorts spans and joins those that overlap or touch.
func merge(s []span) []span {
	if len(s) == 0 {
		return nil
	}
	sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.start <= last.end {
			last.end = max(last.end, x.end)
			continue
		}
		out = append(out, x)
	}
	return out
}

// covered marks each sentence whose characters the merged spans cover at
// least half of. Sentences must be sorted by start and disjoint, as the
// segmenter makes them; the sweep is linear in sentences plus spans.
func covered(sents []appraise.Passage, spans []span) []bool {
	out := make([]bool, len(sents))
	j := 0
	for i, s := range sents {
		n := s.End - s.Start
		if n <= 0 {
			continue
		}
		for j < len(spans) && spans[j].end <= s.Start {
			j++
		}
		c := 0
		for k := j; k < len(spans) && spans[k].start < s.End; k++ {
			c += min(spans[k].end, s.End) - max(spans[k].start, s.Start)
		}
		out[i] = 2*c >= n
	}
	return out
}
