package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyView fills the reader when no paper is open: how to open one, and
// the demo paper when the library has none.
type emptyView struct {
	u    *appUI
	box  *fyne.Container
	demo *widget.Button
	hint *widget.Label
}

func newEmptyView(u *appUI) *emptyView {
	e := &emptyView{u: u}
	title := widget.NewLabelWithStyle("No paper open", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabelWithStyle("Open a PDF to read it in reading order and tag what it shows,\nabout whom, and what it cannot show.", fyne.TextAlignCenter, fyne.TextStyle{})
	open := widget.NewButtonWithIcon("Open a PDF…", theme.FolderOpenIcon(), u.showOpenDialog)
	open.Importance = widget.HighImportance
	e.demo = widget.NewButtonWithIcon("Open the demo paper", theme.FileIcon(), u.openDemo)
	if u.cfg.Demo == nil {
		e.demo.Hide()
	}
	e.hint = widget.NewLabelWithStyle("You can also drop a PDF on this window.", fyne.TextAlignCenter, fyne.TextStyle{})
	e.hint.Importance = widget.LowImportance
	e.box = container.NewCenter(container.NewVBox(title, text, container.NewCenter(container.NewHBox(open, e.demo)), e.hint))
	return e
}

// setLibraryEmpty stresses the demo paper for a first run.
func (e *emptyView) setLibraryEmpty(empty bool) {
	if e.u.cfg.Demo == nil {
		return
	}
	imp := widget.MediumImportance
	if empty {
		imp = widget.HighImportance
		e.hint.SetText("New here? The demo paper shows what Appraise does. You can also drop a PDF on this window.")
	} else {
		e.hint.SetText("Choose a paper from the library, or drop a PDF on this window.")
	}
	if e.demo.Importance != imp {
		e.demo.Importance = imp
		e.demo.Refresh()
	}
}

func (e *emptyView) show() { e.box.Show() }
func (e *emptyView) hide() { e.box.Hide() }

// openingView covers the reader while a PDF is being read: what is
// opening, a progress bar and Cancel.
type openingView struct {
	box   *fyne.Container
	label *widget.Label
	bar   *widget.ProgressBarInfinite
}

func newOpeningView(u *appUI) *openingView {
	o := &openingView{label: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	o.label.Truncation = fyne.TextTruncateEllipsis
	o.bar = widget.NewProgressBarInfinite()
	o.bar.Stop()
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), u.cancelOpen)
	bg := canvas.NewRectangle(color.Transparent)
	card := container.NewVBox(o.label, o.bar, container.NewCenter(cancel))
	sized := container.NewGridWrap(fyne.NewSize(360, card.MinSize().Height), card)
	panel := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	panel.CornerRadius = theme.Size(theme.SizeNameSelectionRadius) * 2
	o.box = container.NewStack(bg, container.NewCenter(container.NewStack(panel, container.NewPadded(sized))))
	o.box.Hide()
	return o
}

func (o *openingView) show(label string) {
	o.label.SetText("Opening " + label + "…")
	o.bar.Start()
	o.box.Show()
}

func (o *openingView) hide() {
	o.bar.Stop()
	o.box.Hide()
}
