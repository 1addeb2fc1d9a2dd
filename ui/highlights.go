package ui

import (
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// mark is the part of one annotation that falls in one block, in code
// points relative to the block's start.
type mark struct {
	start, end int
	tags       []string
}

// markIndex maps each block to the marks the reader draws on it. Only
// attached annotations are drawn: needs-review and orphaned ones are listed
// apart in the annotations panel until the user confirms them.
type markIndex map[int][]mark

func buildMarks(v *docView, anns []appraise.Annotation) markIndex {
	idx := markIndex{}
	for _, a := range anns {
		if a.Status != appraise.Attached || !a.Deleted.IsZero() {
			continue
		}
		s, e := a.Anchor.Start, a.Anchor.End
		if e <= s {
			continue
		}
		for b := max(v.blockAt(s), 0); b < len(v.blocks); b++ {
			blk := v.blocks[b]
			if blk.Start >= e {
				break
			}
			ms, me := max(s, blk.Start), min(e, blk.End)
			if me <= ms {
				continue
			}
			idx[b] = append(idx[b], mark{start: ms - blk.Start, end: me - blk.Start, tags: a.Tags})
		}
	}
	for b := range idx {
		ms := idx[b]
		// Longer spans first, so shorter ones nested in them paint on top.
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].start != ms[j].start {
				return ms[i].start < ms[j].start
			}
			return ms[i].end > ms[j].end
		})
	}
	return idx
}

// tagSlots gives each tag a stripe row under the text, in the order the
// library lists them (built-ins first), so two tags never share a stripe.
func tagSlots(tags []appraise.Tag) map[string]int {
	m := make(map[string]int, len(tags))
	for i, t := range tags {
		m[t.Name] = i
	}
	return m
}
