package instrument

import (
	"fmt"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

var certaintyScale = []appraise.Certainty{appraise.CertaintyVeryLow, appraise.CertaintyLow,
	appraise.CertaintyModerate, appraise.CertaintyHigh}

func certaintyRank(c appraise.Certainty) int {
	for i, s := range certaintyScale {
		if s == c {
			return i
		}
	}
	return 1 // unknown starts are treated as low
}

// Grade computes a claim's final certainty from its start: each rate-down
// domain takes one step (serious) or two (very serious) off, each rate-up
// domain adds one or two, and the result stays between very low and
// high. Ratings of unknown domains or levels are ignored (ValidateRating
// keeps them out of the library).
func Grade(start appraise.Certainty, ratings []appraise.DomainRating) appraise.Certainty {
	r := certaintyRank(start)
	seen := map[appraise.Domain]bool{}
	for _, d := range ratings {
		if seen[d.Domain] || ValidateRating(d) != nil {
			continue
		}
		seen[d.Domain] = true
		if d.Domain.RatesUp() {
			r += d.Level.Steps()
		} else {
			r -= d.Level.Steps()
		}
	}
	return certaintyScale[max(0, min(r, len(certaintyScale)-1))]
}

// ValidateRating checks that a rating names a known domain and a level
// that domain accepts (rate-down: none, serious, very-serious; rate-up:
// none, +1, +2). Errors wrap appraise.ErrInvalidAppraisal.
func ValidateRating(r appraise.DomainRating) error {
	if !r.Domain.Known() {
		names := make([]string, 0, 8)
		for _, d := range appraise.Domains() {
			names = append(names, string(d))
		}
		return fmt.Errorf("%w: %q is not a GRADE domain (use %s)", appraise.ErrInvalidAppraisal, r.Domain, strings.Join(names, ", "))
	}
	levels := appraise.LevelsFor(r.Domain)
	for _, l := range levels {
		if r.Level == l {
			return nil
		}
	}
	words := make([]string, len(levels))
	for i, l := range levels {
		words[i] = string(l)
	}
	return fmt.Errorf("%w: %q is not a level of %s (use %s)", appraise.ErrInvalidAppraisal, r.Level, r.Domain, strings.Join(words, ", "))
}

// ParseLevel reads a domain level as typed: "very serious" and
// "very-serious" are the same, "1" and "+1" too.
func ParseLevel(s string) appraise.DomainLevel {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "very serious", "very_serious":
		return appraise.LevelVerySerious
	case "1":
		return appraise.LevelUpOne
	case "2":
		return appraise.LevelUpTwo
	case "":
		return appraise.LevelNone
	}
	return appraise.DomainLevel(s)
}
