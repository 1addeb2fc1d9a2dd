package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// statusBar shows the open paper (title, pages, extraction time), the
// last message, and whether edits are saved. "Saved" appears only when
// every commit in flight has returned.
type statusBar struct {
	box     *fyne.Container
	paper   *widget.Label
	msg     *widget.Label
	save    *widget.Label
	pending int
}

func newStatusBar() *statusBar {
	s := &statusBar{
		paper: widget.NewLabel(""),
		msg:   widget.NewLabel(""),
		save:  widget.NewLabel(""),
	}
	s.paper.Truncation = fyne.TextTruncateEllipsis
	s.msg.Truncation = fyne.TextTruncateEllipsis
	s.msg.Importance = widget.LowImportance
	s.save.TextStyle.Bold = true
	s.box = container.NewBorder(widget.NewSeparator(), nil, nil, s.save,
		container.New(layout.NewGridLayoutWithColumns(2), s.paper, s.msg))
	return s
}

func (s *statusBar) setPaper(text string) { setText(s.paper, text) }

// message shows a one-line message for the user.
func (s *statusBar) message(text string) {
	s.msg.Importance = widget.LowImportance
	s.msg.SetText(text)
}

// saving says a commit is under way.
func (s *statusBar) saving() {
	s.pending++
	s.save.Importance = widget.MediumImportance
	s.save.SetText("Saving…")
}

// saved says a commit returned; "Saved" shows once none is left.
func (s *statusBar) saved() {
	s.pending = max(0, s.pending-1)
	if s.pending == 0 {
		s.save.Importance = widget.SuccessImportance
		s.save.SetText("Saved")
	}
}

// failed says a commit begun with saving failed, and why.
func (s *statusBar) failed(why string) {
	s.pending = max(0, s.pending-1)
	s.notSaved(why)
}

// notSaved says a write failed, and why, without ending a commit begun
// with saving: a quiet save's failure must not let "Saved" (or a command
// waiting in whenSaved) run ahead of an edit still in flight.
func (s *statusBar) notSaved(why string) {
	s.save.Importance = widget.DangerImportance
	s.save.SetText("Not saved")
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(why)
}
