package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

func TestFindInPaperSelectsMatchesToTag(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("/")
	if !h.u.find.box.Visible() || h.w.Canvas().Focused() != h.u.find.entry {
		t.Fatal("/ did not open the find bar with the cursor in it")
	}
	test.Type(h.u.find.entry, "patients")
	if got := h.u.find.count.Text; got != "1 of 3" {
		t.Errorf("count = %q", got)
	}
	if got := h.selected(); got != "Patients" {
		t.Errorf("current match selected %q", got)
	}
	h.u.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := h.u.find.count.Text; got != "2 of 3" {
		t.Errorf("after Enter count = %q", got)
	}
	h.u.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.find.box.Visible() || len(h.u.reader.findHits) != 0 {
		t.Error("Esc did not close the bar and clear the highlights")
	}
	if h.w.Canvas().Focused() != h.u.reader {
		t.Error("after Esc the reader should have the keys")
	}
	h.typeKeys("p") // tag the match that was current
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Anchor.Exact != "patients" {
		t.Fatalf("annotations = %+v", anns)
	}
}

func TestExportWritesTheFileAndConfirms(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	dir := t.TempDir()
	path := filepath.Join(dir, "handout.html")
	if err := os.WriteFile(path, []byte("old handout"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.u.export(h.u.cur.paper.ID, appraise.FormatHTML, appraise.ExportFilter{Tags: []string{"limitation"}}, path)
	h.settle()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "format=html tags=[limitation]") || !strings.Contains(string(b), "We enrolled 1,204 adults") {
		t.Errorf("export wrote %q", b)
	}
	if !strings.Contains(h.overlayText(), "Saved handout.html in") {
		t.Errorf("no confirmation:\n%s", h.overlayText())
	}
	h.overlayButton("Open folder")
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestExportDialogOffersSpreadsheetMarkForCSVOnly(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.prefs.setExportDir(t.TempDir())
	h.u.showExport()
	var bom *widget.Check
	for _, o := range test.LaidOutObjects(h.w.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok && c.Text == bomLabel {
			bom = c
		}
	}
	if bom == nil {
		t.Fatalf("no byte-order-mark option:\n%s", h.overlayText())
	}
	if !bom.Disabled() {
		t.Error("the CSV option is offered for the HTML handout")
	}
	radio := overlayObject[*widget.RadioGroup](h)
	radio.SetSelected("CSV (spreadsheet)")
	if bom.Disabled() || !bom.Checked {
		t.Fatal("CSV does not offer the byte order mark, checked")
	}
	test.Tap(h.overlayButton("Export"))
	h.settle()
	files, _ := filepath.Glob(filepath.Join(h.u.prefs.exportDir(), "*.csv"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v\n%s", files, h.overlayText())
	}
	if b, _ := os.ReadFile(files[0]); !strings.HasPrefix(string(b), "format=csv tags=[] author=\"\" bom=true") {
		t.Errorf("export asked for %q", b)
	}
}

func TestExportDialogAsksBeforeReplacing(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.u.confirmExport(h.u.cur.paper.ID, appraise.FormatMarkdown, appraise.ExportFilter{}, path)
	if !strings.Contains(h.overlayText(), "notes.md already exists") {
		t.Fatalf("no replace question:\n%s", h.overlayText())
	}
	test.Tap(h.overlayButton("No"))
	h.settle()
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Errorf("declining replaced the file: %q", b)
	}
	h.u.confirmExport(h.u.cur.paper.ID, appraise.FormatMarkdown, appraise.ExportFilter{}, filepath.Join(dir, "missing", "x.md"))
	if !strings.Contains(h.overlayText(), "does not exist") {
		t.Errorf("export to a missing folder:\n%s", h.overlayText())
	}
}

func TestFileStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rapid rule-out of MI: a trial", "Rapid-rule-out-of-MI-a-trial"},
		{"  ", "appraise-export"},
		{"Évaluation / 2024", "Évaluation-2024"},
	}
	for _, tc := range tests {
		if got := fileStem(tc.in); got != tc.want {
			t.Errorf("fileStem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
