package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// taggedPaper opens smallPaper with annotations of each tag.
func taggedPaper(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjp") // sentence 2: population
	h.typeKeys("jjl")  // sentence 4: limitation
	h.typeKeys("jc")   // sentence 5: claim
	h.typeKeys("l")    // sentence 5: + limitation
	return h
}

func chip(t *testing.T, p *annotationsPanel, prefix string) *widget.Button {
	t.Helper()
	for _, o := range p.chips.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no chip %q", prefix)
	return nil
}

func TestAnnotationsPanelGroupsByTagWithCounts(t *testing.T) {
	h := taggedPaper(t)
	var headers []string
	for _, r := range h.u.annp.rows {
		if r.header != "" {
			headers = append(headers, r.header)
		}
	}
	want := []string{"Population · 1", "Claims · 1", "Limitations · 2"}
	if !slices.Equal(headers, want) {
		t.Errorf("groups = %v, want %v", headers, want)
	}
	if got := chip(t, h.u.annp, "Limitation").Text; got != "Limitation 2" {
		t.Errorf("chip = %q", got)
	}
	if got := h.u.annp.header.Text; got != "Annotations · 3" {
		t.Errorf("header = %q", got)
	}
}

func TestFilterChipsNarrowTheList(t *testing.T) {
	h := taggedPaper(t)
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	byTag := func(tag string) []string {
		var ids []string
		for _, a := range anns {
			if a.HasTag(tag) {
				ids = append(ids, a.ID)
			}
		}
		return ids
	}
	test.Tap(chip(t, h.u.annp, "Claim"))
	if got := h.u.annp.visibleIDs(); !slices.Equal(got, byTag("claim")) {
		t.Fatalf("Claim filter shows %v, want %v", got, byTag("claim"))
	}
	test.Tap(chip(t, h.u.annp, "Population"))
	want := append(byTag("population"), byTag("claim")...)
	if got := h.u.annp.visibleIDs(); !slices.Equal(got, want) {
		t.Fatalf("Claim+Population shows %v, want %v", got, want)
	}
	test.Tap(chip(t, h.u.annp, "All"))
	if got := len(h.u.annp.visibleIDs()); got != 4 { // the two-tag annotation is listed twice
		t.Fatalf("All shows %d rows, want 4", got)
	}
}

func TestClickingAnAnnotationJumpsToIt(t *testing.T) {
	doc := genDoc("A long paper", 300)
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/long.pdf", doc)
	h.open("/papers/long.pdf")
	far := h.u.cur.v.passages[len(h.u.cur.v.passages)-10]
	a, err := lib.Annotate(appraise.NewAnnotation{Paper: h.u.cur.paper.ID, Start: far.Start, End: far.End, Tags: []string{"claim"}})
	if err != nil {
		t.Fatal(err)
	}
	h.open("/papers/long.pdf") // reopen to see it
	if h.u.reader.topBlock() > 5 {
		t.Fatalf("setup: reader starts at block %d", h.u.reader.topBlock())
	}
	idx := slices.IndexFunc(h.u.annp.rows, func(r annRow) bool { return r.ann.ID == a.ID })
	h.u.annp.list.Select(idx)
	h.settle()
	if got := h.selected(); got != a.Anchor.Exact {
		t.Fatalf("selection = %q, want the annotation's quote", got)
	}
	top := h.u.reader.topBlock()
	if top < far.Block-20 || top > far.Block {
		t.Errorf("reader top block %d, want near block %d", top, far.Block)
	}
	if h.u.annp.ed.id != a.ID {
		t.Errorf("editor shows %q", h.u.annp.ed.id)
	}
}

