package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// toolbar is the strip under the menu: the library toggle, open and
// export, and the tag bar that does to the selection by mouse what the
// keys do.
type toolbar struct {
	u       *appUI
	box     *fyne.Container
	tagBox  *fyne.Container
	tagBtns map[string]*widget.Button
	more    *widget.Button
	note    *widget.Button
	remove  *widget.Button
	undo    *widget.Button
	redo    *widget.Button
	find    *widget.Button
	export  *widget.Button
	view    *widget.Select
}

func newToolbar(u *appUI) *toolbar {
	t := &toolbar{u: u, tagBtns: map[string]*widget.Button{}}
	lib := widget.NewButtonWithIcon("", theme.MenuIcon(), func() { u.setLibraryVisible(!u.libraryVisible()) })
	open := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), u.showOpenDialog)
	t.export = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), u.showExport)
	t.undo = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), u.undo)
	t.redo = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), u.redo)
	t.note = widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), u.editNote)
	t.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), u.deleteTarget)
	t.find = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { u.find.open() })
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), u.showKeys)
	t.more = widget.NewButton("More tags…", t.showMore)
	t.view = widget.NewSelect(viewLabels(), func(label string) {
		for m, l := range viewLabels() {
			if l == label && viewMode(m) != u.mode {
				u.setView(viewMode(m), true)
			}
		}
	})
	t.view.SetSelected(viewText.label())
	t.tagBox = container.NewHBox()
	for _, b := range []*widget.Button{lib, open, t.export, t.undo, t.redo, t.note, t.remove, t.find, help} {
		b.Importance = widget.LowImportance
	}
	t.box = container.NewBorder(nil, widget.NewSeparator(), nil, nil, container.NewHBox(
		lib, open, t.export, widget.NewSeparator(),
		t.tagBox, t.more, t.note, t.remove, widget.NewSeparator(),
		t.undo, t.redo, layout.NewSpacer(), t.view, t.find, help))
	return t
}

// setTags makes one button per built-in tag; custom tags go under "More".
func (t *toolbar) setTags(tags []appraise.Tag) {
	t.tagBox.Objects = nil
	t.tagBtns = map[string]*widget.Button{}
	custom := 0
	for _, tg := range tags {
		if !tg.BuiltIn {
			custom++
			continue
		}
		name := tg.Name
		label := tagLabel(name)
		if tg.Key != "" {
			label = fmt.Sprintf("%s  %s", label, tg.Key)
		}
		b := widget.NewButtonWithIcon(label, swatch(tg.Color), func() { t.u.toggleTag(name) })
		t.tagBtns[name] = b
		t.tagBox.Add(b)
	}
	if custom == 0 {
		t.more.Hide()
	} else {
		t.more.Show()
	}
	t.tagBox.Refresh()
	t.refresh()
}

// showMore lists the custom tags, numbered as the 1–9 keys toggle them.
func (t *toolbar) showMore() {
	var items []*fyne.MenuItem
	n := 0
	for _, tg := range t.u.tags {
		if tg.BuiltIn {
			continue
		}
		n++
		name := tg.Name
		label := tagLabel(name)
		if n <= 9 {
			label = fmt.Sprintf("%s  (%d)", label, n)
		}
		it := fyne.NewMenuItem(label, func() { t.u.toggleTag(name) })
		it.Icon = swatch(tg.Color)
		items = append(items, it)
	}
	c := t.u.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.more).Add(fyne.NewPos(0, t.more.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// refresh enables what applies to the current paper and selection, and
// marks the tags the selected span carries.
func (t *toolbar) refresh() {
	u := t.u
	open := u.cur != nil
	selected := open && !u.reader.sel.empty()
	var exact appraise.Annotation
	hasExact := false
	if selected {
		exact, hasExact = u.exactAnnotation(u.reader.sel.span())
	}
	for name, b := range t.tagBtns {
		enable(b, selected)
		imp := widget.MediumImportance
		if hasExact && exact.HasTag(name) {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	enable(t.more, selected)
	_, hasTarget := u.target()
	enable(t.note, hasTarget)
	enable(t.remove, hasTarget)
	enable(t.export, open)
	enable(t.find, open)
	enable(t.view, open)
	enable(t.undo, open && len(u.hist.done) > 0)
	enable(t.redo, open && len(u.hist.undone) > 0)
}

// setView shows the view in use.
func (t *toolbar) setView(m viewMode) {
	if t.view.Selected != m.label() {
		t.view.SetSelected(m.label())
	}
}

func enable(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// swatch is a round icon in a tag's colour.
func swatch(hex string) fyne.Resource {
	c := parseHex(hex)
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="#%02x%02x%02x"/></svg>`, c.R, c.G, c.B)
	return fyne.NewStaticResource(fmt.Sprintf("swatch-%02x%02x%02x.svg", c.R, c.G, c.B), []byte(svg))
}
