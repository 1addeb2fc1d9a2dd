package instrument

import "appraise.app/appraise/internal/appraise"

// Report resolves a paper's appraisal against the instrument in use (the
// zero Instrument when none) and the paper's live annotations (in text
// order): the level in force, the checklist rows with their evidence, and
// the certainty of every claim. Ids of annotations not among live are
// reported as Missing.
func Report(in appraise.Instrument, pa appraise.PaperAppraisal, live []appraise.Annotation) appraise.AppraisalReport {
	byID := make(map[string]appraise.Annotation, len(live))
	for _, a := range live {
		byID[a.ID] = a
	}
	r := appraise.AppraisalReport{Appraisal: pa, Level: LevelOf(pa), Checklist: ChecklistOf(in, pa, byID)}
	for _, a := range live {
		if a.HasTag(appraise.TagClaim) {
			r.Certainties = append(r.Certainties, CertaintyOf(a, pa, byID))
		}
	}
	return r
}

// LevelOf is the evidence level of a paper: the override when there is
// one, else the design's proposal.
func LevelOf(pa appraise.PaperAppraisal) appraise.LevelView {
	v := appraise.LevelView{Proposed: ProposeLevel(pa.Card.Design), Override: pa.Level}
	v.Level = v.Proposed
	if pa.Level.Level != 0 {
		v.Level = pa.Level.Level
	}
	return v
}

// ChecklistOf lays out instrument in's items with the paper's answers.
func ChecklistOf(in appraise.Instrument, pa appraise.PaperAppraisal, live map[string]appraise.Annotation) appraise.ChecklistView {
	v := appraise.ChecklistView{Instrument: in}
	c := pa.Checklist(in.ID)
	for _, it := range in.Items {
		v.Rows = append(v.Rows, Row(in, it, c.Answer(it.Number), live))
	}
	return v
}

// Row is one checklist row with its rating and resolved evidence.
func Row(in appraise.Instrument, it appraise.InstrumentItem, a appraise.ItemAnswer, live map[string]appraise.Annotation) appraise.ChecklistRow {
	return appraise.ChecklistRow{Item: it, Answer: a, Rating: in.RatingOf(a.Answer), Evidence: Resolve(a.Evidence, live)}
}

// CertaintyOf is a claim's certainty: start from the design, all eight
// domains in order with their reasons, and the computed final certainty.
func CertaintyOf(claim appraise.Annotation, pa appraise.PaperAppraisal, live map[string]appraise.Annotation) appraise.CertaintyView {
	c := pa.Certainty(claim.ID)
	v := appraise.CertaintyView{Claim: appraise.Evidence{ID: claim.ID, Annotation: claim}, Start: StartCertainty(pa.Card.Design)}
	ratings := make([]appraise.DomainRating, 0, 8)
	for _, d := range appraise.Domains() {
		r := c.Rating(d)
		ratings = append(ratings, r)
		v.Domains = append(v.Domains, appraise.DomainView{Rating: r, Reasons: Resolve(r.Reasons, live)})
	}
	v.Final = Grade(v.Start, ratings)
	v.Links = LinkEnds(pa, claim.ID, live)
	return v
}

// LinkEnds lists annotation id's links seen from it, the other end
// resolved.
func LinkEnds(pa appraise.PaperAppraisal, id string, live map[string]appraise.Annotation) []appraise.LinkEnd {
	var out []appraise.LinkEnd
	for _, k := range pa.LinksOf(id) {
		other := k.To
		if k.To == id {
			other = k.From
		}
		out = append(out, appraise.LinkEnd{Link: k, Other: Resolve([]string{other}, live)[0], FromSide: k.From == id})
	}
	return out
}

// Resolve turns annotation ids into evidence, marking those not live
// (deleted, or never of this paper) as missing.
func Resolve(ids []string, live map[string]appraise.Annotation) []appraise.Evidence {
	var out []appraise.Evidence
	for _, id := range ids {
		a, ok := live[id]
		out = append(out, appraise.Evidence{ID: id, Annotation: a, Missing: !ok})
	}
	return out
}
