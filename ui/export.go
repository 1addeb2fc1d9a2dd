package ui

import (
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/authors"
	"appraise.app/appraise/internal/export"
)

// bomLabel names the CSV byte-order-mark option.
const bomLabel = "CSV for Excel and other spreadsheets (UTF-8 byte order mark)"

// formatLabel names an export format in File → Export…; which formats
// there are, their order and their file name extensions are
// internal/export's.
func formatLabel(f appraise.ExportFormat) string {
	switch f {
	case appraise.FormatHTML:
		return "HTML handout"
	case appraise.FormatMarkdown:
		return "Markdown"
	case appraise.FormatCSV:
		return "CSV (spreadsheet)"
	case appraise.FormatJSONLD:
		return "JSON-LD (W3C Web Annotation)"
	case appraise.FormatXLSX:
		return "Spreadsheet (.xlsx)"
	}
	return string(f)
}

// paperFormats are the formats of one paper's export, as offered.
func paperFormats() []appraise.ExportFormat {
	f := export.Formats()
	return append(f[:len(f):len(f)], appraise.FormatXLSX)
}

// showExport is File → Export…: a format, which tags, and where to save.
// Fyne's save dialog opens (and so truncates) the chosen file itself, which
// would destroy an older export if writing then failed; so this dialog
// asks for a folder and a name, and the export is written to a temporary
// file that replaces the target only once it is complete and synced.
func (u *appUI) showExport() {
	if u.cur == nil {
		u.status.message("Open a paper to export its annotations.")
		return
	}
	u.flushEdits() // the file name comes from the title as typed
	paper := u.cur.paper
	formats := paperFormats()
	labels := make([]string, len(formats))
	for i, f := range formats {
		labels[i] = formatLabel(f)
	}
	format := widget.NewRadioGroup(labels, nil)
	format.SetSelected(labels[0])
	fw := u.newFilterWidgets()
	bom := fw.bom
	folder := newEscEntry(u)
	folder.SetText(u.exportFolder(paper))
	name := newEscEntry(u)
	name.SetText(fileStem(paperTitle(paper)) + export.Extension(formats[0]))
	format.OnChanged = func(sel string) {
		i := slices.Index(labels, sel)
		if i < 0 {
			return
		}
		name.SetText(strings.TrimSuffix(name.Text, filepath.Ext(name.Text)) + export.Extension(formats[i]))
		if formats[i] == appraise.FormatCSV {
			bom.Enable()
		} else {
			bom.Disable()
		}
	}
	choose := u.chooseFolderButton(&folder.Entry)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("", bom),
		widget.NewFormItem("Tags", fw.tags),
		widget.NewFormItem("", fw.mine),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem("File name", name),
	}
	d := dialog.NewForm("Export annotations", "Export", "Cancel", items, func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		f := formats[max(0, slices.Index(labels, format.Selected))]
		filter := fw.filter()
		u.confirmExport(paper.ID, f, filter, filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text)))
	}, u.win)
	d.Resize(fyne.NewSize(min(620, u.win.Canvas().Size().Width*0.95), 0))
	u.present(d)
}

// filterWidgets are the export options shared by both export dialogs.
type filterWidgets struct {
	tags      *widget.CheckGroup
	tagLabels []string
	mine      *widget.Check
	bom       *widget.Check
	u         *appUI
	// author is whose annotations "only" keeps: the user's, or the one
	// member the reader shows (so an export shows what is on screen).
	author string
}

// newFilterWidgets makes the tag, "only mine" and byte-order-mark options:
// every tag checked; the byte order mark checked but enabled only for CSV
// (spreadsheets read CSV as UTF-8 only when it starts with one).
func (u *appUI) newFilterWidgets() *filterWidgets {
	fw := &filterWidgets{u: u}
	for _, t := range u.tags {
		fw.tagLabels = append(fw.tagLabels, tagLabel(t.Name))
	}
	fw.tags = widget.NewCheckGroup(fw.tagLabels, nil)
	fw.tags.Horizontal = true
	fw.tags.SetSelected(fw.tagLabels)
	fw.author = u.prefs.author()
	fw.mine = widget.NewCheck("Only my annotations", nil)
	if shown, one := u.shownAuthor(); one {
		// The reader shows one member's annotations (practice mode shows
		// the user's): the export shows the same unless unticked.
		fw.author = shown
		if authors.Key(shown) != authors.Key(u.prefs.author()) {
			fw.mine.Text = "Only " + authorName(shown) + "’s annotations"
		}
		fw.mine.SetChecked(true)
	}
	if strings.TrimSpace(fw.author) == "" {
		fw.mine.SetChecked(false)
		fw.mine.Disable()
	}
	fw.bom = widget.NewCheck(bomLabel, nil)
	fw.bom.SetChecked(true)
	fw.bom.Disable()
	return fw
}

