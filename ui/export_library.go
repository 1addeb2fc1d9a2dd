package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/export"
)

// File → Export Library…: every paper's annotations in one CSV file or
// spreadsheet, or one Markdown note per paper in a folder.

// libraryExportName is the default name of a library export (a file, or
// the folder of Markdown notes).
const libraryExportName = "Appraise library"

// libraryFormats are the formats of a library export, as offered.
var libraryFormats = []appraise.ExportFormat{appraise.FormatXLSX, appraise.FormatCSV, appraise.FormatMarkdown}

// libraryFormatLabel names a library export format.
func libraryFormatLabel(f appraise.ExportFormat) string {
	if f == appraise.FormatMarkdown {
		return "Markdown notes (one file per paper, in a folder)"
	}
	return formatLabel(f)
}

// libraryExportTarget is the file, or for Markdown the folder, a library
// export of format f writes under stem.
func libraryExportTarget(stem string, f appraise.ExportFormat) string {
	if f == appraise.FormatMarkdown {
		return stem
	}
	return stem + export.Extension(f)
}

// showExportLibrary is File → Export Library….
func (u *appUI) showExportLibrary() {
	labels := make([]string, len(libraryFormats))
	for i, f := range libraryFormats {
		labels[i] = libraryFormatLabel(f)
	}
	format := widget.NewRadioGroup(labels, nil)
	fw := u.newFilterWidgets()
	folder := widget.NewEntry()
	folder.SetText(u.exportFolder(appraise.Paper{}))
	name := widget.NewEntry()
	nameItem := widget.NewFormItem("Save as", name) // a file, or the folder of Markdown notes
	format.OnChanged = func(sel string) {
		i := slices.Index(labels, sel)
		if i < 0 {
			return
		}
		f := libraryFormats[i]
		stem := strings.TrimSuffix(strings.TrimSpace(name.Text), filepath.Ext(strings.TrimSpace(name.Text)))
		if stem == "" {
			stem = libraryExportName
		}
		name.SetText(libraryExportTarget(stem, f))
		if f == appraise.FormatCSV {
			fw.bom.Enable()
		} else {
			fw.bom.Disable()
		}
	}
	name.SetText(libraryExportName)
	format.SetSelected(labels[0])
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("", fw.bom),
		widget.NewFormItem("Tags", fw.tags),
		widget.NewFormItem("", fw.mine),
		widget.NewFormItem("Into folder", container.NewBorder(nil, nil, nil, u.chooseFolderButton(folder), folder)),
		nameItem,
	}
	d := dialog.NewForm("Export library", "Export", "Cancel", items, func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		f := libraryFormats[max(0, slices.Index(labels, format.Selected))]
		u.confirmLibraryExport(f, fw.filter(), filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text)))
	}, u.win)
	d.Resize(fyne.NewSize(min(620, u.win.Canvas().Size().Width*0.95), 0))
	d.Show()
}

// confirmLibraryExport checks the target and asks before replacing a file
// or notes of the same names in an existing folder.
func (u *appUI) confirmLibraryExport(f appraise.ExportFormat, filter appraise.ExportFilter, path string) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		u.showError("Cannot export", errors.New("the folder "+dir+" does not exist"))
		return
	}
	if strings.TrimSpace(filepath.Base(path)) == "" || strings.HasSuffix(path, string(filepath.Separator)) {
		u.showError("Cannot export", errors.New("give the export a name"))
		return
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		u.exportLibrary(f, filter, path)
	case f == appraise.FormatMarkdown && !st.IsDir():
		u.showError("Cannot export", errors.New(path+" is a file, not a folder"))
	case f != appraise.FormatMarkdown && st.IsDir():
		u.showError("Cannot export", errors.New(path+" is a folder"))
	default:
		question := filepath.Base(path) + " already exists in " + dir + ". Replace it?"
		if f == appraise.FormatMarkdown {
			question = "The folder " + filepath.Base(path) + " already exists. Replace the notes in it that have the same names?"
		}
		dialog.ShowConfirm("Replace?", question, func(ok bool) {
			if ok {
				u.exportLibrary(f, filter, path)
			}
		}, u.win)
	}
}

// exportLibrary writes the library export in the background, each file
// atomically, and confirms.
func (u *appUI) exportLibrary(f appraise.ExportFormat, filter appraise.ExportFilter, path string) {
	u.prefs.setExportDir(filepath.Dir(path))
	u.status.message("Exporting the library…")
	u.bg.write(func() {
		var err error
		var names []string
		if f == appraise.FormatMarkdown {
			names, err = u.lib.ExportLibraryMarkdown(path, filter)
		} else {
			err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
				return u.lib.ExportLibrary(f, filter, w)
			})
		}
		u.post(func() {
			if err != nil {
				u.status.message("")
				u.showError("Cannot export the library", err)
				return
			}
			if f == appraise.FormatMarkdown {
				u.status.message(fmt.Sprintf("Exported %d notes to %s", len(names), path))
				u.exportedFolder(path, len(names))
				return
			}
			u.status.message("Exported to " + path)
			u.exported(path)
		})
	})
}

// exportedFolder confirms a folder of notes, offering to show it.
func (u *appUI) exportedFolder(dir string, n int) {
	what := fmt.Sprintf("Saved %d notes in\n%s", n, dir)
	if n == 1 {
		what = "Saved 1 note in\n" + dir
	}
	msg := widget.NewLabel(what)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Exported", "Open folder", "Close",
		container.NewGridWrap(fyne.NewSize(420, msg.MinSize().Height*2), msg), func(open bool) {
			if open {
				_ = u.app.OpenURL(folderURL(dir))
			}
			u.reader.requestFocus()
		}, u.win)
	d.Show()
}
