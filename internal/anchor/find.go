package anchor

import (
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Span is a range of code points [Start, End) of a Document's text.
type Span struct {
	Start, End int
}

// FindQuote returns every place quote occurs in doc's text, in text order.
// Quote and text are compared after normalisation, so a quote typed or
// copied from the PDF matches across line breaks, hyphenation and
// ligatures; case matters. The spans are of the document's own text. A
// quote with no text is appraise.ErrEmptyQuote.
func FindQuote(doc appraise.Document, quote string) ([]Span, error) {
	q := normalizeRunes([]rune(quote), true)
	if len(q.r) == 0 {
		return nil, appraise.ErrEmptyQuote
	}
	n := normalizeRunes([]rune(doc.Text), false)
	s := newRuneString(n.r)
	needle := string(q.r)
	var out []Span
	for from := 0; ; {
		i := strings.Index(s.s[from:], needle)
		if i < 0 {
			return out, nil
		}
		b := from + i
		ns := s.runeIndex(b)
		start, end := n.origSpan(ns, ns+len(q.r))
		out = append(out, Span{start, end})
		_, w := utf8.DecodeRuneInString(s.s[b:])
		from = b + w
	}
}
