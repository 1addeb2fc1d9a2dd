package appraise

import "time"

// Certainty is a GRADE certainty of evidence for one claim.
type Certainty string

// The four GRADE certainties, from most to least sure.
const (
	CertaintyHigh     Certainty = "high"
	CertaintyModerate Certainty = "moderate"
	CertaintyLow      Certainty = "low"
	CertaintyVeryLow  Certainty = "very low"
)

// Domain is one GRADE consideration that rates a body of evidence down or
// up.
type Domain string

// The five rate-down domains and three rate-up domains of GRADE.
const (
	DomainRiskOfBias      Domain = "risk-of-bias"
	DomainInconsistency   Domain = "inconsistency"
	DomainIndirectness    Domain = "indirectness"
	DomainImprecision     Domain = "imprecision"
	DomainPublicationBias Domain = "publication-bias"
	DomainLargeEffect     Domain = "large-effect"
	DomainDoseResponse    Domain = "dose-response"
	DomainConfounding     Domain = "confounding" // plausible confounding would reduce the effect
)

// DownDomains lists the rate-down domains in GRADE's order.
func DownDomains() []Domain {
	return []Domain{DomainRiskOfBias, DomainInconsistency, DomainIndirectness,
		DomainImprecision, DomainPublicationBias}
}

// UpDomains lists the rate-up domains in GRADE's order.
func UpDomains() []Domain {
	return []Domain{DomainLargeEffect, DomainDoseResponse, DomainConfounding}
}

// Domains lists all eight domains, rate-down first.
func Domains() []Domain { return append(DownDomains(), UpDomains()...) }

// RatesUp reports whether d is a rate-up domain.
func (d Domain) RatesUp() bool {
	return d == DomainLargeEffect || d == DomainDoseResponse || d == DomainConfounding
}

// Known reports whether d is one of the eight domains.
func (d Domain) Known() bool {
	for _, k := range Domains() {
		if k == d {
			return true
		}
	}
	return false
}

// Label is the domain's name for people.
func (d Domain) Label() string {
	switch d {
	case DomainRiskOfBias:
		return "Risk of bias"
	case DomainInconsistency:
		return "Inconsistency"
	case DomainIndirectness:
		return "Indirectness"
	case DomainImprecision:
		return "Imprecision"
	case DomainPublicationBias:
		return "Publication bias"
	case DomainLargeEffect:
		return "Large effect"
	case DomainDoseResponse:
		return "Dose-response gradient"
	case DomainConfounding:
		return "Plausible confounding"
	}
	return string(d)
}

// DomainLevel is the judgement on one domain: for rate-down domains none,
// serious or very serious (one or two steps down); for rate-up domains
// none, +1 or +2.
type DomainLevel string

// The domain levels. The empty level means none.
const (
	LevelNone        DomainLevel = "none"
	LevelSerious     DomainLevel = "serious"
	LevelVerySerious DomainLevel = "very-serious"
	LevelUpOne       DomainLevel = "+1"
	LevelUpTwo       DomainLevel = "+2"
)

// LevelsFor lists the levels domain d accepts.
func LevelsFor(d Domain) []DomainLevel {
	if d.RatesUp() {
		return []DomainLevel{LevelNone, LevelUpOne, LevelUpTwo}
	}
	return []DomainLevel{LevelNone, LevelSerious, LevelVerySerious}
}

// Steps is how many certainty steps a level moves: 0, 1 or 2 (the
// direction is the domain's).
func (l DomainLevel) Steps() int {
	switch l {
	case LevelSerious, LevelUpOne:
		return 1
	case LevelVerySerious, LevelUpTwo:
		return 2
	}
	return 0
}

// DomainRating is the judgement on one domain for one claim, with the
// annotations (usually limitations) that are its reasons.
type DomainRating struct {
	Domain   Domain      `json:"domain"`
	Level    DomainLevel `json:"level"`
	Reasons  []string    `json:"reasons,omitempty"` // annotation ids
	Modified time.Time   `json:"modified,omitzero"`
}

// ClaimCertainty is what the user judged about one claim annotation. Only
// the domains they touched are stored; the final certainty is always
// computed (internal/instrument.Grade), never typed.
type ClaimCertainty struct {
	Claim    string         `json:"claim"` // annotation id
	Domains  []DomainRating `json:"domains,omitempty"`
	Modified time.Time      `json:"modified,omitzero"`
}

// Rating returns the judgement on domain d (level none when unrated).
func (c ClaimCertainty) Rating(d Domain) DomainRating {
	for _, r := range c.Domains {
		if r.Domain == d {
			if r.Level == "" {
				r.Level = LevelNone
			}
			return r
		}
	}
	return DomainRating{Domain: d, Level: LevelNone}
}

// DomainView is one domain of a claim's certainty, ready to show.
type DomainView struct {
	Rating  DomainRating `json:"rating"`
	Reasons []Evidence   `json:"reasons,omitempty"`
}

// CertaintyView is a claim's certainty ready to show: where it started
// (from the paper's design), all eight domains in order, and where it
// ends.
type CertaintyView struct {
	Claim   Evidence     `json:"claim"`
	Start   Certainty    `json:"start"`
	Domains []DomainView `json:"domains"`
	Final   Certainty    `json:"final"`
	// Links are the claim's typed links seen from it ("limited by", "is
	// about").
	Links []LinkEnd `json:"links,omitempty"`
}
