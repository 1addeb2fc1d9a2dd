package merge

import (
	"strings"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// Match says how a bundle's paper was matched to one of the library's.
type Match string

// How papers match, strongest first.
const (
	NoMatch    Match = ""
	SameFile   Match = "same file" // equal SHA-256: the same PDF
	SameDOI    Match = "same DOI"  // another copy of the article
	SameTitled Match = "same title and year"
)

// Paper finds the library paper a bundle's paper is: the same file (by
// SHA-256) first, else one with the same DOI, else one with the same title
// (ignoring case, punctuation and spacing) and year. Ties among copies
// go to the first in the given order.
func Paper(library []appraise.Paper, in appraise.Paper) (appraise.Paper, Match) {
	for _, p := range library {
		if p.ID == in.ID {
			return p, SameFile
		}
	}
	if doi := normDOI(in.Meta.DOI); doi != "" {
		for _, p := range library {
			if normDOI(p.Meta.DOI) == doi {
				return p, SameDOI
			}
		}
	}
	if t := normTitle(in.Meta.Title); len(t) >= 12 && in.Meta.Year > 0 {
		for _, p := range library {
			if p.Meta.Year == in.Meta.Year && normTitle(p.Meta.Title) == t {
				return p, SameTitled
			}
		}
	}
	return appraise.Paper{}, NoMatch
}

// normDOI lower-cases a DOI and drops a resolver or "doi:" prefix.
func normDOI(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"} {
		s = strings.TrimPrefix(s, p)
	}
	if !strings.HasPrefix(s, "10.") {
		return ""
	}
	return s
}

// normTitle keeps a title's letters and digits, lower-cased.
func normTitle(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
