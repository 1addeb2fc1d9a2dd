package library

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// Instruments lists the built-in instruments, then the custom ones.
func (l *Library) Instruments() ([]appraise.Instrument, error) {
	custom, err := l.store.CustomInstruments()
	if err != nil {
		return nil, err
	}
	return append(instrument.Builtin(), custom...), nil
}

// Instrument returns one instrument by id; an unknown id is
// appraise.ErrInvalidAppraisal.
func (l *Library) Instrument(id appraise.InstrumentID) (appraise.Instrument, error) {
	if in, ok := instrument.BuiltinByID(id); ok {
		return in, nil
	}
	all, err := l.Instruments()
	if err != nil {
		return appraise.Instrument{}, err
	}
	names := make([]string, 0, len(all))
	for _, in := range all {
		if in.ID == id {
			return in, nil
		}
		names = append(names, string(in.ID))
	}
	return appraise.Instrument{}, fmt.Errorf("%w: there is no checklist %q (choose from %s)", appraise.ErrInvalidAppraisal, id, strings.Join(names, ", "))
}

// ImportInstrument reads a custom checklist (TOML or JSON, told apart by
// name's extension, else by content) and saves it in the library,
// replacing an earlier import with the same id. A malformed file is
// appraise.ErrInvalidChecklist naming the line and field, and nothing is
// saved.
func (l *Library) ImportInstrument(name string, r io.Reader) (appraise.Instrument, error) {
	data, err := io.ReadAll(io.LimitReader(r, instrument.MaxFileSize+1))
	if err != nil {
		return appraise.Instrument{}, fmt.Errorf("read checklist %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	in, err := instrument.ParseCustom(name, data)
	if err != nil {
		return appraise.Instrument{}, err
	}
	if err := l.store.PutInstrument(in); err != nil {
		return appraise.Instrument{}, err
	}
	return in, nil
}

// inUse returns the instrument a paper is appraised with: the one chosen,
// else the design's default; the zero Instrument when there is neither.
func (l *Library) inUse(pa appraise.PaperAppraisal) (appraise.Instrument, error) {
	id := pa.Instrument
	if id == "" {
		id = instrument.DefaultFor(pa.Card.Design)
	}
	if id == "" {
		return appraise.Instrument{}, nil
	}
	return l.Instrument(id)
}

// ChooseInstrument sets the checklist a paper is appraised with. Answers
// given with another instrument are kept for when the user switches back.
func (l *Library) ChooseInstrument(paper appraise.PaperID, id appraise.InstrumentID) (appraise.ChecklistView, error) {
	if _, err := l.Instrument(id); err != nil {
		return appraise.ChecklistView{}, err
	}
	if _, err := l.update(paper, func(pa *appraise.PaperAppraisal) error {
		pa.Instrument = id
		return nil
	}); err != nil {
		return appraise.ChecklistView{}, err
	}
	return l.Checklist(paper)
}

// Checklist returns the paper's checklist in the instrument in use, each
// item with its answer, rating and evidence; evidence whose annotation was
// deleted is marked Missing. With no instrument chosen and none for the
// design, the view is empty (Instrument.ID == "").
func (l *Library) Checklist(paper appraise.PaperID) (appraise.ChecklistView, error) {
	pa, err := l.Appraisal(paper)
	if err != nil {
		return appraise.ChecklistView{}, err
	}
	live, _, err := l.liveAnnotations(paper)
	if err != nil {
		return appraise.ChecklistView{}, err
	}
	in, err := l.inUse(pa)
	if err != nil {
		return appraise.ChecklistView{}, err
	}
	return instrument.ChecklistOf(in, pa, live), nil
}

// AnswerItem saves the answer, comment, not-reported flag and evidence of
// item a.Item in the instrument in use, in one commit, and returns the
// saved row. Unknown items or answers, and evidence that is not a live
// annotation of the paper, are appraise.ErrInvalidAppraisal.
func (l *Library) AnswerItem(paper appraise.PaperID, a appraise.ItemAnswer) (appraise.ChecklistRow, error) {
	return l.AnswerItemIn(paper, "", a)
}

// AnswerItemIn is AnswerItem in instrument id (empty: the one in use),
// which it chooses for the paper in the same commit.
func (l *Library) AnswerItemIn(paper appraise.PaperID, id appraise.InstrumentID, a appraise.ItemAnswer) (appraise.ChecklistRow, error) {
	comment := strings.TrimSpace(a.Comment)
	var ev []string
	check := func(in appraise.Instrument) error {
		if !in.Allows(a.Answer) {
			return fmt.Errorf("%w: %q is not an answer of %s (use %s)", appraise.ErrInvalidAppraisal, a.Answer, in.Name, answerList(in))
		}
		if utf8.RuneCountInString(comment) > maxComment {
			return fmt.Errorf("%w: the comment is longer than %d characters", appraise.ErrInvalidAppraisal, maxComment)
		}
		var err error
		ev, err = l.ownAnnotations(paper, a.Evidence)
		return err
	}
	return l.changeItem(paper, id, a.Item, check, func(cur *appraise.ItemAnswer) {
		cur.Answer, cur.Comment, cur.NotReported, cur.Evidence = a.Answer, comment, a.NotReported, ev
	})
}

func answerList(in appraise.Instrument) string {
	var s []string
	for _, a := range in.AnswerChoices() {
		s = append(s, string(a))
	}
	return strings.Join(s, ", ")
}

// LinkEvidence adds an annotation to an item's evidence.
func (l *Library) LinkEvidence(paper appraise.PaperID, item int, annotation string) (appraise.ChecklistRow, error) {
	check := func(appraise.Instrument) error {
		_, err := l.ownAnnotation(paper, annotation)
		return err
	}
	return l.changeItem(paper, "", item, check, func(cur *appraise.ItemAnswer) {
		if !contains(cur.Evidence, annotation) {
			cur.Evidence = append(cur.Evidence, annotation)
		}
	})
}

// UnlinkEvidence removes an annotation from an item's evidence (also one
// that was deleted since).
func (l *Library) UnlinkEvidence(paper appraise.PaperID, item int, annotation string) (appraise.ChecklistRow, error) {
	return l.changeItem(paper, "", item, nil, func(cur *appraise.ItemAnswer) {
		cur.Evidence = slices.DeleteFunc(cur.Evidence, func(id string) bool { return id == annotation })
	})
}

// changeItem edits one item of the instrument in use in one commit,
// pinning that instrument so a later change of design does not switch the
// checklist under the user's answers. check (optional) validates the
// input before the transaction; edit runs inside it and must not call
// the store.
func (l *Library) changeItem(paper appraise.PaperID, id appraise.InstrumentID, item int, check func(appraise.Instrument) error, edit func(*appraise.ItemAnswer)) (appraise.ChecklistRow, error) {
	pa, err := l.Appraisal(paper)
	if err != nil {
		return appraise.ChecklistRow{}, err
	}
	if id != "" {
		pa.Instrument = id
	}
	in, err := l.inUse(pa)
	if err != nil {
		return appraise.ChecklistRow{}, err
	}
	if in.ID == "" {
		return appraise.ChecklistRow{}, fmt.Errorf("%w: choose a checklist first (the design %q has none of its own)", appraise.ErrInvalidAppraisal, pa.Card.Design)
	}
	it, ok := in.Item(item)
	if !ok {
		return appraise.ChecklistRow{}, fmt.Errorf("%w: %s has no item %d (items 1–%d)", appraise.ErrInvalidAppraisal, in.Name, item, len(in.Items))
	}
	if check != nil {
		if err := check(in); err != nil {
			return appraise.ChecklistRow{}, err
		}
	}
	now := l.now()
	var saved appraise.ItemAnswer
	pa, err = l.update(paper, func(pa *appraise.PaperAppraisal) error {
		pa.Instrument = in.ID
		i := slices.IndexFunc(pa.Checklists, func(c appraise.Checklist) bool { return c.Instrument == in.ID })
		if i < 0 {
			pa.Checklists = append(pa.Checklists, appraise.Checklist{Instrument: in.ID})
			i = len(pa.Checklists) - 1
		}
		c := &pa.Checklists[i]
		cur := c.Answer(item)
		edit(&cur)
		cur.Item, cur.Modified = item, now
		// A cleared item is kept, empty, with its time: merging an older
		// copy of this appraisal (a bundle from a second laptop) must not
		// bring the answer back. Every view reads it as unanswered.
		c.Answers = slices.DeleteFunc(c.Answers, func(a appraise.ItemAnswer) bool { return a.Item == item })
		c.Answers = append(c.Answers, cur)
		slices.SortFunc(c.Answers, func(a, b appraise.ItemAnswer) int { return a.Item - b.Item })
		saved = cur
		return nil
	})
	if err != nil {
		return appraise.ChecklistRow{}, err
	}
	live, _, err := l.liveAnnotations(paper)
	if err != nil {
		return appraise.ChecklistRow{}, err
	}
	return instrument.Row(in, it, saved, live), nil
}
