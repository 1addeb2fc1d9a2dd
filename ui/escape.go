package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Esc closes what is open on top: a dialog, a picker or the key help.
// Fyne's pop-up menus (the pickers of a Select, the context menu) close on
// Esc themselves; its dialogs do not, so every dialog the GUI shows goes
// through present, which keeps them on a stack. Esc reaches the window
// (canvas.OnTypedKey) when nothing in the dialog has the focus, and the
// dialog's text boxes (escEntry, noteEntry) pass it on when one has.

// closer is what present needs of a dialog: Fyne's dialogs and its file
// dialog.
type closer interface {
	Show()
	Dismiss()
	SetOnClosed(func())
}

// present shows d and lets Esc dismiss it (as its Cancel or Close would).
func (u *appUI) present(d closer) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x closer) bool { return x == d })
	})
	d.Show()
}

// escape dismisses the dialog on top; it reports whether there was one.
func (u *appUI) escape() bool {
	if len(u.dialogs) == 0 {
		return false
	}
	u.dialogs[len(u.dialogs)-1].Dismiss()
	return true
}

// canvasKey receives the keys typed when nothing has the focus.
func (u *appUI) canvasKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		u.escape()
	}
}

// escEntry is a text box in a dialog: Esc dismisses the dialog.
type escEntry struct {
	widget.Entry
	u *appUI
}

func newEscEntry(u *appUI) *escEntry {
	e := &escEntry{u: u}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey dismisses the dialog on Esc.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.u.escape() {
		return
	}
	e.Entry.TypedKey(ev)
}
