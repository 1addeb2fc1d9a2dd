package anchor

import (
	"errors"
	"fmt"
	"sort"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// ContextLen is how many code points of prefix and suffix an anchor keeps.
const ContextLen = 32

// ErrOutOfRange: a span does not lie inside the document's text.
var ErrOutOfRange = errors.New("the span lies outside the paper's text")

// New builds the anchor for the span [start, end) of doc's text (code
// points). Whitespace at either end of the span is left out; a span with
// nothing else is appraise.ErrEmptyQuote.
func New(doc appraise.Document, start, end int) (appraise.Anchor, error) {
	return newAnchor(doc, []rune(doc.Text), start, end)
}

func newAnchor(doc appraise.Document, text []rune, start, end int) (appraise.Anchor, error) {
	if start < 0 || end > len(text) || start > end {
		return appraise.Anchor{}, fmt.Errorf("anchor %d–%d in a text of %d: %w", start, end, len(text), ErrOutOfRange)
	}
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	if start == end {
		return appraise.Anchor{}, appraise.ErrEmptyQuote
	}
	pid, page := locate(doc, start)
	return appraise.Anchor{
		Page:             page,
		PassageID:        pid,
		Start:            start,
		End:              end,
		Exact:            string(text[start:end]),
		Prefix:           string(text[max(0, start-ContextLen):start]),
		Suffix:           string(text[end:min(len(text), end+ContextLen)]),
		ExtractorVersion: doc.ExtractorVersion,
	}, nil
}

// locate returns the passage holding offset (or the next one when offset
// falls between passages) and its page; the block's page when the
// document has no passages.
func locate(doc appraise.Document, offset int) (string, int) {
	ps := doc.Passages
	if len(ps) > 0 {
		i := sort.Search(len(ps), func(i int) bool { return ps[i].End > offset })
		if i == len(ps) {
			i = len(ps) - 1
		}
		return ps[i].ID, ps[i].Page
	}
	bs := doc.Blocks
	if len(bs) > 0 {
		i := sort.Search(len(bs), func(i int) bool { return bs[i].End > offset })
		if i == len(bs) {
			i = len(bs) - 1
		}
		return "", bs[i].Page
	}
	return "", 0
}
