package pdfextract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text with the x edges of its characters.
//
// Every character of a line's text keeps the x extent of the glyph that
// produced it, so an offset range maps to a box on the page without
// matching text against the page a second time (appraise.Line). Text and
// edges are built together: a glyph's characters share its advance (a
// ligature "ﬁ" expanded to "fi" gives each letter half of it); characters
// the extractor writes itself (word spaces, the brackets and caret around
// superscripts, table tabs) sit between their neighbours, with no width
// of their own beyond the gap; trimming, collapsing spaces, NFC and the
// joining of lines carry the edges along.

// edgeText is text and its edges: e[i] is the left edge of code point i of
// s and e[n] the right edge of the last, n being s's code points, so
// len(e) == n+1. e is nil when edges are not tracked (text rendered only
// to be compared), and may be nil for "".
type edgeText struct {
	s string
	e []float32
}

// edgeBuilder writes text and its edges together.
type edgeBuilder struct {
	b       strings.Builder
	edges   []float32 // the left edge of each code point written
	right   float64   // the right edge of the last one
	noEdges bool      // text only
}

func (b *edgeBuilder) String() string { return b.b.String() }
func (b *edgeBuilder) Len() int       { return b.b.Len() }

// glyph writes a glyph's text; its code points share [x0, x1] equally.
func (b *edgeBuilder) glyph(text string, x0, x1 float64) {
	b.b.WriteString(text)
	if b.noEdges {
		return
	}
	if len(text) == 1 {
		b.edges = append(b.edges, float32(x0))
	} else {
		n := utf8.RuneCountInString(text)
		for k := range n {
			b.edges = append(b.edges, float32(x0+(x1-x0)*float64(k)/float64(n)))
		}
	}
	b.right = x1
}

// insert writes characters of the extractor's own (a space, a bracket)
// at the right edge of what is written: each is as wide as the gap up to
// what follows.
func (b *edgeBuilder) insert(s string) { b.insertAt(s, b.right) }

// insertAt writes characters of the extractor's own at x.
func (b *edgeBuilder) insertAt(s string, x float64) {
	b.b.WriteString(s)
	if b.noEdges {
		return
	}
	for range utf8.RuneCountInString(s) {
		b.edges = append(b.edges, float32(x))
	}
	b.right = x
}

// add writes t, edges included.
func (b *edgeBuilder) add(t edgeText) {
	b.b.WriteString(t.s)
	if b.noEdges || t.s == "" {
		return
	}
	n := len(t.e) - 1
	b.edges = append(b.edges, t.e[:n]...)
	b.right = float64(t.e[n])
}

// text returns what was written. Edges never decrease: a glyph drawn
// over the end of the one before it (kerning, overlaps) starts where that
// one ends.
func (b *edgeBuilder) text() edgeText {
	t := edgeText{s: b.b.String()}
	if b.noEdges || t.s == "" {
		return t
	}
	t.e = append(b.edges, float32(b.right))
	for i := 1; i < len(t.e); i++ {
		if t.e[i] < t.e[i-1] {
			t.e[i] = t.e[i-1]
		}
	}
	return t
}

// left is the left edge of t's first character (0 without edges).
func (t edgeText) left() float64 {
	if len(t.e) == 0 {
		return 0
	}
	return float64(t.e[0])
}

// sub is the part of t from byte i to byte j, with its edges.
func (t edgeText) sub(i, j int) edgeText {
	out := edgeText{s: t.s[i:j]}
	if t.e == nil || i == j {
		return out
	}
	k := utf8.RuneCountInString(t.s[:i])
	out.e = t.e[k : k+utf8.RuneCountInString(out.s)+1]
	return out
}

