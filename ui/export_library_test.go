package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// exportLibraryDialog opens File → Export Library… into a fresh folder and
// selects the format labelled format.
func exportLibraryDialog(t *testing.T, h *harness, format string) (dir string, name *widget.Entry) {
	t.Helper()
	dir = t.TempDir()
	h.u.prefs.setExportDir(dir)
	h.u.showExportLibrary()
	radio := overlayObject[*widget.RadioGroup](h)
	if radio == nil {
		t.Fatalf("no format choice:\n%s", h.overlayText())
	}
	for _, want := range []string{"Spreadsheet (.xlsx)", "CSV (spreadsheet)", "Markdown notes (one file per paper, in a folder)"} {
		if !strings.Contains(strings.Join(radio.Options, "|"), want) {
			t.Errorf("the dialog does not offer %q: %q", want, radio.Options)
		}
	}
	radio.SetSelected(format)
	for _, o := range test.LaidOutObjects(h.w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.Text, libraryExportName) {
			name = e
		}
	}
	if name == nil {
		t.Fatalf("no name field:\n%s", h.overlayText())
	}
	return dir, name
}

func TestExportLibraryAsASpreadsheet(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	dir, name := exportLibraryDialog(t, h, "Spreadsheet (.xlsx)")
	if name.Text != "Appraise library.xlsx" {
		t.Errorf("file name %q, want Appraise library.xlsx", name.Text)
	}
	test.Tap(h.overlayButton("Export"))
	h.settle()
	b, err := os.ReadFile(filepath.Join(dir, "Appraise library.xlsx"))
	if err != nil || !strings.HasPrefix(string(b), "library format=xlsx tags=[] author=\"\" bom=true papers=1") {
		t.Fatalf("export wrote %q (%v)\n%s", b, err, h.overlayText())
	}
	if !strings.Contains(h.overlayText(), "Saved Appraise library.xlsx in") {
		t.Errorf("no confirmation:\n%s", h.overlayText())
	}
}

func TestExportLibraryAsCSVOffersTheByteOrderMark(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	dir, name := exportLibraryDialog(t, h, "CSV (spreadsheet)")
	if name.Text != "Appraise library.csv" {
		t.Errorf("file name %q", name.Text)
	}
	test.Tap(h.overlayButton("Export"))
	h.settle()
	if b, err := os.ReadFile(filepath.Join(dir, "Appraise library.csv")); err != nil || !strings.HasPrefix(string(b), "library format=csv") {
		t.Fatalf("export wrote %q (%v)", b, err)
	}
}

func TestExportLibraryAsMarkdownNotesInAFolder(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	dir, name := exportLibraryDialog(t, h, "Markdown notes (one file per paper, in a folder)")
	if name.Text != "Appraise library" {
		t.Errorf("folder name %q, want Appraise library", name.Text)
	}
	test.Tap(h.overlayButton("Export"))
	h.settle()
	entries, err := os.ReadDir(filepath.Join(dir, "Appraise library"))
	if err != nil || len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".md") {
		t.Fatalf("folder holds %v (%v)\n%s", entries, err, h.overlayText())
	}
	if !strings.Contains(h.overlayText(), "Saved 1 note in") {
		t.Errorf("no confirmation:\n%s", h.overlayText())
	}
	// Again: the folder exists, so the dialog asks first.
	h.u.confirmLibraryExport(appraise.FormatMarkdown, appraise.ExportFilter{}, filepath.Join(dir, "Appraise library"))
	if !strings.Contains(h.overlayText(), "already exists. Replace the notes in it") {
		t.Errorf("no replace question:\n%s", h.overlayText())
	}
}

func TestPaperExportOffersASpreadsheet(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.u.prefs.setExportDir(t.TempDir())
	h.u.showExport()
	radio := overlayObject[*widget.RadioGroup](h)
	radio.SetSelected("Spreadsheet (.xlsx)")
	test.Tap(h.overlayButton("Export"))
	h.settle()
	files, _ := filepath.Glob(filepath.Join(h.u.prefs.exportDir(), "*.xlsx"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v\n%s", files, h.overlayText())
	}
	if b, _ := os.ReadFile(files[0]); !strings.HasPrefix(string(b), "format=xlsx") {
		t.Errorf("export asked for %q", b)
	}
}
