package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"appraise.app/appraise/internal/appraise"
)

func TestNoteKeyOpensEditorAndCtrlEnterSaves(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	h.typeKeys("n")
	e := overlayObject[*noteEntry](h)
	if h.w.Canvas().Focused() != e {
		t.Fatal("the note editor does not have the keyboard")
	}
	test.Type(e, "Selection bias: only daytime arrivals")
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	h.settle()
	if h.w.Canvas().Overlays().Top() != nil {
		t.Error("the note dialog is still open after Ctrl+Enter")
	}
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Note != "Selection bias: only daytime arrivals" {
		t.Fatalf("annotations = %+v", anns)
	}
	if h.u.status.save.Text != "Saved" {
		t.Errorf("status = %q", h.u.status.save.Text)
	}
	if got := h.u.annp.ed.note.Text; got != "Selection bias: only daytime arrivals" {
		t.Errorf("panel editor shows %q", got)
	}
}

func TestNoteDialogCancelKeepsTheOldNote(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	a, _ := h.u.target()
	h.u.setNote(a, "keep me")
	h.settle()
	h.typeKeys("n")
	e := overlayObject[*noteEntry](h)
	if e.Text != "keep me" {
		t.Fatalf("editor starts with %q, want the current note", e.Text)
	}
	test.Type(e, " and more")
	test.Tap(h.overlayButton("Cancel"))
	h.settle()
	if anns := h.lib.liveAnns(h.u.cur.paper.ID); anns[0].Note != "keep me" {
		t.Errorf("note = %q after Cancel", anns[0].Note)
	}
}

func TestNoteKeyWithoutAnnotationExplains(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jn")
	if h.w.Canvas().Overlays().Top() != nil {
		t.Error("a note dialog opened with no annotation to hold the note")
	}
	if !strings.Contains(h.u.status.msg.Text, "Tag the selection first") {
		t.Errorf("status = %q", h.u.status.msg.Text)
	}
}

func TestPanelNoteEditorSavesAndNeverLosesTyping(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl") // annotation A on sentence 2
	h.typeKeys("jp")   // annotation B on sentence 3
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 2 {
		t.Fatalf("setup: %d annotations", len(anns))
	}
	ed := h.u.annp.ed
	if ed.id != anns[1].ID {
		t.Fatalf("editor shows %s, want the new annotation %s", ed.id, anns[1].ID)
	}
	test.Type(ed.note, "typed in the panel")
	if ed.save.Disabled() {
		t.Fatal("Save note is disabled after typing")
	}
	test.Tap(ed.save)
	h.settle()
	if got := h.lib.liveAnns(h.u.cur.paper.ID)[1].Note; got != "typed in the panel" {
		t.Fatalf("note after Save = %q", got)
	}
	// Typing, then choosing another annotation, saves what was typed.
	test.Type(ed.note, ", edited")
	h.u.jumpTo(anns[0].ID)
	h.settle()
	if got := h.lib.liveAnns(h.u.cur.paper.ID)[1].Note; got != "typed in the panel, edited" {
		t.Fatalf("note after switching annotations = %q", got)
	}
	// Typing, then quitting, saves it too.
	test.Type(ed.note, "on the way out")
	h.u.flushEdits()
	h.settle()
	if got := h.lib.liveAnns(h.u.cur.paper.ID)[0].Note; got != "on the way out" {
		t.Fatalf("note after quitting = %q", got)
	}
}

func TestNoteKeyRightAfterTagKeyWaitsForTheSave(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjj")
	// l and n arrive before the library has committed the new annotation.
	h.u.reader.TypedRune('l')
	h.u.reader.TypedRune('n')
	if h.w.Canvas().Overlays().Top() != nil {
		t.Fatal("the note editor opened before the annotation existed")
	}
	h.settle()
	e := overlayObject[*noteEntry](h)
	test.Type(e, "late but not lost")
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Note != "late but not lost" || !anns[0].HasTag("limitation") {
		t.Fatalf("annotations = %+v", anns)
	}
}

// A quiet save (the reading position, queued when the user leaves a paper)
// that fails must not count as the tag edit behind it returning: n typed
// before that edit commits still waits for it.
func TestNoteKeyWaitsForTheSaveWhenAQuietSaveFailedMeanwhile(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjj")
	h.lib.failNext = appraise.ErrLibraryLocked
	h.u.savePaper(h.u.cur.paper, false) // fails
	h.u.reader.TypedRune('l')           // queued behind it
	h.u.bg.waitIdle()
	// The failure reaches the screen; the tag edit's answer is still queued.
	h.q.mu.Lock()
	first := h.q.fs[0]
	h.q.fs = h.q.fs[1:]
	h.q.mu.Unlock()
	first()
	if got := h.u.status.save.Text; got != "Not saved" {
		t.Fatalf("after the quiet save failed: status %q", got)
	}
	h.u.reader.TypedRune('n')
	h.settle()
	e := overlayObject[*noteEntry](h)
	test.Type(e, "still waited")
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Note != "still waited" || !anns[0].HasTag("limitation") {
		t.Fatalf("annotations = %+v", anns)
	}
}

func TestQuestionMarkListsTheKeys(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("?")
	text := h.overlayText()
	for _, k := range keyHelp {
		if !strings.Contains(text, k[0]) || !strings.Contains(text, k[1]) {
			t.Errorf("the key list lacks %q — %q", k[0], k[1])
		}
	}
}