func TestNeedsReviewAndOrphanedAreListedApart(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	doc := smallPaper()
	lib.addFile("/papers/small.pdf", doc)
	id := lib.idFor("/papers/small.pdf")
	p := doc.Passages[3]
	lib.putAnnotation(appraise.Annotation{ID: "r1", Paper: id, Tags: []string{"claim"}, Status: appraise.NeedsReview,
		Anchor: appraise.Anchor{Start: p.Start, End: p.End, Exact: "Patients were randomized to two pathways.", Page: 1}})
	lib.putAnnotation(appraise.Annotation{ID: "o1", Paper: id, Tags: []string{"limitation"}, Status: appraise.Orphaned,
		Anchor: appraise.Anchor{Start: 0, End: 5, Exact: "A sentence that is gone.", Page: 2}})
	h.open("/papers/small.pdf")
	var headers []string
	for _, r := range h.u.annp.rows {
		if r.header != "" {
			headers = append(headers, r.header)
		}
	}
	if !slices.Equal(headers, []string{"Needs review · 1", "Orphaned · 1"}) {
		t.Fatalf("groups = %v", headers)
	}
	if len(h.u.reader.marks) != 0 {
		t.Errorf("unsure annotations are highlighted in the text: %v", h.u.reader.marks)
	}
	// Keep here accepts the guessed place.
	h.u.jumpTo("r1")
	h.settle()
	if !h.u.annp.ed.keep.Visible() {
		t.Fatal("no Keep here for a needs-review annotation")
	}
	test.Tap(h.u.annp.ed.keep)
	h.settle()
	if got := lib.liveAnns(id)[1].Status; got != appraise.Attached {
		t.Errorf("status after Keep here = %q", got)
	}
	if len(h.u.reader.marks) != 1 {
		t.Errorf("kept annotation is not highlighted")
	}
}

func TestPaperCardSavesTheAppraisal(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	c := h.u.card
	if c.title.Text != "Rapid rule-out of myocardial infarction" || c.authors.Text != "Okafor A, Haddad R" || c.year.Text != "2024" {
		t.Fatalf("card shows %q / %q / %q", c.title.Text, c.authors.Text, c.year.Text)
	}
	if h.runningTimers() != 0 {
		t.Error("filling the card from the paper started an autosave")
	}
	c.design.SetSelected("Randomised trial")
	c.timing.SetSelected("Prospective")
	c.sample.SetText("n = 1,204")
	c.setting.SetText("3 emergency departments")
	c.bottom.SetText("Safe to rule out early in low-risk adults.")
	c.title.SetText("Rapid rule-out of MI")
	h.settle()
	if got := h.lib.paper(h.u.cur.paper.ID).Appraisal.SampleSize; got != "" {
		t.Fatalf("saved on every keystroke (sample %q) instead of once typing pauses", got)
	}
	if d := h.fireTimers(); d <= 0 || d > time.Second {
		t.Errorf("autosave waits %v after the last edit; want at most 1 s", d)
	}
	p := h.lib.paper(h.u.cur.paper.ID)
	want := appraise.Appraisal{Design: appraise.DesignRandomisedTrial, Timing: appraise.TimingProspective,
		SampleSize: "n = 1,204", Setting: "3 emergency departments", BottomLine: "Safe to rule out early in low-risk adults."}
	if p.Appraisal != want {
		t.Errorf("saved appraisal %+v, want %+v", p.Appraisal, want)
	}
	if p.Meta.Title != "Rapid rule-out of MI" {
		t.Errorf("saved title %q", p.Meta.Title)
	}
	if h.w.Title() != "Appraise — Rapid rule-out of MI" {
		t.Errorf("window title %q", h.w.Title())
	}
	if h.u.status.save.Text != "Saved" {
		t.Errorf("status %q", h.u.status.save.Text)
	}
}

// n pressed while the card is being saved waits for that save like any
// other (whenSaved), and is answered when it returns, not at some later
// edit.
func TestNoteKeyDuringACardSaveIsAnsweredWhenTheSaveReturns(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjj") // an untagged sentence
	h.u.card.sample.SetText("n = 1,204")
	h.u.card.flush()
	h.u.reader.TypedRune('n')
	h.settle()
	if !strings.Contains(h.u.status.msg.Text, "Tag the selection first") {
		t.Errorf("after the card saved, n still has not answered: status %q", h.u.status.msg.Text)
	}
	h.typeKeys("l")
	if h.w.Canvas().Overlays().Top() != nil {
		t.Errorf("tagging later opened a note dialog nobody asked for now:\n%s", h.overlayText())
	}
}
