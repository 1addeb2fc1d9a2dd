package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// showExportPDF is File → Export Annotated PDF…: a copy of the paper's
// PDF with its annotations as highlight annotations, for Zotero, Acrobat,
// Preview or a browser. Like the other exports it asks for a folder and a
// name and keeps the annotations the reader shows unless told otherwise;
// the library writes the copy atomically and never touches the original.
func (u *appUI) showExportPDF() {
	if u.cur == nil {
		u.status.message("Open a paper to export it with its highlights.")
		return
	}
	if u.pages == nil {
		u.showError("Cannot export an annotated PDF", errors.New("this Appraise was started without its PDF renderer"))
		return
	}
	u.flushEdits()
	paper := u.cur.paper
	fw := u.newFilterWidgets()
	folder := newEscEntry(u)
	folder.SetText(u.exportFolder(paper))
	name := newEscEntry(u)
	name.SetText(fileStem(paperTitle(paper)) + "-annotated.pdf")
	choose := u.chooseFolderButton(&folder.Entry)
	items := []*widget.FormItem{
		widget.NewFormItem("Tags", fw.tags),
		widget.NewFormItem("", fw.mine),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem("File name", name),
	}
	d := dialog.NewForm("Export annotated PDF", "Export", "Cancel", items, func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		path := filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text))
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		if same(path, paper.Path) {
			u.showError("Cannot export", errors.New("choose another file name: this is the paper's own PDF, which Appraise never changes"))
			return
		}
		filter := fw.filter()
		u.confirmReplace(path, func() { u.exportPDF(paper.ID, filter, path) })
	}, u.win)
	d.Resize(fyne.NewSize(min(620, u.win.Canvas().Size().Width*0.95), 0))
	u.present(d)
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	if b == "" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// exportPDF writes the annotated copy in the background and confirms
// with how many highlights it carries.
func (u *appUI) exportPDF(id appraise.PaperID, filter appraise.ExportFilter, path string) {
	u.prefs.setExportDir(filepath.Dir(path))
	u.status.message("Exporting…")
	u.flushEdits()
	pages := u.pages
	u.bg.write(func() {
		n, err := pages.ExportAnnotatedPDF(context.Background(), id, filter, path)
		u.post(func() {
			if err != nil {
				u.status.message("")
				u.showError("Cannot export an annotated PDF", err)
				return
			}
			u.status.message(fmt.Sprintf("Exported %s with %s to %s", filepath.Base(path), highlights(n), filepath.Dir(path)))
			u.exported(path, "with "+highlights(n)+".")
		})
	})
}

// highlights counts highlight annotations in words.
func highlights(n int) string {
	if n == 1 {
		return "1 highlight"
	}
	return fmt.Sprintf("%d highlights", n)
}
