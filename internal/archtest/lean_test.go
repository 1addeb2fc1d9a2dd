package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// TestExtractionProcessStaysLean keeps cmd/appraise-extract, the process
// started once per PDF, free of what makes the app slow to start: the
// GUI toolkit, the spreadsheet writer, the page renderer and the database.
func TestExtractionProcessStaysLean(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	cmd := exec.Command(gobin, "list", "-deps", "./cmd/appraise-extract")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	heavy := []string{"fyne.io/", "github.com/xuri/excelize", "github.com/klippa-app/go-pdfium",
		"github.com/tetratelabs/wazero", "go.etcd.io/bbolt", module + "/ui", module + "/store", module + "/internal/library"}
	for _, dep := range strings.Fields(string(out)) {
		for _, h := range heavy {
			if strings.HasPrefix(dep, h) {
				t.Errorf("appraise-extract links %s", dep)
			}
		}
	}
}
