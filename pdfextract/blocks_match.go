package pdfextract

import (
	"regexp"
	"strings"
)

// lineRE is a regular expression run on every line (or pair of lines)
// behind a quick test that rules most lines out first. may must hold for
// every string the expression matches: it only saves the expression's
// work on lines it cannot match, so results are the expression's own.
type lineRE struct {
	*regexp.Regexp
	may func(string) bool
}

func (r lineRE) MatchString(s string) bool { return r.may(s) && r.Regexp.MatchString(s) }

// startsWithASCIIFold: s starts with one of the given bytes (lower-case
// letters in either case, digits), or with a non-ASCII byte (case folding
// maps "ſ" to "s" and the Kelvin sign to "k", so those go to the
// expression).
func startsWithASCIIFold(chars string) func(string) bool {
	var set [128]bool
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		set[c] = true
		if c >= 'a' && c <= 'z' {
			set[c-'a'+'A'] = true
		}
	}
	return func(s string) bool {
		return s != "" && (s[0] >= 0x80 || set[s[0]])
	}
}

// startsWithWordFold: s starts with one of words (lower-case ASCII) in
// either case, or with a non-ASCII byte. Exact for expressions whose
// words hold an "s" or "k" (which case folding also matches as "ſ" and
// the Kelvin sign) only as their first letter or past a shorter
// alternative's end ("figs" after "fig").
func startsWithWordFold(words ...string) func(string) bool {
	return func(s string) bool {
		if s == "" {
			return false
		}
		if s[0] >= 0x80 {
			return true
		}
		for _, w := range words {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				return true
			}
		}
		return false
	}
}

// allOf: every quick test holds.
func allOf(tests ...func(string) bool) func(string) bool {
	return func(s string) bool {
		for _, t := range tests {
			if !t(s) {
				return false
			}
		}
		return true
	}
}

const digits = "0123456789"

// firstByteIn: s starts with one of the bytes in set.
func firstByteIn(set string) func(string) bool {
	return func(s string) bool { return s != "" && strings.IndexByte(set, s[0]) >= 0 }
}

// fewRuns: s has at most n runs of characters between the ASCII white
// space of regexp's \s ([\t\n\f\r ]). A whole-line heading expression (an
// optional number, at most three words, an optional colon) matches no
// line with more.
func fewRuns(n int) func(string) bool {
	return func(s string) bool {
		runs, in := 0, false
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case ' ', '\t', '\n', '\f', '\r':
				in = false
			default:
				if !in {
					if runs++; runs > n {
						return false
					}
					in = true
				}
			}
		}
		return true
	}
}

// lineMatches caches, per line, the expressions that segmentBlocks asks of
// every pair of lines: bit 2k is set once expression k was run, bit 2k+1
// holds its answer.
type lineMatches uint8

const (
	matchCaption = iota
	matchSection
	matchRefStart
)

// match runs expression k (one of the match constants) on the line's
// text, once.
func (l *textLine) match(k uint, re lineRE) bool {
	if l.matched&(1<<(2*k)) == 0 {
		l.matched |= 1 << (2 * k)
		if re.MatchString(l.text) {
			l.matched |= 1 << (2*k + 1)
		}
	}
	return l.matched&(1<<(2*k+1)) != 0
}

func (l *textLine) isCaptionStart() bool { return l.match(matchCaption, captionRE) }
func (l *textLine) isSection() bool      { return l.match(matchSection, sectionRE) }
func (l *textLine) isRefStart() bool     { return l.match(matchRefStart, refStartRE) }
