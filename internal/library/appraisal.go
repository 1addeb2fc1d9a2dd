package library

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// Limits on what a user types into the appraisal, so one paste cannot
// bloat every record and export.
const (
	maxComment = 10000 // code points of a checklist comment or PICO field
	maxReason  = 2000  // code points of a level override's reason
)

// Appraisal returns a paper's whole structured appraisal, the card
// included.
func (l *Library) Appraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	p, err := l.store.Paper(paper)
	if err != nil {
		return appraise.PaperAppraisal{}, err
	}
	pa, err := l.store.Appraisal(paper)
	if err != nil {
		return appraise.PaperAppraisal{}, err
	}
	pa.Card = p.Appraisal
	return pa, nil
}

// update changes a paper's appraisal in one committed transaction,
// stamping it modified.
func (l *Library) update(paper appraise.PaperID, change func(*appraise.PaperAppraisal) error) (appraise.PaperAppraisal, error) {
	now := l.now()
	pa, err := l.store.UpdateAppraisal(paper, func(pa *appraise.PaperAppraisal) error {
		if err := change(pa); err != nil {
			return err
		}
		pa.Modified = now
		return nil
	})
	if err != nil {
		return appraise.PaperAppraisal{}, err
	}
	return pa, nil
}

// SaveCard saves the paper card's fields (design, timing, sample,
// setting, bottom line) in one commit.
func (l *Library) SaveCard(paper appraise.PaperID, c appraise.Appraisal) (appraise.Paper, error) {
	if err := checkDesign(c.Design); err != nil {
		return appraise.Paper{}, err
	}
	switch c.Timing {
	case appraise.TimingUnset, appraise.TimingProspective, appraise.TimingRetrospective:
	default:
		return appraise.Paper{}, fmt.Errorf("%w: timing %q is not retrospective or prospective", appraise.ErrInvalidAppraisal, c.Timing)
	}
	fields := []*string{&c.SampleSize, &c.Setting, &c.BottomLine}
	for _, f := range fields {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > maxComment {
			return appraise.Paper{}, fmt.Errorf("%w: a card field is longer than %d characters", appraise.ErrInvalidAppraisal, maxComment)
		}
	}
	p, err := l.store.Paper(paper)
	if err != nil {
		return appraise.Paper{}, err
	}
	c.Modified = l.now()
	p.Appraisal = c
	if err := l.store.PutPaper(p); err != nil {
		return appraise.Paper{}, err
	}
	return p, nil
}

func checkDesign(d appraise.StudyDesign) error {
	if d == appraise.DesignUnset {
		return nil
	}
	var names []string
	for _, k := range appraise.StudyDesigns() {
		if k == d {
			return nil
		}
		names = append(names, string(k))
	}
	return fmt.Errorf("%w: design %q is not one of %s", appraise.ErrInvalidAppraisal, d, strings.Join(names, ", "))
}

// Level returns the proposed, chosen and effective evidence level.
func (l *Library) Level(paper appraise.PaperID) (appraise.LevelView, error) {
	pa, err := l.Appraisal(paper)
	if err != nil {
		return appraise.LevelView{}, err
	}
	return instrument.LevelOf(pa), nil
}

// SetLevel overrides the proposed evidence level (1–5) with a reason;
// level 0 returns to the proposal.
func (l *Library) SetLevel(paper appraise.PaperID, level appraise.EvidenceLevel, reason string) (appraise.LevelView, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case level < 0 || level > 5:
		return appraise.LevelView{}, fmt.Errorf("%w: evidence level %d is not 1–5", appraise.ErrInvalidAppraisal, level)
	case level > 0 && reason == "":
		return appraise.LevelView{}, fmt.Errorf("%w: overriding the proposed evidence level needs a reason", appraise.ErrInvalidAppraisal)
	case utf8.RuneCountInString(reason) > maxReason:
		return appraise.LevelView{}, fmt.Errorf("%w: the reason is longer than %d characters", appraise.ErrInvalidAppraisal, maxReason)
	}
	if level == 0 {
		reason = ""
	}
	now := l.now()
	if _, err := l.update(paper, func(pa *appraise.PaperAppraisal) error {
		pa.Level = appraise.LevelChoice{Level: level, Reason: reason, Modified: now}
		return nil
	}); err != nil {
		return appraise.LevelView{}, err
	}
	return l.Level(paper)
}

// SavePICO saves a paper's PICO (every field trimmed).
func (l *Library) SavePICO(paper appraise.PaperID, p appraise.PICO) (appraise.PICO, error) {
	fields := []*string{&p.Population.N, &p.Population.Age, &p.Population.Sex, &p.Population.Diagnosis,
		&p.Population.Setting, &p.Population.TimeWindow, &p.Intervention, &p.Comparator, &p.Outcomes, &p.FollowUp}
	for _, f := range fields {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > maxComment {
			return appraise.PICO{}, fmt.Errorf("%w: a PICO field is longer than %d characters", appraise.ErrInvalidAppraisal, maxComment)
		}
	}
	p.Modified = l.now()
	pa, err := l.update(paper, func(pa *appraise.PaperAppraisal) error {
		pa.PICO = p
		return nil
	})
	if err != nil {
		return appraise.PICO{}, err
	}
	return pa.PICO, nil
}

// ProposePICO proposes population and follow-up fields from an
// annotation's quote (typically a population passage), for the user to
// accept or edit.
func (l *Library) ProposePICO(annotation string) ([]appraise.PICOProposal, error) {
	a, err := l.store.Annotation(annotation)
	if err != nil {
		return nil, err
	}
	return instrument.ProposePopulation(a.Anchor.Exact), nil
}

// liveAnnotations returns a paper's live annotations by id.
func (l *Library) liveAnnotations(paper appraise.PaperID) (map[string]appraise.Annotation, []appraise.Annotation, error) {
	as, err := l.store.Annotations(paper)
	if err != nil {
		return nil, nil, err
	}
	m := make(map[string]appraise.Annotation, len(as))
	for _, a := range as {
		m[a.ID] = a
	}
	return m, as, nil
}

// ownAnnotation checks that id is a live annotation of paper.
func (l *Library) ownAnnotation(paper appraise.PaperID, id string) (appraise.Annotation, error) {
	a, err := l.store.Annotation(id)
	switch {
	case err != nil:
		return appraise.Annotation{}, fmt.Errorf("annotation %s: %w", id, err)
	case a.Paper != paper:
		return appraise.Annotation{}, fmt.Errorf("%w: annotation %s belongs to another paper", appraise.ErrInvalidAppraisal, id)
	case !a.Deleted.IsZero():
		return appraise.Annotation{}, fmt.Errorf("%w: annotation %s is in the trash; restore it first", appraise.ErrInvalidAppraisal, id)
	}
	return a, nil
}

// ownAnnotations checks ids (see ownAnnotation) and drops repeats.
func (l *Library) ownAnnotations(paper appraise.PaperID, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if _, err := l.ownAnnotation(paper, id); err != nil {
			return nil, err
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Report is a paper's appraisal resolved for showing: the level, the
// checklist in use with its evidence, and every live claim's certainty.
func (l *Library) Report(paper appraise.PaperID) (appraise.AppraisalReport, error) {
	pa, err := l.Appraisal(paper)
	if err != nil {
		return appraise.AppraisalReport{}, err
	}
	_, as, err := l.liveAnnotations(paper)
	if err != nil {
		return appraise.AppraisalReport{}, err
	}
	in, err := l.inUse(pa)
	if err != nil {
		return appraise.AppraisalReport{}, err
	}
	return instrument.Report(in, pa, as), nil
}
