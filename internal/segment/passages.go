package segment

import (
	"strconv"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// wholeBlockMax is the length, in code points, up to which a heading,
// title, caption, reference or other block (a sidebar entry, a flow
// chart's box, an affiliation) stays one passage. Longer ones (a caption
// that describes six panels) are split into sentences like a paragraph.
const wholeBlockMax = 400

// Passages splits every block into passages: one per sentence for body
// text, one per row for tables, one per block for titles, headings,
// captions, references and other blocks up to wholeBlockMax code points. Offsets are code points into text, like the
// blocks'. A passage never includes the whitespace around it, so every code
// point of a block is in exactly one passage or is whitespace between two.
//
// A passage's page is the page its first code point is printed on (see
// appraise.Block.PageAt): a sentence of a paragraph that crosses a page
// break is cited on the page where the sentence starts.
//
// Blocks are read in order. Bounds that do not fit text are clamped, and a
// block that starts before the previous block's end starts at that end, so
// the passages are always within text, in order and disjoint, whatever the
// blocks say. Passage IDs are "b<block index>.s<n>", n counting from 0.
func Passages(text string, blocks []appraise.Block) []appraise.Passage {
	runes := []rune(text)
	out := make([]appraise.Passage, 0, len(blocks)*3)
	floor := 0
	for _, b := range blocks {
		start, end := clamp(b.Start, floor, len(runes)), clamp(b.End, 0, len(runes))
		if end < start {
			end = start
		}
		floor = end
		var spans []span
		if b.Kind == appraise.KindTable {
			spans = rowSpans(runes, start, end)
		} else if wholeBlock(b.Kind) && end-start <= wholeBlockMax {
			if s, ok := trim(runes, span{start, end}); ok {
				spans = []span{s}
			}
		} else {
			spans = sentences(runes[start:end])
			for i := range spans {
				spans[i].Start += start
				spans[i].End += start
			}
		}
		prefix := "b" + strconv.Itoa(b.Index) + ".s"
		for n, s := range spans {
			out = append(out, appraise.Passage{
				ID:    prefix + strconv.Itoa(n),
				Block: b.Index,
				Page:  b.PageAt(s.Start),
				Start: s.Start,
				End:   s.End,
			})
		}
	}
	return out
}

// rowSpans is one passage per line of a table block's text (its rows),
// so a table never runs into sentence segmentation.
func rowSpans(runes []rune, start, end int) []span {
	var out []span
	from := start
	for i := start; i <= end; i++ {
		if i == end || runes[i] == '\n' {
			if s, ok := trim(runes, span{from, i}); ok {
				out = append(out, s)
			}
			from = i + 1
		}
	}
	return out
}

// wholeBlock reports the block kinds that are one passage when short.
func wholeBlock(k appraise.BlockKind) bool {
	switch k {
	case appraise.KindTitle, appraise.KindHeading, appraise.KindCaption, appraise.KindReference, appraise.KindOther:
		return true
	}
	return false
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// trim narrows s to exclude leading and trailing whitespace; ok is false
// when nothing but whitespace is left.
func trim(runes []rune, s span) (span, bool) {
	for s.Start < s.End && unicode.IsSpace(runes[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && unicode.IsSpace(runes[s.End-1]) {
		s.End--
	}
	return s, s.End > s.Start
}
