package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// leadBundle writes a bundle with the lead's reading of the open paper:
// claim on "Allocation could not be concealed." with a note, limitation on
// "The trial was not powered for mortality."
func leadBundle(t *testing.T, h *harness) string {
	t.Helper()
	c := h.u.cur
	mk := func(id, quote, tag, note string) appraise.Annotation {
		i := strings.Index(c.v.doc.Text, quote)
		s := len([]rune(c.v.doc.Text[:i]))
		at := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		return appraise.Annotation{ID: id, Paper: c.paper.ID, Tags: []string{tag}, Note: note, Author: "Ana Lopez",
			Created: at, Modified: at, Anchor: appraise.Anchor{Start: s, End: s + len([]rune(quote)), Exact: quote, Page: 1}}
	}
	path := filepath.Join(t.TempDir(), "lead.jsonld")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = export.WriteBundle(f, []export.BundleInput{{Input: export.Input{Paper: c.paper, Annotations: []appraise.Annotation{
		mk("11111111-1111-4111-8111-111111111111", "Allocation could not be concealed.", "claim", "not concealed: selection bias"),
		mk("22222222-2222-4222-8222-222222222222", "The trial was not powered for mortality.", "limitation", ""),
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// sentenceIndex is the passage index of the sentence starting with s.
func sentenceIndex(t *testing.T, h *harness, s string) int {
	t.Helper()
	for i, p := range h.u.cur.v.passages {
		if strings.HasPrefix(h.u.cur.v.text(p.Start, p.End), s) {
			return i
		}
	}
	t.Fatalf("no sentence starts with %q", s)
	return -1
}

func panelText(h *harness) string {
	var parts []string
	for _, r := range h.u.annp.rows {
		if r.header != "" {
			parts = append(parts, r.header)
			continue
		}
		it := newAnnItem()
		it.show(r, h.u)
		parts = append(parts, it.meta.Text)
	}
	return strings.Join(parts, "\n")
}

func TestAnImportedReadingShowsWithItsAuthorAndIsNeverEdited(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.importBundle(leadBundle(t, h))
	h.settle()
	if got := h.overlayText(); !strings.Contains(got, "1 paper: 2 new, 0 updated, 0 unchanged") {
		t.Fatalf("import report:\n%s", got)
	}
	pressReturn(t, h)
	if got := panelText(h); !strings.Contains(got, "AL Ana Lopez · not concealed: selection bias") {
		t.Fatalf("panel:\n%s", got)
	}

	// Tagging the lead's passage makes the user's own annotation beside it.
	h.click(h.passage(sentenceIndex(t, h, "Allocation")).Start+3, 0)
	h.typeKeys("c")
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 3 {
		t.Fatalf("%d annotations, want the lead's two and one of mine", len(anns))
	}
	for _, a := range anns {
		if a.Author == "Ana Lopez" && len(a.Tags) != 1 {
			t.Fatalf("the lead's annotation was edited: %+v", a)
		}
	}
	h.click(h.passage(sentenceIndex(t, h, "Allocation")).Start+3, 0)
	if got := h.u.status.msg.Text; !strings.Contains(got, "Tagged here by 2 members: AL Ana Lopez (Claim); DT Dr Test (Claim)") {
		t.Errorf("status bar after selecting a passage two members tagged: %q", got)
	}
	if got := panelText(h); !strings.Contains(got, "2 members") {
		t.Errorf("panel does not show that two members tagged the passage:\n%s", got)
	}
	// Deleting what is selected removes mine, never the lead's.
	h.u.deleteTarget()
	h.settle()
	if n := len(h.lib.liveAnns(h.u.cur.paper.ID)); n != 2 {
		t.Fatalf("%d annotations after removing mine, want the lead's 2", n)
	}

	// View → Show Annotations → Mine hides the lead's.
	h.u.showAuthor("Dr Test", false)
	if n := len(h.u.shown()); n != 0 {
		t.Fatalf("showing mine: %d annotations shown", n)
	}
	if len(h.u.annp.rows) != 0 {
		t.Fatalf("panel rows while showing mine: %s", panelText(h))
	}
	h.u.showAuthor("ana lopez", false)
	if n := len(h.u.shown()); n != 2 {
		t.Fatalf("showing the lead's: %d shown", n)
	}
}

func TestPracticeHidesOtherReadingsUntilCompared(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.importBundle(leadBundle(t, h))
	h.settle()
	pressReturn(t, h)
	h.u.togglePractice()
	if n := len(h.u.shown()); n != 0 {
		t.Fatalf("practice mode shows %d of the lead's annotations", n)
	}
	h.click(h.passage(sentenceIndex(t, h, "The trial was not")).Start+3, 0)
	h.typeKeys("l")

	h.u.chooseKey()
	if got := h.overlayText(); !strings.Contains(got, "Ana Lopez") {
		t.Fatalf("key picker:\n%s", got)
	}
	pressReturn(t, h)
	h.settle()
	if h.u.compareWin == nil {
		t.Fatal("no comparison window")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(h.u.compareWin.win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	got := strings.Join(texts, "\n")
	for _, want := range []string{"Dr Test compared with Ana Lopez", "To review · 1", "Missed · p. 1 · key: Claim", "Key’s note: not concealed: selection bias"} {
		if !strings.Contains(got, want) {
			t.Errorf("comparison lacks %q:\n%s", want, got)
		}
	}
	if n := len(h.u.shown()); n != 3 {
		t.Fatalf("after comparing, %d annotations show, want all 3", n)
	}
	// Choosing the review item selects its passage in the reader.
	h.u.compareWin.review.Select(0)
	h.settle()
	if h.selected() != "Allocation could not be concealed." {
		t.Fatalf("selected %q", h.selected())
	}
}

// The comparison window shows how the checklists agree and lists the
// items answered differently with the key's comment.
func TestComparisonShowsChecklistAgreement(t *testing.T) {
	lib := newFakeLibrary()
	lib.checklists = &fakeChecklists{
		instrument: appraise.Instrument{ID: "jbi-case-series", Name: "JBI case series", Items: []appraise.InstrumentItem{
			{Number: 1, Text: "Clear inclusion criteria?"}, {Number: 2, Text: "Condition measured in a standard way?"}}},
		key:     map[int]agreement.ChecklistAnswer{1: {Answer: "yes"}, 2: {Answer: "no", Comment: "self-report only"}},
		trainee: map[int]agreement.ChecklistAnswer{1: {Answer: "yes"}, 2: {Answer: "yes"}},
	}
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.u.importBundle(leadBundle(t, h))
	h.settle()
	pressReturn(t, h)
	h.u.togglePractice()
	h.click(h.passage(sentenceIndex(t, h, "The trial was not")).Start+3, 0)
	h.typeKeys("l")
	h.u.chooseKey()
	pressReturn(t, h)
	h.settle()
	if h.u.compareWin == nil {
		t.Fatal("no comparison window")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(h.u.compareWin.win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	got := strings.Join(texts, "\n")
	for _, want := range []string{
		"Checklist (JBI case series): 2 items answered by both: agreement 50%, kappa 0.00 (1 same, 1 different).",
		"To review · 2",
		"Different checklist answer · key: no · you: yes",
		"Item 2: Condition measured in a standard way?",
		"Key’s comment: self-report only",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("comparison lacks %q:\n%s", want, got)
		}
	}
	// The item has no evidence to jump to: choosing it leaves the reader as it is.
	before := h.selected()
	h.u.compareWin.review.Select(1)
	h.settle()
	if h.selected() != before {
		t.Fatalf("choosing an item without evidence selected %q", h.selected())
	}
}

func TestDroppingABundleImportsIt(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	path := leadBundle(t, h)
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	h.settle()
	if got := h.overlayText(); !strings.Contains(got, "2 new") {
		t.Fatalf("dropping a bundle: %s", got)
	}
	if n := len(h.lib.liveAnns(h.u.cur.paper.ID)); n != 2 {
		t.Fatalf("%d annotations after the drop", n)
	}
}

func TestABundleNamedAtStartIsImportedAndItsPaperOpened(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	path := leadBundle(t, h)
	id := h.u.cur.paper.ID

	h2 := newHarness(t, lib)
	h2.u.cfg.OpenPath = path
	h2.u.start()
	h2.settle()
	if h2.u.cur == nil || h2.u.cur.paper.ID != id {
		t.Fatal("the bundle's paper was not opened")
	}
	if n := len(h2.u.shown()); n != 2 {
		t.Fatalf("%d annotations shown, want the lead's 2", n)
	}
}

// pressReturn sends Return to the focused widget, which must close the
// dialog on top.
func pressReturn(t *testing.T, h *harness) {
	t.Helper()
	f := h.u.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.w.Canvas().Overlays().Top() != nil {
		t.Fatal("Return did not close the dialog")
	}
}

func TestExportFollowsWhoseAnnotationsAreShown(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.importBundle(leadBundle(t, h))
	h.settle()
	pressReturn(t, h)

	fw := h.u.newFilterWidgets()
	if fw.mine.Checked || fw.filter().Author != "" {
		t.Fatalf("showing everyone, the export keeps %q", fw.filter().Author)
	}
	h.u.showAuthor("ana lopez", false)
	fw = h.u.newFilterWidgets()
	if !fw.mine.Checked || fw.filter().Author != "Ana Lopez" || !strings.Contains(fw.mine.Text, "Ana Lopez") {
		t.Fatalf("showing the lead's: %q checked %v, author %q", fw.mine.Text, fw.mine.Checked, fw.filter().Author)
	}
	h.u.showAuthor("", true)
	h.u.togglePractice()
	fw = h.u.newFilterWidgets()
	if !fw.mine.Checked || fw.filter().Author != "Dr Test" {
		t.Fatalf("in practice mode the export keeps %q (checked %v), want only the trainee's", fw.filter().Author, fw.mine.Checked)
	}
}
