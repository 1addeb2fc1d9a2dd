package library

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/merge"
)

// member is a second library over the same PDF: another club member's
// laptop.
func (f *fixture) member(tb testing.TB) *fixture {
	tb.Helper()
	g := newFixture(tb)
	g.pdf = f.pdf
	g.ex = f.ex
	g.lib.extractor = f.ex
	g.ids = 100 // ids apart from f's
	return g
}

func (f *fixture) tag(tb testing.TB, op appraise.OpenedPaper, quote, author, note string, tags ...string) appraise.Annotation {
	tb.Helper()
	s, e := spanOf(tb, op.Doc, quote)
	a, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s, End: e, Tags: tags, Note: note, Author: author})
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func (f *fixture) bundle(tb testing.TB, ids ...appraise.PaperID) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := f.lib.ExportBundle(ids, appraise.ExportFilter{}, &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportBundleMergesAMembersReading(t *testing.T) {
	lead := newFixture(t)
	op := lead.open(t)
	lead.tag(t, op, "We enrolled 120 children", "lead", "who", "population")
	gone := lead.tag(t, op, "Exacerbations fell by a third.", "lead", "", "claim")
	lead.now = lead.now.Add(time.Minute)
	if err := lead.lib.DeleteAnnotation(gone.ID); err != nil {
		t.Fatal(err)
	}

	trainee := lead.member(t)
	top := trainee.open(t)
	mine := trainee.tag(t, top, "follow-up lasted only twelve weeks", "sam", "", "limitation")

	rep, err := trainee.lib.ImportBundle(bytes.NewReader(lead.bundle(t, op.Paper.ID)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Papers) != 1 || rep.Papers[0].Match != string(merge.SameFile) || rep.Papers[0].Waiting {
		t.Fatalf("report = %+v", rep)
	}
	if n := rep.Totals(); n.New != 2 || n.Updated+n.Unchanged+n.Older != 0 {
		t.Fatalf("totals = %+v, want 2 new (one live, one deleted)", n)
	}
	as, _ := trainee.lib.Annotations(top.Paper.ID)
	if len(as) != 2 {
		t.Fatalf("%d live annotations after import, want the trainee's and the lead's population", len(as))
	}
	trash, _ := trainee.lib.Trash()
	if len(trash) != 1 || trash[0].ID != gone.ID {
		t.Fatalf("trash = %+v, want the lead's deleted claim", trash)
	}
	if _, err := trainee.lib.Compare(top.Paper.ID, "lead", "sam"); err != nil {
		t.Fatalf("compare after import: %v", err)
	}

	// The same bundle again changes nothing.
	again, err := trainee.lib.ImportBundle(bytes.NewReader(lead.bundle(t, op.Paper.ID)))
	if err != nil {
		t.Fatal(err)
	}
	if n := again.Totals(); n.Unchanged != 2 || n.New+n.Updated != 0 {
		t.Fatalf("second import totals = %+v", n)
	}
	if len(trainee.store.puts[mine.ID]) != 1 {
		t.Fatal("the trainee's own annotation was rewritten")
	}
}

func TestImportBundleForAPaperWithoutItsPDFWaits(t *testing.T) {
	lead := newFixture(t)
	op := lead.open(t)
	if _, err := lead.lib.AddTag(appraise.Tag{Name: "baseline"}); err != nil {
		t.Fatal(err)
	}
	lead.tag(t, op, "We enrolled 120 children", "lead", "", "population", "baseline")

	other := newFixture(t) // has never seen the paper
	rep, err := other.lib.ImportBundle(bytes.NewReader(lead.bundle(t)))
	if err != nil {
		t.Fatal(err)
	}
	if p := rep.Papers[0]; p.Match != string(merge.NoMatch) || !p.Waiting || p.New != 1 || p.Paper.Meta.Title != "Budesonide trial" {
		t.Fatalf("report = %+v", p)
	}
	if len(rep.TagsCreated) != 1 || rep.TagsCreated[0] != "baseline" {
		t.Fatalf("tags created = %v", rep.TagsCreated)
	}
	// Opening the PDF attaches them.
	other.pdf = lead.pdf
	op2 := other.open(t)
	if len(op2.Annotations) != 1 || op2.Annotations[0].Status != appraise.Attached || op2.Annotations[0].Anchor.Exact != "We enrolled 120 children" {
		t.Fatalf("annotations on opening the PDF = %+v", op2.Annotations)
	}
}

func TestImportBundleOnAnotherCopyReanchorsByQuote(t *testing.T) {
	lead := newFixture(t)
	op := lead.open(t)
	lead.tag(t, op, "follow-up lasted only twelve weeks", "lead", "", "limitation")
	lead.tag(t, op, "Exacerbations fell by a third in the first month.", "lead", "", "claim")

	// The trainee has the publisher's copy: other bytes, same DOI, the
	// text in another order, one sentence reworded.
	trainee := newFixture(t)
	copyPath := filepath.Join(t.TempDir(), "publisher.pdf")
	if err := os.WriteFile(copyPath, []byte("%PDF-1.7 publisher copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := docOf("Budesonide trial", trialParagraphs[0], trialParagraphs[3], trialParagraphs[1], "Exacerbations were fewer.")
	trainee.ex.docs["%PDF-1.7 publisher copy"] = d
	trainee.pdf = copyPath
	top := trainee.open(t)
	lead.store.mu.Lock()
	p := lead.store.papers[op.Paper.ID]
	p.Meta.DOI = "10.1000/budesonide"
	lead.store.papers[op.Paper.ID] = p
	lead.store.mu.Unlock()
	tp, _ := trainee.lib.Paper(top.Paper.ID)
	tp.Meta.DOI = "https://doi.org/10.1000/BUDESONIDE"
	if err := trainee.lib.SavePaper(tp); err != nil {
		t.Fatal(err)
	}

	rep, err := trainee.lib.ImportBundle(bytes.NewReader(lead.bundle(t)))
	if err != nil {
		t.Fatal(err)
	}
	if pi := rep.Papers[0]; pi.Match != string(merge.SameDOI) || pi.Paper.ID != top.Paper.ID || pi.New != 2 || pi.NeedsReview != 1 {
		t.Fatalf("report = %+v", pi)
	}
	as, _ := trainee.lib.Annotations(top.Paper.ID)
	var placed int
	for _, a := range as {
		if a.Status == appraise.Attached {
			placed++
			s, e := spanOf(t, d, "follow-up lasted only twelve weeks")
			if a.Anchor.Start != s || a.Anchor.End != e {
				t.Errorf("limitation placed at %d–%d, want %d–%d", a.Anchor.Start, a.Anchor.End, s, e)
			}
		}
	}
	if placed != 1 {
		t.Fatalf("%d annotations placed with confidence, want 1 (the reworded claim needs review)", placed)
	}
}

func TestImportBundleIsAllOrNothing(t *testing.T) {
	lead := newFixture(t)
	op := lead.open(t)
	a := lead.tag(t, op, "We enrolled 120 children", "lead", "", "population")

	// The trainee has another paper with an annotation of the same id.
	trainee := newFixture(t)
	other := filepath.Join(t.TempDir(), "other.pdf")
	if err := os.WriteFile(other, []byte("other"), 0o600); err != nil {
		t.Fatal(err)
	}
	trainee.ex.docs["other"] = docOf("Other", "Some other text entirely.")
	oop, err := trainee.lib.Open(context.Background(), other, "")
	if err != nil {
		t.Fatal(err)
	}
	trainee.ids = 0 // the next id is ann-1, as the lead's
	trainee.tag(t, oop, "Some other text", "sam", "", "claim")

	_, err = trainee.lib.ImportBundle(bytes.NewReader(lead.bundle(t)))
	if !errors.Is(err, appraise.ErrAnnotationElsewhere) {
		t.Fatalf("err = %v, want ErrAnnotationElsewhere", err)
	}
	if _, err := trainee.lib.Paper(op.Paper.ID); !errors.Is(err, appraise.ErrNotFound) {
		t.Fatal("a refused bundle still added its paper")
	}
	if got, _ := trainee.lib.store.Annotation(a.ID); got.Paper != oop.Paper.ID {
		t.Fatal("a refused bundle changed an annotation")
	}
}
