package store

import (
	"errors"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// later keeps the incoming version when it was modified later.
func later(have *appraise.Annotation, in appraise.Annotation) (appraise.Annotation, bool) {
	if have != nil && !in.Modified.After(have.Modified) {
		return *have, false
	}
	return in, true
}

func TestImportSavesABundleInOneTransaction(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Known paper")
	old := ann("a1", 1, 0, "fell by a third")
	mustPut(t, s, old)
	newer := old
	newer.Note, newer.Modified = "edited elsewhere", old.Modified.Add(time.Hour)
	tomb := ann("a2", 2, 5, "no control group", "bias")
	tomb.Deleted = time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	err := s.Import(appraise.ImportBatch{
		Papers:      []appraise.Paper{{ID: paperID(2), Meta: appraise.Metadata{Title: "Waiting for its PDF"}}, {ID: paperID(1), Meta: appraise.Metadata{Title: "Renamed?"}}},
		Tags:        []appraise.Tag{{Name: "bias", Color: "#8e44ad"}},
		Annotations: []appraise.Annotation{newer, ann("a3", 2, 0, "three mothers"), tomb},
		Decide:      later,
	})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Paper(paperID(1)); p.Meta.Title != "Known paper" {
		t.Errorf("a known paper was overwritten: %q", p.Meta.Title)
	}
	if got, _ := s.Annotation("a1"); got.Note != "edited elsewhere" {
		t.Errorf("a1 note = %q", got.Note)
	}
	if as, _ := s.Annotations(paperID(2)); len(as) != 1 || as[0].ID != "a3" {
		t.Errorf("paper 2 live annotations = %v", ids(as))
	}
	if tr, _ := s.Trash(); len(tr) != 1 || tr[0].ID != "a2" {
		t.Errorf("trash = %v", ids(tr))
	}
}

func TestImportRefusedSavesNothing(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Mine")
	mustPut(t, s, ann("a1", 1, 0, "fell by a third"))
	batch := appraise.ImportBatch{
		Papers:      []appraise.Paper{{ID: paperID(2)}},
		Tags:        []appraise.Tag{{Name: "bias", Color: "#8e44ad"}},
		Annotations: []appraise.Annotation{ann("b1", 2, 0, "fine"), ann("a1", 2, 0, "same id, other paper")},
		Decide:      later,
	}
	if err := s.Import(batch); !errors.Is(err, appraise.ErrAnnotationElsewhere) {
		t.Fatalf("err = %v, want ErrAnnotationElsewhere", err)
	}
	if _, err := s.Paper(paperID(2)); !errors.Is(err, appraise.ErrNotFound) {
		t.Error("the refused bundle's paper was saved")
	}
	if _, err := s.Annotation("b1"); !errors.Is(err, appraise.ErrNotFound) {
		t.Error("the refused bundle's first annotation was saved")
	}
	tags, _ := s.Tags()
	for _, tg := range tags {
		if tg.Name == "bias" {
			t.Error("the refused bundle's tag was saved")
		}
	}
}
