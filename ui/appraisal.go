package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// appraisalPanel is the Appraisal tab.
type appraisalPanel struct {
	u   *appUI
	box fyne.CanvasObject
}

func newAppraisalPanel(u *appUI) *appraisalPanel {
	l := widget.NewLabel("Open a paper to appraise it.")
	l.Importance = widget.LowImportance
	return &appraisalPanel{u: u, box: container.NewVScroll(l)}
}

// flush saves edits still waiting for typing to pause.
func (p *appraisalPanel) flush() {}
