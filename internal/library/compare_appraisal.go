package library

import (
	"errors"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/instrument"
)

// compareAppraisals adds to a comparison what the two readers' structured
// appraisals say: the checklist answers item by item (with the key's
// checklist; the trainee's when the key chose none), the certainty of the
// claims matched by overlap, and a review item for every checklist item
// answered differently, placed at the key's first evidence for it. When
// the user has set no name, the user's own appraisal stands for the
// trainee's unless a bundle brought one by the trainee.
// keyAnns and traineeAnns are the readers' attached annotations.
func (l *Library) compareAppraisals(f *export.Feedback, paper appraise.PaperID, key, trainee string, keyAnns, traineeAnns []appraise.Annotation) error {
	keyPA, _, err := l.AppraisalBy(paper, key)
	if err != nil {
		return err
	}
	traineePA, found, err := l.AppraisalBy(paper, trainee)
	if err != nil {
		return err
	}
	if !found && l.User() == "" {
		// With no name set, the library cannot tell whose its own
		// appraisal is; a trainee compares their own reading, so it is
		// the trainee's.
		if traineePA, err = l.Appraisal(paper); err != nil {
			return err
		}
	}
	if err := l.compareChecklists(f, keyPA, traineePA, keyAnns); err != nil {
		return err
	}
	res := agreement.CompareCertainty(ratedClaims(keyPA, keyAnns), ratedClaims(traineePA, traineeAnns))
	if len(res.Claims) > 0 || res.Rated > 0 {
		f.Certainty = &res
	}
	return nil
}

func (l *Library) compareChecklists(f *export.Feedback, keyPA, traineePA appraise.PaperAppraisal, keyAnns []appraise.Annotation) error {
	in, err := l.inUse(keyPA)
	if in.ID == "" && err == nil {
		in, err = l.inUse(traineePA)
	}
	switch {
	case errors.Is(err, appraise.ErrInvalidAppraisal):
		return nil // the checklist is not defined here: nothing to compare it with
	case err != nil:
		return err
	case in.ID == "":
		return nil
	}
	keyA, traineeA := checklistAnswers(keyPA.Checklist(in.ID)), checklistAnswers(traineePA.Checklist(in.ID))
	if len(keyA) == 0 && len(traineeA) == 0 {
		return nil
	}
	res := agreement.CompareChecklist(keyA, traineeA)
	f.Checklist, f.Instrument = &res, in
	byID := make(map[string]appraise.Annotation, len(keyAnns))
	for _, a := range keyAnns {
		byID[a.ID] = a
	}
	kc := keyPA.Checklist(in.ID)
	for _, r := range agreement.AnswerReview(res, func(n int) string { it, _ := in.Item(n); return it.Text }) {
		for _, id := range kc.Answer(r.Item).Evidence {
			if a, ok := byID[id]; ok {
				r.Start, r.End, r.Page, r.PassageID = a.Anchor.Start, a.Anchor.End, a.Anchor.Page, a.Anchor.PassageID
				r.KeyAnnotations = []string{a.ID}
				break
			}
		}
		f.Result.Review = append(f.Result.Review, r)
	}
	return nil
}

// checklistAnswers is a checklist's answers as the agreement package
// takes them; items with no answer are left out.
func checklistAnswers(c appraise.Checklist) map[int]agreement.ChecklistAnswer {
	out := map[int]agreement.ChecklistAnswer{}
	for _, a := range c.Answers {
		if a.Answer != appraise.AnswerNone {
			out[a.Item] = agreement.ChecklistAnswer{Answer: string(a.Answer), Comment: a.Comment, NotReported: a.NotReported}
		}
	}
	return out
}

// ratedClaims is each claim a reader rated that is one of the reader's
// attached annotations, with its span and its final GRADE certainty from
// the reader's own design.
func ratedClaims(pa appraise.PaperAppraisal, anns []appraise.Annotation) []agreement.RatedClaim {
	byID := make(map[string]appraise.Annotation, len(anns))
	for _, a := range anns {
		byID[a.ID] = a
	}
	start := instrument.StartCertainty(pa.Card.Design)
	var out []agreement.RatedClaim
	for _, c := range pa.Certainties {
		a, ok := byID[c.Claim]
		if !ok {
			continue
		}
		out = append(out, agreement.RatedClaim{Annotation: a.ID, Start: a.Anchor.Start, End: a.Anchor.End,
			Certainty: string(instrument.Grade(start, c.Domains))})
	}
	return out
}
