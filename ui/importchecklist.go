package ui

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// maxChecklistFile caps what File → Import Checklist… reads: a checklist
// is a few kilobytes; a larger file is not one.
const maxChecklistFile = 1 << 20

// showImportChecklist is File → Import Checklist…: a club's own checklist
// from a TOML or JSON file, offered in the Appraisal tab's picker.
func (u *appUI) showImportChecklist() {
	u.chooseFile("Cannot import the checklist", []string{".toml", ".json", ".TOML", ".JSON"}, func(path string, r fyne.URIReadCloser) {
		u.importChecklist(path, r)
	})
}

// importChecklist reads and imports r in the background, then offers the
// checklist; a malformed file's error names the line and field.
func (u *appUI) importChecklist(path string, r io.ReadCloser) {
	name := filepath.Base(path)
	u.status.saving()
	u.bg.write(func() {
		defer r.Close()
		in, err := u.lib.ImportInstrument(name, io.LimitReader(r, maxChecklistFile))
		u.post(func() {
			u.saveDone(err)
			if err != nil {
				u.showError("Cannot import "+name, err)
				return
			}
			u.status.message(fmt.Sprintf("Imported the checklist “%s” (%d items): choose it in the Appraisal tab.", in.Name, len(in.Items)))
			if u.cur != nil {
				u.appr.load()
				u.showTab(tabAppraisal)
			}
		})
	})
}
