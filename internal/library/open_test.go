package library

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestOpenAddsAPaperAndCachesItsExtraction(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	if op.FromCache || op.ExtractMillis <= 0 {
		t.Errorf("first open: FromCache %v, ExtractMillis %d; want a fresh extraction", op.FromCache, op.ExtractMillis)
	}
	id, _ := HashFile(context.Background(), f.pdf)
	p := op.Paper
	if p.ID != id || p.Meta.Title != "Budesonide trial" || p.Pages != 2 || p.ExtractorVersion != "v1" ||
		!p.Added.Equal(f.now) || !p.LastOpened.Equal(f.now) || p.Path != f.pdf {
		t.Errorf("paper = %+v", p)
	}
	if _, err := f.store.Paper(id); err != nil {
		t.Errorf("paper not stored: %v", err)
	}

	f.now = f.now.Add(time.Hour)
	op = f.open(t)
	if !op.FromCache || f.ex.calls != 1 {
		t.Errorf("second open: FromCache %v after %d extractions; want the cache", op.FromCache, f.ex.calls)
	}
	if !op.Paper.LastOpened.Equal(f.now) || op.Paper.Added.Equal(f.now) {
		t.Errorf("second open: added %v, last opened %v", op.Paper.Added, op.Paper.LastOpened)
	}
	if f.store.docReads != 0 {
		t.Errorf("reopening read the extraction from the store %d times; it was in memory", f.store.docReads)
	}
	// Another Library over the same store has nothing in memory.
	other := New(Config{Store: f.store, Extractor: f.ex})
	if op, err := other.Open(context.Background(), f.pdf, ""); err != nil || !op.FromCache || f.store.docReads != 1 {
		t.Errorf("open by a fresh Library: %v, FromCache %v, %d store reads; want one read of the cache", err, op.FromCache, f.store.docReads)
	}
}

func TestOpenKeepsWhatTheUserEditedAboutThePaper(t *testing.T) {
	f := newFixture(t)
	p := f.open(t).Paper
	p.Meta.Title = "My title"
	p.Appraisal.Design = appraise.DesignRandomisedTrial
	p.View = "side"
	if err := f.lib.SavePaper(p); err != nil {
		t.Fatal(err)
	}
	f.ex.version = "v2"
	got := f.open(t).Paper
	if got.Meta.Title != "My title" || got.Appraisal.Design != appraise.DesignRandomisedTrial || got.View != "side" {
		t.Errorf("after re-extraction: %+v", got)
	}
}

func TestOpenPassesTypedExtractionErrorsAndStoresNothing(t *testing.T) {
	f := newFixture(t)
	f.ex.err = appraise.ErrNeedsPassword
	_, err := f.lib.Open(context.Background(), f.pdf, "")
	if !errors.Is(err, appraise.ErrNeedsPassword) {
		t.Fatalf("err = %v, want ErrNeedsPassword", err)
	}
	if ps, _ := f.store.Papers(); len(ps) != 0 {
		t.Errorf("a paper was stored for an unreadable PDF")
	}
	if _, err := f.lib.Open(context.Background(), f.pdf+".missing", ""); err == nil {
		t.Errorf("opening a missing file succeeded")
	}
}

func TestOpenReanchorsAnnotationsWhenTheExtractorChanges(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	kept, err := f.lib.AnnotateQuote(op.Paper.ID, "follow-up lasted only twelve weeks.", 0, []string{appraise.TagLimitation}, "short", "ana")
	if err != nil {
		t.Fatal(err)
	}
	lost, err := f.lib.AnnotateQuote(op.Paper.ID, "from three clinics.", 0, []string{appraise.TagPopulation}, "", "ana")
	if err != nil {
		t.Fatal(err)
	}
	// The new extractor finds a heading the old one missed, splits a
	// hyphenated word differently and no longer sees the second paragraph's
	// last words.
	content, _ := os.ReadFile(f.pdf)
	newDoc := docOf("Budesonide trial", "Abstract", trialParagraphs[0], "We enrolled 120 children with moderate asthma.",
		trialParagraphs[2], "The trial was small and follow-\nup lasted only twelve weeks.")
	f.ex.docs[string(content)] = newDoc
	f.ex.version = "v2"

	op = f.open(t)
	byID := map[string]appraise.Annotation{}
	for _, a := range op.Annotations {
		byID[a.ID] = a
	}
	k := byID[kept.ID]
	if k.Status != appraise.Attached || k.Anchor.ExtractorVersion != "v2" {
		t.Fatalf("moved annotation: status %q, version %q", k.Status, k.Anchor.ExtractorVersion)
	}
	if got := string([]rune(newDoc.Text)[k.Anchor.Start:k.Anchor.End]); got != "follow-\nup lasted only twelve weeks." || k.Anchor.Exact != got {
		t.Errorf("re-anchored to %q (Exact %q)", got, k.Anchor.Exact)
	}
	l := byID[lost.ID]
	if l.Status != appraise.Orphaned || l.Anchor.Exact != "from three clinics." {
		t.Errorf("annotation whose text vanished: status %q, quote %q; want orphaned with its quote", l.Status, l.Anchor.Exact)
	}
	stored, _ := f.store.Annotation(kept.ID)
	if stored.Anchor != k.Anchor {
		t.Errorf("re-anchoring was not saved")
	}
	if vs := f.store.puts[kept.ID]; len(vs) != 2 || vs[0].Anchor.ExtractorVersion != "v1" {
		t.Errorf("saved versions = %d, want the original then the re-anchored one", len(vs))
	}
	// Opening again with the same extractor changes nothing more.
	before := len(f.store.puts[kept.ID])
	f.open(t)
	if len(f.store.puts[kept.ID]) != before {
		t.Errorf("re-anchored again with an unchanged extractor")
	}
}

func TestOpenKnown(t *testing.T) {
	f := newFixture(t)
	id := f.open(t).Paper.ID
	op, err := f.lib.OpenKnown(context.Background(), id)
	if err != nil || !op.FromCache {
		t.Fatalf("OpenKnown: %v, from cache %v", err, op.FromCache)
	}
	// A new extractor needs the PDF again; it was replaced by another file.
	f.ex.version = "v2"
	if err := os.WriteFile(f.pdf, []byte("%PDF another paper"), 0o600); err != nil {
		t.Fatal(err)
	}
	op, err = f.lib.OpenKnown(context.Background(), id)
	if err != nil || op.Doc.ExtractorVersion != "v1" || !op.FromCache {
		t.Errorf("OpenKnown with a changed file: %v, doc by %q; want the extraction the annotations are anchored in", err, op.Doc.ExtractorVersion)
	}
	// Without any extraction cached (in the store, or in the memory of a
	// Library that has opened it), the changed file is an error.
	delete(f.store.docs, string(id)+"|v1")
	fresh := New(Config{Store: f.store, Extractor: f.ex})
	if _, err := fresh.OpenKnown(context.Background(), id); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("OpenKnown with a changed file and no cache: err = %v, want ErrNotFound", err)
	}
	if _, err := f.lib.OpenKnown(context.Background(), "feedface"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("unknown id: err = %v", err)
	}
}
