package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"appraise.app/appraise/internal/appraise"
)

// pressEsc delivers Esc the way the desktop driver does: to the focused
// widget, else to the window's canvas.
func (h *harness) pressEsc() {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	c := h.w.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if k := c.OnTypedKey(); k != nil {
		k(ev)
	}
	h.settle()
}

func TestEscClosesWhatIsOpenOnTop(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(h *harness)
	}{
		{"the key help", func(h *harness) { h.typeKeys("?") }},
		{"the note dialog while typing a note", func(h *harness) {
			h.typeKeys("jjjl")
			h.typeKeys("n")
			test.Type(h.w.Canvas().Focused(), "half a tho")
		}},
		{"the export dialog with its file name focused", func(h *harness) {
			h.u.showExport()
			e := overlayObject[*escEntry](h)
			h.w.Canvas().Focus(e)
		}},
		{"preferences", func(h *harness) { h.u.showPreferences() }},
		{"the paper card's design picker", func(h *harness) {
			h.u.showTab(tabPaper)
			test.Tap(h.u.card.design)
		}},
		{"the reader's context menu", func(h *harness) {
			h.typeKeys("jjj")
			h.u.showContextMenu(fyne.NewPos(300, 300))
		}},
		{"an error", func(h *harness) { h.u.showError("Cannot open x.pdf", appraise.ErrNotPDF) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newFakeLibrary())
			h.openDoc("small", smallPaper())
			tc.open(h)
			if h.w.Canvas().Overlays().Top() == nil {
				t.Fatal("nothing opened")
			}
			h.pressEsc()
			if top := h.w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("still open after Esc:\n%s", h.overlayText())
			}
			if len(h.u.dialogs) != 0 {
				t.Errorf("%d dialogs still on the stack", len(h.u.dialogs))
			}
		})
	}
}

// Esc in a dialog is Cancel: a note typed in the note dialog is not saved.
func TestEscInTheNoteDialogDoesNotSave(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	h.typeKeys("n")
	test.Type(h.w.Canvas().Focused(), "not this")
	h.pressEsc()
	if a, _ := h.u.target(); a.Note != "" {
		t.Errorf("Esc saved the note %q", a.Note)
	}
}
