package store

import (
	"errors"
	"os"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func keepNewer(have *appraise.PaperAppraisal, in appraise.PaperAppraisal) (appraise.PaperAppraisal, bool) {
	if have != nil && !in.Modified.After(have.Modified) {
		return *have, false
	}
	if have != nil {
		in.Card = have.Card
	}
	return in, true
}

func memberAppraisal(p appraise.PaperID, author, answer string, at time.Time) appraise.PaperAppraisal {
	return appraise.PaperAppraisal{Paper: p, Author: author, Modified: at,
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
			Answers: []appraise.ItemAnswer{{Item: 1, Answer: appraise.Answer(answer), Modified: at}}}}}
}

// Members' appraisals are kept apart, one per (paper, author), and never
// touch the user's own appraisal.
func TestImportKeepsMembersAppraisalsApartFromTheUsers(t *testing.T) {
	s, c := newStore(t)
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	if _, err := s.UpdateAppraisal(p.ID, func(pa *appraise.PaperAppraisal) error {
		pa.Checklists = []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
			Answers: []appraise.ItemAnswer{{Item: 1, Answer: appraise.AnswerYes}}}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	at := c.Now()
	batch := appraise.ImportBatch{DecideAppraisal: keepNewer, Appraisals: []appraise.AppraisalImport{
		{Appraisal: memberAppraisal(p.ID, "Dr Lee", "no", at)},
		{Appraisal: memberAppraisal(p.ID, "Sam Park", "unclear", at)},
	}}
	if err := s.Import(batch); err != nil {
		t.Fatal(err)
	}
	// The same member under another spelling of the name is the same record.
	batch.Appraisals = []appraise.AppraisalImport{{Appraisal: memberAppraisal(p.ID, "dr  LEE", "yes", at.Add(time.Hour))}}
	if err := s.Import(batch); err != nil {
		t.Fatal(err)
	}
	ms, err := s.MemberAppraisals(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Checklist(appraise.InstrumentJBICaseSeries).Answer(1).Answer != "yes" ||
		ms[1].Author != "Sam Park" || ms[1].Checklist(appraise.InstrumentJBICaseSeries).Answer(1).Answer != "unclear" {
		t.Fatalf("members' appraisals = %+v", ms)
	}
	own, err := s.Appraisal(p.ID)
	if err != nil || own.Checklist(appraise.InstrumentJBICaseSeries).Answer(1).Answer != "yes" || own.Author != "" {
		t.Fatalf("own appraisal = %+v, %v", own, err)
	}
	if other, err := s.MemberAppraisals(mustPutPaper(t, s, 2, "Other").ID); err != nil || len(other) != 0 {
		t.Fatalf("another paper's members' appraisals = %+v, %v", other, err)
	}
}

// The user's own appraisal made elsewhere merges into the record and the
// paper's card.
func TestImportMergesTheUsersOwnAppraisalWithItsCard(t *testing.T) {
	s, c := newStore(t)
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	in := memberAppraisal(p.ID, "", "no", c.Now())
	in.Card = appraise.Appraisal{Design: appraise.DesignCaseSeries, BottomLine: "from the laptop"}
	err := s.Import(appraise.ImportBatch{DecideAppraisal: func(have *appraise.PaperAppraisal, in appraise.PaperAppraisal) (appraise.PaperAppraisal, bool) {
		return in, true
	}, Appraisals: []appraise.AppraisalImport{{Appraisal: in, Own: true}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Paper(p.ID)
	if err != nil || got.Appraisal.BottomLine != "from the laptop" {
		t.Fatalf("card = %+v, %v", got.Appraisal, err)
	}
	own, err := s.Appraisal(p.ID)
	if err != nil || own.Checklist(appraise.InstrumentJBICaseSeries).Answer(1).Answer != "no" {
		t.Fatalf("own appraisal = %+v, %v", own, err)
	}
	if ms, _ := s.MemberAppraisals(p.ID); len(ms) != 0 {
		t.Fatalf("own appraisal stored as a member's: %+v", ms)
	}
}

// An appraisal that cannot be saved undoes the whole import, annotations
// included.
func TestImportWithABadAppraisalSavesNothing(t *testing.T) {
	s, c := newStore(t)
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	a := ann("11111111-1111-4111-8111-111111111111", 1, 0, "Patients were enrolled")
	err := s.Import(appraise.ImportBatch{
		Annotations: []appraise.Annotation{a},
		Decide:      func(_ *appraise.Annotation, in appraise.Annotation) (appraise.Annotation, bool) { return in, true },
		Appraisals: []appraise.AppraisalImport{
			{Appraisal: memberAppraisal(p.ID, "Dr Lee", "no", c.Now())},
			{Appraisal: memberAppraisal(paperID(9), "Dr Lee", "no", c.Now())}, // no such paper
		},
		DecideAppraisal: keepNewer,
	})
	if !errors.Is(err, appraise.ErrNotFound) {
		t.Fatalf("import = %v, want not found", err)
	}
	if as, _ := s.Annotations(p.ID); len(as) != 0 {
		t.Fatalf("annotations saved by a failed import: %d", len(as))
	}
	if ms, _ := s.MemberAppraisals(p.ID); len(ms) != 0 {
		t.Fatalf("appraisals saved by a failed import: %+v", ms)
	}
}

// A member's appraisal brought in after the last backup survives damage
// to the library file.
func TestSalvageRecoversMembersAppraisals(t *testing.T) {
	s, c := newStore(t)
	path := s.Path()
	p := mustPutPaper(t, s, 1, "Postpartum case series")
	if _, err := s.StartupBackup(); err != nil {
		t.Fatal(err)
	}
	if err := s.Import(appraise.ImportBatch{DecideAppraisal: keepNewer,
		Appraisals: []appraise.AppraisalImport{{Appraisal: memberAppraisal(p.ID, "Dr Lee", "no", c.Now())}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	clear(b[:2*4096])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	s = openAt(t, path, c)
	if rep := s.Report(); !rep.Restored() || rep.Salvage.Recovered["members' appraisals"] != 1 {
		t.Fatalf("report = %+v", rep.Salvage)
	}
	ms, err := s.MemberAppraisals(p.ID)
	if err != nil || len(ms) != 1 || ms[0].Author != "Dr Lee" {
		t.Fatalf("after recovery = %+v, %v", ms, err)
	}
}