// trimSpace is t without leading and trailing white space (as
// strings.TrimSpace): a dropped space's extent goes to no character.
func (t edgeText) trimSpace() edgeText {
	i := len(t.s) - len(strings.TrimLeftFunc(t.s, unicode.IsSpace))
	j := len(strings.TrimRightFunc(t.s, unicode.IsSpace))
	if i == 0 && j == len(t.s) {
		return t
	}
	if i >= j {
		return edgeText{}
	}
	return t.sub(i, j)
}

// collapse is t trimmed with each run of spaces made one (as
// collapseSpaces): the space kept spans the whole run.
func (t edgeText) collapse() edgeText {
	t = t.trimSpace()
	if !strings.Contains(t.s, "  ") {
		return t
	}
	var b strings.Builder
	var e []float32
	if t.e != nil {
		e = make([]float32, 0, len(t.e))
	}
	space := false
	k := 0
	for _, r := range t.s {
		if r != ' ' || !space {
			b.WriteRune(r)
			if t.e != nil {
				e = append(e, t.e[k])
			}
		}
		space = r == ' '
		k++
	}
	if t.e != nil {
		e = append(e, t.e[k])
	}
	return edgeText{s: b.String(), e: e}
}

// nfc is t in Unicode NFC (as normalizeText). A character composed of
// several ("e" + combining acute → "é") spans all of them; when a
// segment's count of characters changes, its characters share its extent.
func (t edgeText) nfc() edgeText {
	if norm.NFC.IsNormalString(t.s) {
		return t
	}
	if t.e == nil {
		return edgeText{s: norm.NFC.String(t.s)}
	}
	var b strings.Builder
	e := make([]float32, 0, len(t.e))
	var it norm.Iter
	it.InitString(norm.NFC, t.s)
	k := 0 // code points of t consumed
	for !it.Done() {
		from := it.Pos()
		seg := it.Next()
		in := utf8.RuneCountInString(t.s[from:it.Pos()])
		out := utf8.RuneCount(seg)
		b.Write(seg)
		if in == out {
			e = append(e, t.e[k:k+in]...)
		} else {
			x0, x1 := t.e[k], t.e[k+in]
			for j := range out {
				e = append(e, x0+(x1-x0)*float32(j)/float32(out))
			}
		}
		k += in
	}
	e = append(e, t.e[k])
	return edgeText{s: b.String(), e: e}
}

// without is t with every code point r removed: the character after a
// removed run starts where the run started, and a run at the end leaves
// its start as the end.
func (t edgeText) without(r rune) edgeText {
	if !strings.ContainsRune(t.s, r) {
		return t
	}
	var b strings.Builder
	var e []float32
	if t.e != nil {
		e = make([]float32, 0, len(t.e))
	}
	k := 0
	pending := false // a removed run waits for the next kept character
	var from float32
	for _, c := range t.s {
		if c == r {
			if !pending && t.e != nil {
				from = t.e[k]
			}
			pending = true
		} else {
			b.WriteRune(c)
			if t.e != nil {
				if pending {
					e = append(e, from)
				} else {
					e = append(e, t.e[k])
				}
			}
			pending = false
		}
		k++
	}
	out := edgeText{s: b.String()}
	if t.e == nil || out.s == "" {
		return out
	}
	if pending {
		out.e = append(e, from)
	} else {
		out.e = append(e, t.e[k])
	}
	return out
}

// uniformEdges spreads n characters evenly over [x0, x1]: the edges of a
// text whose glyphs are not known.
func uniformEdges(n int, x0, x1 float64) []float32 {
	e := make([]float32, n+1)
	if !(x1 >= x0) {
		x1 = x0
	}
	for i := range e {
		e[i] = float32(x0 + (x1-x0)*float64(i)/float64(max(n, 1)))
	}
	return e
}

// concatEdges is the edges of texts joined with one character between
// each two (a table row's cells and tabs): that character spans the gap
// from one text's end to the next one's start.
func concatEdges(parts [][]float32) []float32 {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]float32, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	for i := 1; i < len(out); i++ {
		if out[i] < out[i-1] {
			out[i] = out[i-1]
		}
	}
	return out
}
