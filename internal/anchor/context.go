package anchor

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"appraise.app/appraise/internal/appraise"
)

// Context agreement decides whether a candidate is the annotated place.
// Context is compared within the paragraph: an anchor whose prefix crosses
// a paragraph break is compared only up to that break, and the candidate
// must sit at a paragraph break at the same distance. So a paragraph that
// moved, with the quote at its start or spanning all of it, still agrees,
// while a copy of the sentence inside another paragraph does not.
const (
	// sideAgree is the least similarity of each side (prefix, suffix).
	sideAgree = 0.6
)

// context is an anchor's prefix and suffix, normalised and lower-cased.
type context struct {
	pre, suf side
}

// side is one side of the context: the full text and, when a paragraph
// break (or the edge of the text) bounds it, the part inside the paragraph.
type side struct {
	full, local []rune
	has         bool // the anchor has text on this side
	bounded     bool // local is bounded by a paragraph break
}

const paragraphBreak = "\n\n"

func (r *Reattacher) newContext(a appraise.Anchor) context {
	var c context
	if a.Prefix != "" {
		c.pre = side{full: normLower(a.Prefix), has: true}
		if i := strings.LastIndex(a.Prefix, paragraphBreak); i >= 0 {
			c.pre.local, c.pre.bounded = normLower(a.Prefix[i+len(paragraphBreak):]), true
		} else if len([]rune(a.Prefix)) < ContextLen {
			c.pre.local, c.pre.bounded = c.pre.full, true // the text began here
		}
	}
	if a.Suffix != "" {
		c.suf = side{full: normLower(a.Suffix), has: true}
		if i := strings.Index(a.Suffix, paragraphBreak); i >= 0 {
			c.suf.local, c.suf.bounded = normLower(a.Suffix[:i]), true
		} else if len([]rune(a.Suffix)) < ContextLen {
			c.suf.local, c.suf.bounded = c.suf.full, true // the text ended here
		}
	}
	return c
}

func normLower(s string) []rune {
	n := normalizeRunes([]rune(s), false)
	// A leading or trailing space stands for the whitespace between the
	// context and the quote or the paragraph break; keep it only inside.
	return lower(n.r)
}

// contextMatch is how the text around a candidate agrees with an anchor's
// stored prefix and suffix.
type contextMatch struct {
	pre, suf       float64 // similarity of each side, 0..1
	hasPre, hasSuf bool
}

// mean is the mean similarity over the sides the anchor has; ok is false
// when it has neither.
func (m contextMatch) mean() (float64, bool) {
	switch {
	case m.hasPre && m.hasSuf:
		return (m.pre + m.suf) / 2, true
	case m.hasPre:
		return m.pre, true
	case m.hasSuf:
		return m.suf, true
	}
	return 0, false
}

// agrees reports whether the context supports attaching without review:
// every side the anchor has agrees.
func (m contextMatch) agrees() bool {
	return (!m.hasPre || m.pre >= sideAgree) && (!m.hasSuf || m.suf >= sideAgree)
}

// contextScore compares the stored context with the text around the
// normalised span [ns, ne).
func (r *Reattacher) contextScore(c context, ns, ne int) contextMatch {
	low := r.n.lowR
	var m contextMatch
	if c.pre.has {
		m.hasPre = true
		m.pre = similarity(r.dmp, c.pre.full, low[max(0, ns-len(c.pre.full)):ns])
		if c.pre.bounded {
			local := trimSpaceRunes(c.pre.local)
			to := trimSpaceBack(low, ns)
			at := to - len(local)
			first := at // the first non-space of the local text, or the quote
			if len(local) == 0 {
				first = ns
			}
			if at >= 0 && blockBoundaryBefore(r.text, r.n.orig[first]) {
				m.pre = max(m.pre, similarity(r.dmp, local, low[at:to]))
			}
		}
	}
	if c.suf.has {
		m.hasSuf = true
		m.suf = similarity(r.dmp, c.suf.full, low[ne:min(len(low), ne+len(c.suf.full))])
		if c.suf.bounded {
			local := trimSpaceRunes(c.suf.local)
			from := trimSpaceFwd(low, ne)
			at := from + len(local)
			last := at // one past the last non-space of the local text, or the quote
			if len(local) == 0 {
				last = ne
			}
			if at <= len(low) && blockBoundaryAfter(r.text, r.n.orig[last-1]+1) {
				m.suf = max(m.suf, similarity(r.dmp, local, low[from:at]))
			}
		}
	}
	return m
}

func trimSpaceBack(rs []rune, i int) int {
	for i > 0 && rs[i-1] == ' ' {
		i--
	}
	return i
}

func trimSpaceFwd(rs []rune, i int) int {
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	return i
}

func trimSpaceRunes(rs []rune) []rune {
	i, j := 0, len(rs)
	for i < j && rs[i] == ' ' {
		i++
	}
	for j > i && rs[j-1] == ' ' {
		j--
	}
	return rs[i:j]
}

// blockBoundaryBefore reports whether only whitespace including a
// paragraph break (or the start of the text) precedes offset.
func blockBoundaryBefore(text []rune, offset int) bool {
	for i := offset - 1; i >= 0; i-- {
		switch {
		case text[i] == '\n' && i > 0 && text[i-1] == '\n':
			return true
		case !unicode.IsSpace(text[i]):
			return false
		}
	}
	return true
}

// blockBoundaryAfter is blockBoundaryBefore for what follows offset.
func blockBoundaryAfter(text []rune, offset int) bool {
	for i := offset; i < len(text); i++ {
		switch {
		case text[i] == '\n' && i+1 < len(text) && text[i+1] == '\n':
			return true
		case !unicode.IsSpace(text[i]):
			return false
		}
	}
	return true
}

// similarity is 1 − Levenshtein distance / the longer length.
func similarity(dmp *diffmatchpatch.DiffMatchPatch, a, b []rune) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	if string(a) == string(b) {
		return 1
	}
	d := dmp.DiffLevenshtein(dmp.DiffMainRunes(a, b, false))
	return 1 - float64(d)/float64(n)
}
