package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// Journal-club bundles in the GUI: File → Export Bundle… writes the open
// paper's readings (or the whole library's) to a .jsonld file; File →
// Import Annotations… and dropping a .jsonld on the window merge one in
// and report what changed.

// isBundleName reports whether a file name looks like a bundle.
func isBundleName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonld", ".json":
		return true
	}
	return false
}

// showExportBundle is File → Export Bundle….
func (u *appUI) showExportBundle() {
	var near appraise.Paper
	choices := []string{"The whole library"}
	if u.cur != nil {
		near = u.cur.paper
		choices = append([]string{"This paper: " + paperTitle(u.cur.paper)}, choices...)
	}
	which := widget.NewRadioGroup(choices, nil)
	which.SetSelected(choices[0])
	mine := widget.NewCheck("Only my annotations", nil)
	if u.prefs.author() == "" {
		mine.Disable()
	}
	d := dialog.NewCustomConfirm("Export bundle", "Next…", "Cancel", container.NewVBox(
		widget.NewLabel("A bundle carries annotations, notes and deletions to the club’s other members."),
		which, mine), func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		var ids []appraise.PaperID
		name := "appraise-library.jsonld"
		if u.cur != nil && which.Selected == choices[0] {
			ids = []appraise.PaperID{u.cur.paper.ID}
			name = fileStem(paperTitle(u.cur.paper)) + ".jsonld"
		}
		var f appraise.ExportFilter
		if mine.Checked {
			f.Author = u.prefs.author()
		}
		u.saveAs("Export bundle", name, near, func(w io.Writer) error { return u.lib.ExportBundle(ids, f, w) })
	}, u.win)
	d.Show()
}

// showImportBundle is File → Import Annotations….
func (u *appUI) showImportBundle() {
	u.chooseFile("Cannot open the file", []string{".jsonld", ".json", ".JSONLD", ".JSON"}, func(path string, r fyne.URIReadCloser) {
		r.Close()
		u.importBundle(path)
	})
}

// importBundle merges the bundle at path on the write queue, then shows
// the report and reopens the open paper so its new annotations show.
func (u *appUI) importBundle(path string) {
	name := filepath.Base(path)
	u.status.message("Importing " + name + "…")
	u.bg.write(func() {
		var rep appraise.ImportReport
		f, err := os.Open(path)
		if err == nil {
			rep, err = u.lib.ImportBundle(f)
			f.Close()
		}
		u.post(func() {
			u.status.message("")
			if err != nil {
				u.showError("Cannot import "+name, err)
				return
			}
			u.refreshPapers()
			u.reloadCurrent()
			u.showImportReport(name, rep)
			// A member who opens the lead's bundle with no paper open
			// wants to see the paper it is about.
			if u.cur == nil && len(rep.Papers) == 1 && !rep.Papers[0].Waiting {
				p := rep.Papers[0].Paper
				u.openKnown(p.ID, paperTitle(p), nil)
			}
		})
	})
}

// reloadCurrent reads the open paper's annotations and appraisal again
// (after an import changed them: a member's appraisal, or the user's own
// merged from another laptop).
func (u *appUI) reloadCurrent() {
	if u.cur == nil {
		return
	}
	u.appr.load()
	id := u.cur.paper.ID
	u.bg.spawn(func() {
		anns, err := u.lib.Annotations(id)
		u.post(func() {
			if err != nil || u.cur == nil || u.cur.paper.ID != id {
				return
			}
			u.cur.anns = anns
			u.annotationsChanged()
			u.win.SetMainMenu(u.mainMenu())
		})
	})
}

// showImportReport says what an import did, paper by paper.
func (u *appUI) showImportReport(name string, rep appraise.ImportReport) {
	t := rep.Totals()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s.\n", fmt.Sprintf("%d %s", len(rep.Papers), plural(len(rep.Papers), "paper", "papers")), importCounts(t))
	for _, p := range rep.Papers {
		where := p.Match
		switch {
		case p.Match == "":
			where = "PDF missing: open the file to attach"
		case p.Waiting:
			where += "; PDF missing: open the file to attach"
		}
		fmt.Fprintf(&b, "\n• %s (%s): %s", oneLine(paperTitle(p.Paper)), where, importCounts(p))
	}
	if len(rep.TagsCreated) > 0 {
		fmt.Fprintf(&b, "\n\nNew tags: %s", strings.Join(rep.TagsCreated, ", "))
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(&b, "\n\nNot imported: %s", oneLine(s))
	}
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVScroll(msg)
	box.SetMinSize(fyne.NewSize(min(520, u.win.Canvas().Size().Width*0.9), min(260, u.win.Canvas().Size().Height*0.6)))
	ok := newKeyButton("OK", nil)
	d := dialog.NewCustomWithoutButtons("Imported "+name, box, u.win)
	d.SetButtons([]fyne.CanvasObject{ok})
	ok.OnTapped = d.Hide
	d.SetOnClosed(u.reader.requestFocus)
	d.Show()
	u.win.Canvas().Focus(ok)
}

// keyButton is a dialog's button that Return, Enter and Escape press as
// well as Space, so a report can be dismissed from the keyboard.
type keyButton struct{ widget.Button }

func newKeyButton(label string, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.OnTapped, b.Importance = label, tapped, widget.HighImportance
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey is part of fyne.Focusable.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

func importCounts(p appraise.PaperImport) string {
	s := fmt.Sprintf("%d new, %d updated, %d unchanged", p.New, p.Updated, p.Unchanged)
	if p.Older > 0 {
		s += fmt.Sprintf(", %d older than yours (kept yours)", p.Older)
	}
	if p.NeedsReview > 0 {
		s += fmt.Sprintf(", %d need review", p.NeedsReview)
	}
	if a := p.Appraisals; a != (appraise.AppraisalCounts{}) {
		s += fmt.Sprintf("; appraisals: %d new, %d updated, %d unchanged", a.New, a.Updated, a.Unchanged)
	}
	return s
}
