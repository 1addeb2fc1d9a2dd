package ui

import (
	"fyne.io/fyne/v2/container"
)

// The right-hand side is three tabs, so that each part has the panel's
// full height even in a 1024×640 window: the annotations list, the
// structured appraisal (checklist, certainty, PICO) and the paper card.
const (
	tabAnnotations = iota
	tabAppraisal
	tabPaper
)

// newRightTabs builds the tabs and remembers which one was last shown.
func newRightTabs(u *appUI) *container.AppTabs {
	t := container.NewAppTabs(
		container.NewTabItem("Annotations", u.annp.box),
		container.NewTabItem("Appraisal", u.appr.box),
		container.NewTabItem("Paper", u.card.box),
	)
	t.SelectIndex(u.prefs.rightTab())
	t.OnSelected = func(*container.TabItem) { u.prefs.setRightTab(t.SelectedIndex()) }
	return t
}

// showTab brings one of the right-hand tabs to the front.
func (u *appUI) showTab(i int) {
	if u.right.SelectedIndex() != i {
		u.right.SelectIndex(i)
	}
}
