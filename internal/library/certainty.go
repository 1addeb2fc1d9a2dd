package library

import (
	"fmt"
	"slices"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// claimOf returns a live annotation tagged claim.
func (l *Library) claimOf(id string) (appraise.Annotation, error) {
	a, err := l.store.Annotation(id)
	switch {
	case err != nil:
		return appraise.Annotation{}, fmt.Errorf("claim %s: %w", id, err)
	case !a.Deleted.IsZero():
		return appraise.Annotation{}, fmt.Errorf("%w: annotation %s is in the trash; restore it first", appraise.ErrInvalidAppraisal, id)
	case !a.HasTag(appraise.TagClaim):
		return appraise.Annotation{}, fmt.Errorf("%w: annotation %s is not tagged claim, and certainty is rated per claim", appraise.ErrInvalidAppraisal, id)
	}
	return a, nil
}

// Certainty returns a claim annotation's GRADE certainty: the start the
// paper's design gives, all eight domains with their reasons, and the
// final certainty computed from them.
func (l *Library) Certainty(claim string) (appraise.CertaintyView, error) {
	a, err := l.claimOf(claim)
	if err != nil {
		return appraise.CertaintyView{}, err
	}
	pa, err := l.Appraisal(a.Paper)
	if err != nil {
		return appraise.CertaintyView{}, err
	}
	live, _, err := l.liveAnnotations(a.Paper)
	if err != nil {
		return appraise.CertaintyView{}, err
	}
	return instrument.CertaintyOf(a, pa, live), nil
}

// Certainties returns the certainty of each live claim of a paper, in
// text order.
func (l *Library) Certainties(paper appraise.PaperID) ([]appraise.CertaintyView, error) {
	pa, err := l.Appraisal(paper)
	if err != nil {
		return nil, err
	}
	_, as, err := l.liveAnnotations(paper)
	if err != nil {
		return nil, err
	}
	in, err := l.inUse(pa)
	if err != nil {
		return nil, err
	}
	return instrument.Report(in, pa, as).Certainties, nil
}

// SetDomain saves the judgement on one domain of a claim (its level and
// its reasons, which replace the earlier ones) in one commit, and returns
// the claim's certainty. Unknown domains or levels, and reasons that are
// not live annotations of the claim's paper, are
// appraise.ErrInvalidAppraisal.
func (l *Library) SetDomain(claim string, r appraise.DomainRating) (appraise.CertaintyView, error) {
	return l.SetDomains(claim, r)
}

// SetDomains is SetDomain for several domains, all in one commit: all are
// saved or, when one is invalid, none.
func (l *Library) SetDomains(claim string, rs ...appraise.DomainRating) (appraise.CertaintyView, error) {
	a, err := l.claimOf(claim)
	if err != nil {
		return appraise.CertaintyView{}, err
	}
	now := l.now()
	for i := range rs {
		r := &rs[i]
		if r.Level == "" {
			r.Level = appraise.LevelNone
		}
		if err := instrument.ValidateRating(*r); err != nil {
			return appraise.CertaintyView{}, err
		}
		reasons, err := l.ownAnnotations(a.Paper, r.Reasons)
		if err != nil {
			return appraise.CertaintyView{}, err
		}
		if slices.Contains(reasons, claim) {
			return appraise.CertaintyView{}, fmt.Errorf("%w: a claim cannot be its own reason", appraise.ErrInvalidAppraisal)
		}
		r.Reasons, r.Modified = reasons, now
	}
	if _, err := l.update(a.Paper, func(pa *appraise.PaperAppraisal) error {
		i := slices.IndexFunc(pa.Certainties, func(c appraise.ClaimCertainty) bool { return c.Claim == claim })
		if i < 0 {
			pa.Certainties = append(pa.Certainties, appraise.ClaimCertainty{Claim: claim})
			i = len(pa.Certainties) - 1
		}
		c := &pa.Certainties[i]
		for _, r := range rs {
			// A domain set back to no concern is kept with its time, as a
			// cleared checklist answer is, so an older copy merged from a
			// bundle cannot bring the concern back.
			c.Domains = slices.DeleteFunc(c.Domains, func(d appraise.DomainRating) bool { return d.Domain == r.Domain })
			c.Domains = append(c.Domains, r)
		}
		order := appraise.Domains()
		slices.SortFunc(c.Domains, func(x, y appraise.DomainRating) int {
			return slices.Index(order, x.Domain) - slices.Index(order, y.Domain)
		})
		c.Modified = now
		return nil
	}); err != nil {
		return appraise.CertaintyView{}, err
	}
	return l.Certainty(claim)
}
