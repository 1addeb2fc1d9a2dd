package store

import (
	"errors"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestRemovePaperTrashesItsAnnotationsAndRestoreBringsThemBack(t *testing.T) {
	s, c := newStore(t)
	mustPutPaper(t, s, 1, "Removed paper")
	mustPutPaper(t, s, 2, "Kept paper")
	mustPutDoc(t, s, 1, pagedDocument("v1", "Wheeze in children."))
	mustPut(t, s, ann("a1", 1, 0, "Wheeze"), ann("a2", 1, 10, "children"), ann("b1", 2, 0, "Other"))
	if err := s.DeleteAnnotation("a2", c.Now()); err != nil { // trashed before: stays trashed
		t.Fatal(err)
	}
	c.Add(time.Minute)
	n, err := s.RemovePaper(paperID(1), c.Now())
	if err != nil || n != 1 {
		t.Fatalf("RemovePaper = %d, %v; want 1 annotation moved", n, err)
	}
	ps, _ := s.Papers()
	if len(ps) != 1 || ps[0].Paper.ID != paperID(2) {
		t.Errorf("papers after removing = %v, want only paper 2", ps)
	}
	if hits, _ := s.Find(appraise.SearchQuery{Text: "wheeze"}); len(hits) != 0 {
		t.Errorf("a removed paper is still found: %v", hits)
	}
	removed, err := s.RemovedPapers()
	if err != nil || len(removed) != 1 || removed[0].Annotations != 1 || !removed[0].Removed.Equal(c.Now()) {
		t.Fatalf("RemovedPapers = %+v, %v", removed, err)
	}
	if trash, _ := s.Trash(); len(trash) != 2 {
		t.Errorf("trash holds %d annotations, want 2", len(trash))
	}

	if err := s.RestorePaper(paperID(1)); err != nil {
		t.Fatal(err)
	}
	live, _ := s.Annotations(paperID(1))
	if len(live) != 1 || live[0].ID != "a1" {
		t.Errorf("after restoring: live %v; want a1 back and a2 (trashed earlier) still in the trash", ids(live))
	}
	if hits := mustFind(t, s, "wheeze"); len(hits) != 1 {
		t.Errorf("restored paper not found by its text")
	}
	if removed, _ := s.RemovedPapers(); len(removed) != 0 {
		t.Errorf("still removed: %v", removed)
	}
	if err := s.RestorePaper(paperID(1)); err != nil {
		t.Errorf("restoring a paper that is not removed: %v", err)
	}
	if _, err := s.RemovePaper(paperID(9), c.Now()); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("removing an unknown paper: %v", err)
	}
}

func TestRestoringAnAnnotationOfARemovedPaperBringsThePaperBack(t *testing.T) {
	s, c := newStore(t)
	mustPutPaper(t, s, 1, "P")
	mustPut(t, s, ann("a1", 1, 0, "one"), ann("a2", 1, 5, "two"))
	if _, err := s.RemovePaper(paperID(1), c.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreAnnotation("a1"); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Papers()
	live, _ := s.Annotations(paperID(1))
	if len(ps) != 1 || len(live) != 1 {
		t.Errorf("papers %d, live annotations %v; want the paper back with a1 only", len(ps), ids(live))
	}
}

func TestEmptyTrashDestroysRemovedPapersForGood(t *testing.T) {
	s, c := newStore(t)
	mustPutPaper(t, s, 1, "Gone for good")
	mustPutPaper(t, s, 2, "Stays")
	mustPutDoc(t, s, 1, pagedDocument("v1", "Wheeze."))
	mustPut(t, s, ann("a1", 1, 0, "Wheeze"), ann("b1", 2, 0, "Stays"))
	for _, id := range []appraise.PaperID{paperID(1), paperID(2)} {
		if _, err := s.UpdateAppraisal(id, func(pa *appraise.PaperAppraisal) error {
			pa.Checklists = []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
				Answers: []appraise.ItemAnswer{{Item: 1, Answer: appraise.AnswerYes}}}}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := s.Import(appraise.ImportBatch{DecideAppraisal: keepNewer, Appraisals: []appraise.AppraisalImport{
			{Appraisal: memberAppraisal(id, "Dr Lee", "no", c.Now())}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RemovePaper(paperID(1), c.Now()); err != nil {
		t.Fatal(err)
	}
	n, err := s.EmptyTrash()
	if err != nil || n != 2 {
		t.Fatalf("EmptyTrash = %d, %v; want 2 (one paper, one annotation)", n, err)
	}
	if _, err := s.Paper(paperID(1)); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("paper still there: %v", err)
	}
	if _, err := s.Document(paperID(1), "v1"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("extraction still there: %v", err)
	}
	if _, err := s.Annotation("a1"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("annotation still there: %v", err)
	}
	if live, _ := s.Annotations(paperID(2)); len(live) != 1 {
		t.Errorf("the other paper lost annotations")
	}
	// Appraisals go with the paper: the same PDF opened again starts clean.
	mustPutPaper(t, s, 1, "Gone for good")
	if pa, err := s.Appraisal(paperID(1)); err != nil || len(pa.Checklists) != 0 {
		t.Errorf("the destroyed paper's appraisal came back: %+v, %v", pa.Checklists, err)
	}
	if ms, err := s.MemberAppraisals(paperID(1)); err != nil || len(ms) != 0 {
		t.Errorf("the destroyed paper's members' appraisals came back: %d, %v", len(ms), err)
	}
	if pa, _ := s.Appraisal(paperID(2)); len(pa.Checklists) != 1 {
		t.Errorf("the other paper lost its appraisal")
	}
	if ms, _ := s.MemberAppraisals(paperID(2)); len(ms) != 1 {
		t.Errorf("the other paper lost its members' appraisals")
	}
	if err := s.db.View(checkTx); err != nil {
		t.Errorf("library inconsistent after emptying: %v", err)
	}
}

func TestImportingALiveAnnotationOfARemovedPaperBringsThePaperBack(t *testing.T) {
	s, c := newStore(t)
	mustPutPaper(t, s, 1, "Removed, then annotated elsewhere")
	if _, err := s.RemovePaper(paperID(1), c.Now()); err != nil {
		t.Fatal(err)
	}
	err := s.Import(appraise.ImportBatch{Annotations: []appraise.Annotation{ann("from-club", 1, 0, "a quote")}, Decide: later})
	if err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.Papers(); len(ps) != 1 {
		t.Errorf("the paper stays hidden with a live annotation on it")
	}
}
