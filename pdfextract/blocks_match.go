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

// startsWithASCIIFold: s starts with one of the given lower-case ASCII
// letters in either case, or with a non-ASCII byte (case folding maps
// "ſ" to "s" and the Kelvin sign to "k", so those go to the expression).
func startsWithASCIIFold(letters string) func(string) bool {
	var set [128]bool
	for i := 0; i < len(letters); i++ {
		set[letters[i]] = true
		set[letters[i]-'a'+'A'] = true
	}
	return func(s string) bool {
		return s != "" && (s[0] >= 0x80 || set[s[0]])
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
