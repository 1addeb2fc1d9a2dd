package anchor

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is text normalised for comparison, with a way back to the
// original: orig[i] is the original code-point offset of normalised rune i.
//
// Normalisation collapses whitespace runs to one space, joins words
// hyphenated at a line break ("treat- ment" → "treatment"), drops soft
// hyphens and zero-width characters, maps typographic quotes and dashes to
// ASCII and applies NFKC to other non-ASCII characters (ligatures such as
// "ﬁ" become "fi", superscript digits become digits).
type normText struct {
	r    []rune
	orig []int
	str  runeString // r as a string, for fast substring search
	low  runeString // lower-cased r, one rune for one rune, for fuzzy search
	lowR []rune
}

// runeString is a string with a byte-offset → rune-index table (nil when
// the string is ASCII, where the two are the same).
type runeString struct {
	s   string
	b2r []int32
}

func newRuneString(rs []rune) runeString {
	s := string(rs)
	if len(s) == len(rs) {
		return runeString{s: s}
	}
	b2r := make([]int32, len(s)+1)
	ri := int32(0)
	for bi, r := range s {
		for k := range utf8.RuneLen(r) {
			b2r[bi+k] = ri
		}
		ri++
	}
	b2r[len(s)] = ri
	return runeString{s: s, b2r: b2r}
}

// runeIndex converts a byte offset of s to a rune index.
func (rs runeString) runeIndex(b int) int {
	if rs.b2r == nil {
		return b
	}
	return int(rs.b2r[b])
}

// normalizeRunes normalises rs. With trim, leading and trailing whitespace
// is dropped; without, a whitespace run at either end becomes one space so
// that a prefix or suffix keeps its word boundary.
func normalizeRunes(rs []rune, trim bool) normText {
	out := make([]rune, 0, len(rs))
	orig := make([]int, 0, len(rs))
	pendingSpace := -1 // original offset of a whitespace run not yet emitted
	emit := func(r rune, at int) {
		if pendingSpace >= 0 {
			if len(out) > 0 || !trim {
				out = append(out, ' ')
				orig = append(orig, pendingSpace)
			}
			pendingSpace = -1
		}
		out = append(out, r)
		orig = append(orig, at)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r < utf8.RuneSelf && r != '-' && !isSpaceASCII(r) {
			emit(r, i)
			continue
		}
		if isHyphen(r) {
			if j, ok := lineBreakHyphen(rs, i); ok {
				i = j - 1
				continue
			}
			emit('-', i)
			continue
		}
		if unicode.IsSpace(r) {
			if pendingSpace < 0 {
				pendingSpace = i
			}
			continue
		}
		if isInvisible(r) {
			continue
		}
		if m, ok := typographic(r); ok {
			emit(m, i)
			continue
		}
		for _, m := range norm.NFKC.String(string(r)) {
			if unicode.IsSpace(m) {
				if pendingSpace < 0 {
					pendingSpace = i
				}
				continue
			}
			emit(m, i)
		}
	}
	if pendingSpace >= 0 && !trim && len(out) > 0 {
		out = append(out, ' ')
		orig = append(orig, pendingSpace)
	}
	return normText{r: out, orig: orig}
}

// index fills the search strings; only texts that are searched need them.
func (n *normText) index() {
	n.str = newRuneString(n.r)
	n.lowR = lower(n.r)
	n.low = newRuneString(n.lowR)
}

// origSpan maps the normalised span [i, j) back to original offsets.
func (n *normText) origSpan(i, j int) (int, int) {
	return n.orig[i], n.orig[j-1] + 1
}

// lower lower-cases rune by rune, so offsets stay aligned.
func lower(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

func isSpaceASCII(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u00ad' }

// lineBreakHyphen reports whether the hyphen at rs[i] ends a line inside a
// word: a letter before it, whitespace after it, then a lower-case letter.
// A soft hyphen is always dropped. It returns the index to continue from.
func lineBreakHyphen(rs []rune, i int) (int, bool) {
	if rs[i] == '\u00ad' {
		j := i + 1
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		return j, true
	}
	if i == 0 || !unicode.IsLetter(rs[i-1]) {
		return 0, false
	}
	j := i + 1
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	if j == i+1 || j == len(rs) || !unicode.IsLower(rs[j]) {
		return 0, false
	}
	return j, true
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// typographic maps curly quotes, primes and dashes to ASCII.
func typographic(r rune) (rune, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
		return '\'', true
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033':
		return '"', true
	case '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-', true
	}
	return 0, false
}
