package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// What the user just typed in the paper card is in a handout exported at
// once, before the autosave timer has fired: the export saves it first.
func TestExportRightAfterTypingInTheCardHasWhatWasTyped(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.showTab(tabPaper)
	test.Type(h.u.card.sample, "n = 3")
	test.Type(h.u.card.bottom, "Too small to change practice.")
	if h.runningTimers() == 0 {
		t.Fatal("typing in the card started no autosave")
	}
	dir := t.TempDir()
	h.u.prefs.setExportDir(dir)
	h.u.showExport()
	test.Tap(h.overlayButton("Export"))
	h.settle()
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v\n%s", files, h.overlayText())
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), `sample="n = 3"`) || !strings.Contains(string(b), `bottom="Too small to change practice."`) {
		t.Errorf("the export does not have what was typed:\n%s", b)
	}
	if got := h.u.status.save.Text; got != "Saved" {
		t.Errorf("status says %q after the card's commit", got)
	}
	if h.fireTimers() != 0 {
		t.Error("the autosave timer was still running after the export saved the card")
	}
}

// The card saves itself once typing pauses, and "Saved" shows only after
// the commit returns.
func TestPaperCardSavesWhenTypingPauses(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	test.Type(h.u.card.setting, "Two maternity units")
	h.settle()
	id := h.u.cur.paper.ID
	if got := h.lib.paper(id).Appraisal.Setting; got != "" {
		t.Fatalf("saved %q before typing paused", got)
	}
	h.lib.mu.Lock() // hold the commit to see the status while it is in flight
	h.fireTimersNoSettle()
	if got := h.u.status.save.Text; got != "Saving…" {
		t.Errorf("while the commit is in flight the status says %q", got)
	}
	h.lib.mu.Unlock()
	h.settle()
	if got := h.lib.paper(id).Appraisal.Setting; got != "Two maternity units" {
		t.Errorf("after the pause the library has setting %q", got)
	}
	if got := h.u.status.save.Text; got != "Saved" {
		t.Errorf("status %q after the commit", got)
	}
}
