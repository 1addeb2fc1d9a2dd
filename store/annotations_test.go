package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestAnnotationsListLiveOnesInTextOrder(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	mustPutPaper(t, s, 2, "Other paper")
	mustPut(t, s,
		ann("late", 1, 300, "late quote"),
		ann("early", 1, 10, "early quote", appraise.TagLimitation),
		ann("middle", 1, 120, "middle quote"),
		ann("elsewhere", 2, 5, "other paper's quote"))
	if err := s.DeleteAnnotation("middle", time.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Annotations(paperID(1))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"early", "late"}; !slices.Equal(ids(got), want) {
		t.Errorf("Annotations = %v, want %v", ids(got), want)
	}
}

func TestPutAnnotationKeepsHistory(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	a := ann("a1", 1, 0, "quote")
	mustPut(t, s, a)
	a.Note = "first note"
	mustPut(t, s, a)
	a.Note = "second note"
	a.Tags = []string{appraise.TagLimitation}
	mustPut(t, s, a)

	got, err := s.Annotation("a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != "second note" || !got.HasTag(appraise.TagLimitation) {
		t.Errorf("current = %+v", got)
	}
	hist, err := s.History("a1")
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, h := range hist {
		notes = append(notes, h.Note)
	}
	if want := []string{"", "first note"}; !slices.Equal(notes, want) {
		t.Errorf("history notes = %q, want %q (oldest first)", notes, want)
	}
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	mustPut(t, s, ann("keep", 1, 0, "kept"), ann("undo", 1, 10, "undone"), ann("gone", 1, 20, "destroyed"))
	at := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"undo", "gone"} {
		if err := s.DeleteAnnotation(id, at); err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Hour)
	}
	trash, err := s.Trash()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"gone", "undo"}; !slices.Equal(ids(trash), want) {
		t.Errorf("Trash = %v, want most recently deleted first %v", ids(trash), want)
	}
	if err := s.RestoreAnnotation("undo"); err != nil {
		t.Fatal(err)
	}
	live, _ := s.Annotations(paperID(1))
	if want := []string{"keep", "undo"}; !slices.Equal(ids(live), want) {
		t.Errorf("after restore live = %v, want %v", ids(live), want)
	}
	if a, _ := s.Annotation("undo"); !a.Deleted.IsZero() {
		t.Errorf("restored annotation still marked deleted at %v", a.Deleted)
	}
	n, err := s.EmptyTrash()
	if err != nil || n != 1 {
		t.Fatalf("EmptyTrash = %d, %v; want 1", n, err)
	}
	if _, err := s.Annotation("gone"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("emptied annotation: err = %v, want ErrNotFound", err)
	}
	if h, _ := s.History("gone"); len(h) != 0 {
		t.Errorf("emptied annotation keeps %d history entries", len(h))
	}
	if trash, _ := s.Trash(); len(trash) != 0 {
		t.Errorf("trash after emptying: %v", ids(trash))
	}
}

func TestDeleteAndRestoreAreIdempotent(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	mustPut(t, s, ann("a", 1, 0, "q"))
	at := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	for range 2 {
		if err := s.DeleteAnnotation("a", at); err != nil {
			t.Fatal(err)
		}
	}
	if a, _ := s.Annotation("a"); !a.Deleted.Equal(at) {
		t.Errorf("Deleted = %v, want the first deletion %v", a.Deleted, at)
	}
	for range 2 {
		if err := s.RestoreAnnotation("a"); err != nil {
			t.Fatal(err)
		}
	}
	if live, _ := s.Annotations(paperID(1)); len(live) != 1 {
		t.Errorf("%d live annotations after restoring twice, want 1", len(live))
	}
	for _, f := range []func() error{
		func() error { return s.DeleteAnnotation("missing", at) },
		func() error { return s.RestoreAnnotation("missing") },
	} {
		if err := f(); !errors.Is(err, appraise.ErrNotFound) {
			t.Errorf("unknown id: err = %v, want ErrNotFound", err)
		}
	}
}

func TestPutAnnotationRejectsBadInputAndWritesNothing(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	tests := []struct {
		name string
		a    appraise.Annotation
		want error
	}{
		{"unknown paper", ann("x", 9, 0, "q"), appraise.ErrNotFound},
		{"unknown tag", ann("x", 1, 0, "q", "no-such-tag"), appraise.ErrInvalidTag},
		{"invalid tag name", ann("x", 1, 0, "q", "Bad Tag!"), appraise.ErrInvalidTag},
		{"no tags", func() appraise.Annotation { a := ann("x", 1, 0, "q"); a.Tags = nil; return a }(), appraise.ErrInvalidTag},
		{"empty quote", ann("x", 1, 0, ""), appraise.ErrEmptyQuote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.PutAnnotation(tt.a); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if _, err := s.Annotation("x"); !errors.Is(err, appraise.ErrNotFound) {
				t.Errorf("rejected annotation was stored (err %v)", err)
			}
		})
	}
}

func TestPutAnnotationsIsAllOrNothing(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Asthma trial")
	err := s.PutAnnotations([]appraise.Annotation{ann("good", 1, 0, "q"), ann("bad", 1, 5, "q", "unknown")})
	if !errors.Is(err, appraise.ErrInvalidTag) {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.Annotation("good"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("the valid half of a failed batch was stored")
	}
}

func TestPapersCountLiveAnnotationsPerTag(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Older")
	mustPutPaper(t, s, 2, "Newer")
	mustPut(t, s,
		ann("a", 1, 0, "q", appraise.TagClaim, appraise.TagLimitation),
		ann("b", 1, 5, "q", appraise.TagLimitation),
		ann("c", 1, 9, "q", appraise.TagPopulation))
	if err := s.DeleteAnnotation("c", time.Now()); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Papers()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Paper.Meta.Title != "Newer" {
		t.Fatalf("papers = %+v, want the most recently opened first", ps)
	}
	c := ps[1].Counts
	if c[appraise.TagLimitation] != 2 || c[appraise.TagClaim] != 1 || c[appraise.TagPopulation] != 0 {
		t.Errorf("counts = %v", c)
	}
}

func TestPaperRoundTripAndPrefixLookup(t *testing.T) {
	s, _ := newStore(t)
	p := mustPutPaper(t, s, 0xabc, "Asthma trial")
	p.Appraisal = appraise.Appraisal{Design: appraise.DesignCohort, Timing: appraise.TimingProspective, SampleSize: "n = 120"}
	if err := s.PutPaper(p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Paper(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Appraisal != p.Appraisal || got.Meta.Title != "Asthma trial" {
		t.Errorf("got %+v", got)
	}
	if _, err := s.Paper(paperID(7)); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("unknown paper: err = %v", err)
	}
	mustPutPaper(t, s, 0xabd, "Other")
	found, err := s.PapersWithPrefix(string(p.ID[:63]))
	if err != nil || len(found) != 2 {
		t.Errorf("prefix of both: %v, %v", found, err)
	}
	found, _ = s.PapersWithPrefix(string(p.ID))
	if len(found) != 1 || found[0] != p.ID {
		t.Errorf("whole id: %v", found)
	}
}