// filter is the export filter the options say.
func (fw *filterWidgets) filter() appraise.ExportFilter {
	var filter appraise.ExportFilter
	if len(fw.tags.Selected) < len(fw.tagLabels) {
		filter.Tags = []string{}
		for _, t := range fw.u.tags {
			if slices.Contains(fw.tags.Selected, tagLabel(t.Name)) {
				filter.Tags = append(filter.Tags, t.Name)
			}
		}
	}
	if fw.mine.Checked {
		filter.Author = fw.author
	}
	filter.BOM = fw.bom.Checked // only CSV writes it
	return filter
}

// chooseFolderButton opens a folder chooser that fills folder.
func (u *appUI) chooseFolderButton(folder *widget.Entry) *widget.Button {
	return widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder.SetText(l.Path())
			}
		}, u.win)
		d.Resize(u.dialogSize())
		u.present(d)
	})
}

// exportFolder is where exports go: the last folder used, else the
// paper's folder, else the home folder.
func (u *appUI) exportFolder(p appraise.Paper) string {
	for _, d := range []string{u.prefs.exportDir(), filepath.Dir(p.Path)} {
		if st, err := os.Stat(d); d != "" && d != "." && err == nil && st.IsDir() {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// confirmExport checks the target and asks before replacing a file.
func (u *appUI) confirmExport(id appraise.PaperID, f appraise.ExportFormat, filter appraise.ExportFilter, path string) {
	u.confirmReplace(path, func() { u.export(id, f, filter, path) })
}

// confirmReplace checks that path can be written (its folder exists, it
// names a file) and runs then, after asking when it would replace a file.
func (u *appUI) confirmReplace(path string, then func()) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		u.showError("Cannot export", errors.New("the folder "+dir+" does not exist"))
		return
	}
	if filepath.Base(path) == "" || strings.HasSuffix(path, string(filepath.Separator)) {
		u.showError("Cannot export", errors.New("give the export a file name"))
		return
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			u.showError("Cannot export", errors.New(path+" is a folder"))
			return
		}
		u.present(dialog.NewConfirm("Replace file?", filepath.Base(path)+" already exists in "+dir+". Replace it?", func(ok bool) {
			if ok {
				then()
			}
		}, u.win))
		return
	}
	then()
}

// export writes the file atomically in the background and confirms.
func (u *appUI) export(id appraise.PaperID, f appraise.ExportFormat, filter appraise.ExportFilter, path string) {
	u.prefs.setExportDir(filepath.Dir(path))
	u.status.message("Exporting…")
	// Edits made while the dialog was open are queued before the export,
	// so the file has what the screen shows.
	u.flushEdits()
	u.bg.write(func() {
		err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
			return u.lib.Export(id, f, filter, w)
		})
		u.post(func() {
			if err != nil {
				u.status.message("")
				u.showError("Cannot export", err)
				return
			}
			u.status.message("Exported to " + path)
			u.exported(path)
		})
	})
}

// exported confirms an export, offering to show its folder; detail
// lines follow the file's name.
func (u *appUI) exported(path string, detail ...string) {
	text := "Saved " + filepath.Base(path) + " in\n" + filepath.Dir(path)
	for _, d := range detail {
		text += "\n" + d
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Exported", "Open folder", "Close",
		container.NewGridWrap(fyne.NewSize(420, msg.MinSize().Height*2), msg), func(open bool) {
			if open {
				_ = u.app.OpenURL(folderURL(filepath.Dir(path)))
			}
			u.reader.requestFocus()
		}, u.win)
	u.present(d)
}

// folderURL is a file: URL of a folder, for the system to show.
func folderURL(dir string) *url.URL { return &url.URL{Scheme: "file", Path: dir} }

// fileStem makes a title into a safe file name (without extension).
func fileStem(title string) string {
	var b strings.Builder
	space := false
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case !space && b.Len() > 0:
			b.WriteRune('-')
			space = true
		}
		if b.Len() > 60 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "appraise-export"
	}
	return s
}
