package segment

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// FuzzPassages: whatever the text and block bounds, passages stay within
// the text, in order, disjoint and trimmed, and cover every non-space code
// point of well-formed blocks.
func FuzzPassages(f *testing.F) {
	for _, c := range devCases {
		f.Add(c.text, 0, len([]rune(c.text)), uint8(0))
	}
	f.Add("Heading\n\nBody. More body.", 0, 7, uint8(1))
	f.Add("x. Y", -3, 100, uint8(2))
	f.Fuzz(func(t *testing.T, text string, start, end int, kind uint8) {
		kinds := []appraise.BlockKind{appraise.KindParagraph, appraise.KindHeading, appraise.KindCaption}
		n := len([]rune(text))
		blocks := []appraise.Block{
			{Index: 0, Kind: kinds[int(kind)%len(kinds)], Start: start, End: end},
			{Index: 1, Kind: appraise.KindParagraph, Start: end, End: n},
		}
		ps := Passages(text, blocks)
		checkInvariants(t, text, ps)
		if 0 <= start && start <= end && end <= n {
			checkPartition(t, text, blocks, ps)
		}
	})
}
