package ui

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
)

// saveAs asks for a folder and a file name (as File → Export… does, for
// the reason given there) and writes the file with write, atomically, in
// the background; then confirms with the folder. near is a paper whose
// folder is offered when no export folder was used yet.
func (u *appUI) saveAs(title, name string, near appraise.Paper, write func(io.Writer) error) {
	folder := widget.NewEntry()
	folder.SetText(u.exportFolder(near))
	file := widget.NewEntry()
	file.SetText(name)
	choose := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder.SetText(l.Path())
			}
		}, u.win)
		d.Resize(u.dialogSize())
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem("File name", file),
	}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		path := filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(file.Text))
		u.confirmReplace(path, func() { u.writeInBackground(path, write) })
	}, u.win)
	d.Resize(fyne.NewSize(min(620, u.win.Canvas().Size().Width*0.95), 0))
	d.Show()
}

// writeInBackground writes path atomically on the write queue and
// confirms, or shows why it could not.
func (u *appUI) writeInBackground(path string, write func(io.Writer) error) {
	u.prefs.setExportDir(filepath.Dir(path))
	u.status.message("Saving " + filepath.Base(path) + "…")
	u.bg.write(func() {
		err := atomicfile.Write(path, 0o644, write)
		u.post(func() {
			if err != nil {
				u.status.message("")
				u.showError("Cannot save "+filepath.Base(path), err)
				return
			}
			u.status.message("Saved " + path)
			u.exported(path)
		})
	})
}
