package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// annotationEditor is the bottom of the annotations panel: the selected
// annotation's note (its tags are the tag bar's, which shows and toggles
// them for the selected span; the quote is selected in the reader, and
// shown here only when the annotation is no longer in the text).
// A note being typed is saved with the button or Ctrl+Enter, and also
// when another annotation is selected, the paper changes or the app
// quits, so a note is never lost.
type annotationEditor struct {
	u        *appUI
	box      *fyne.Container
	body     *fyne.Container
	hintL    *widget.Label
	quote    *widget.Label
	quoteBox *container.Scroll
	meta     *widget.Label
	note     *noteEntry
	save     *widget.Button
	remove   *widget.Button
	onPage   *widget.Button
	keep     *widget.Button
	id       string // annotation shown, or ""
	dirty    bool
	setting  bool // true while the editor fills its own widgets
}

func newAnnotationEditor(u *appUI) *annotationEditor {
	e := &annotationEditor{u: u}
	e.hintL = widget.NewLabel("")
	e.hintL.Wrapping = fyne.TextWrapWord
	e.hintL.Importance = widget.LowImportance
	e.quote = widget.NewLabel("")
	e.quote.Wrapping = fyne.TextWrapWord
	e.quote.TextStyle.Italic = true
	e.meta = widget.NewLabel("")
	e.meta.Wrapping = fyne.TextWrapWord
	e.meta.Importance = widget.WarningImportance
	e.note = newNoteEntry()
	e.note.SetMinRowsVisible(2)
	e.note.OnChanged = func(string) {
		if !e.setting {
			e.dirty = true
			enable(e.save, true)
		}
	}
	e.note.onSave = e.flush
	e.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), e.flush)
	e.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if a, ok := u.annotationByID(e.id); ok {
			first, o := deleteOp(a.ID, "remove annotation")
			u.run(first, o, false)
		}
	})
	e.onPage = widget.NewButtonWithIcon("", theme.FileImageIcon(), func() {
		if a, ok := u.annotationByID(e.id); ok && a.Status == appraise.Attached {
			u.jumpTo(a.ID)
			u.showOnPage()
		}
	})
	e.keep = widget.NewButtonWithIcon("Keep here", theme.ConfirmIcon(), e.keepHere)
	e.quoteBox = container.NewVScroll(e.quote)
	e.quoteBox.SetMinSize(fyne.NewSize(0, 52))
	for _, b := range []*widget.Button{e.save, e.remove, e.onPage} {
		b.Importance = widget.LowImportance
	}
	buttons := container.NewHBox(e.save, e.onPage, e.remove)
	e.body = container.NewVBox(widget.NewSeparator(), e.quoteBox, e.meta,
		container.NewBorder(nil, nil, nil, buttons, e.note), e.keep)
	e.box = container.NewStack(e.body, container.NewPadded(e.hintL))
	e.show(nil)
	return e
}

// hint shows a line of help in place of the editor.
func (e *annotationEditor) hint(s string) {
	if e.id != "" {
		return
	}
	e.hintL.SetText(s)
}

// show puts a (or nothing) in the editor, first saving a note typed for
// another annotation.
func (e *annotationEditor) show(a *appraise.Annotation) {
	if a == nil || a.ID != e.id {
		e.flush()
	}
	if a == nil {
		e.id = ""
		e.body.Hide()
		e.hintL.SetText("Select an annotation to see its quote and edit its note.")
		e.hintL.Show()
		return
	}
	e.hintL.Hide()
	e.body.Show()
	same := a.ID == e.id
	e.id = a.ID
	e.setting = true
	defer func() { e.setting = false }()
	quote := a.Anchor.Exact
	if c := e.u.cur; c != nil && a.Status == appraise.Attached {
		quote = c.v.text(a.Anchor.Start, a.Anchor.End)
	}
	// The reader shows an attached annotation's text selected; only one
	// that is not in the text needs its quote here.
	e.quote.SetText("“" + oneLine(quote) + "”")
	if a.Status == appraise.Attached {
		e.quoteBox.Hide()
	} else {
		e.quoteBox.Show()
	}
	switch a.Status {
	case appraise.NeedsReview:
		e.meta.SetText("Needs review: the text changed; check the place, then Keep here.")
		e.meta.Show()
	case appraise.Orphaned:
		e.meta.SetText("Orphaned: this text is no longer in the paper.")
		e.meta.Show()
	default:
		e.meta.Hide()
	}
	if !same || !e.dirty {
		e.note.SetText(a.Note)
		e.dirty = false
	}
	enable(e.save, e.dirty)
	enable(e.onPage, a.Status == appraise.Attached)
	if a.Status == appraise.NeedsReview {
		e.keep.Show()
	} else {
		e.keep.Hide()
	}
}

// flush saves the note if it was edited.
func (e *annotationEditor) flush() {
	if !e.dirty || e.id == "" {
		return
	}
	e.dirty = false
	enable(e.save, false)
	if a, ok := e.u.annotationByID(e.id); ok {
		e.u.setNote(a, e.note.Text)
	}
}

// keepHere accepts the place re-anchoring guessed for an annotation.
func (e *annotationEditor) keepHere() {
	a, ok := e.u.annotationByID(e.id)
	if !ok || a.Status != appraise.NeedsReview {
		return
	}
	next := a
	next.Status = appraise.Attached
	first, o := updateOp(a, next, "keep annotation here")
	e.u.run(first, o, true)
}
