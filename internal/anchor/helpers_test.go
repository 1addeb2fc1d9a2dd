package anchor

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// docOf builds a Document from paragraphs: blocks joined by "\n\n", one
// passage per sentence (split after ". "), four blocks a page.
func docOf(tb testing.TB, version string, paragraphs ...string) appraise.Document {
	tb.Helper()
	d := appraise.Document{ExtractorVersion: version}
	var text []rune
	for bi, p := range paragraphs {
		if bi > 0 {
			text = append(text, '\n', '\n')
		}
		start := len(text)
		page := bi/4 + 1
		si := 0
		for _, s := range splitSentences(p) {
			ps := len(text)
			text = append(text, []rune(s)...)
			d.Passages = append(d.Passages, appraise.Passage{
				ID: fmt.Sprintf("b%d.s%d", bi, si), Block: bi, Page: page, Start: ps, End: len(text),
			})
			si++
		}
		d.Blocks = append(d.Blocks, appraise.Block{Index: bi, Kind: appraise.KindParagraph, Page: page, Start: start, End: len(text)})
	}
	d.Text = string(text)
	return d
}

// splitSentences splits after ". " keeping the space with the sentence
// before it, so the parts concatenate back to p.
func splitSentences(p string) []string {
	var out []string
	for {
		i := strings.Index(p, ". ")
		if i < 0 {
			if p != "" {
				out = append(out, p)
			}
			return out
		}
		out = append(out, p[:i+2])
		p = p[i+2:]
	}
}

// spanOf returns the code-point span of the nth (0-based) occurrence of s.
func spanOf(tb testing.TB, d appraise.Document, s string, nth int) (int, int) {
	tb.Helper()
	text := d.Text
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(text[off:], s)
		if i < 0 {
			tb.Fatalf("%q occurs fewer than %d times", s, nth+1)
		}
		if k == nth {
			start := len([]rune(d.Text[:off+i]))
			return start, start + len([]rune(s))
		}
		off += i + len(s)
	}
}

// anchorAt builds the anchor for the nth occurrence of s.
func anchorAt(tb testing.TB, d appraise.Document, s string, nth int) appraise.Anchor {
	tb.Helper()
	start, end := spanOf(tb, d, s, nth)
	a, err := New(d, start, end)
	if err != nil {
		tb.Fatalf("New(%q): %v", s, err)
	}
	return a
}
