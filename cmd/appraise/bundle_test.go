package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

func TestBundleTravelsBetweenLibraries(t *testing.T) {
	lead, id, pdfPath := exportFixture(t) // Ann and Ben annotated one paper
	demo := strings.TrimSpace(mustCLIWith(t, lead, "import", demoPDF))
	mustCLIWith(t, lead, "annotate", "--paper", demo, "--quote", "postpartum", "--occurrence", "1", "--tag", "population", "--author", "Ann")
	bundle := filepath.Join(t.TempDir(), "club.jsonld")
	out := mustCLIWith(t, lead, "export", "--all", "-o", bundle)
	if !strings.Contains(out, "wrote "+bundle) {
		t.Fatalf("export --all printed %q", out)
	}

	member := filepath.Join(t.TempDir(), "member.db")
	cli := func(args ...string) (int, string, string) {
		return runCLI(t, append([]string{"--db", member}, args...)...)
	}
	code, out, errOut := cli("import", bundle)
	if code != 0 {
		t.Fatalf("import bundle: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Imported 2 papers: 3 new, 0 updated, 0 unchanged", "PDF missing: open the file to attach"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = cli("import", bundle)
	if code != 0 || !strings.Contains(out, "0 new, 0 updated, 3 unchanged") {
		t.Fatalf("the same bundle again: exit %d\n%s", code, out)
	}
	// Opening the PDF attaches the waiting annotations.
	if code, _, errOut := cli("import", pdfPath); code != 0 {
		t.Fatalf("import the PDF: exit %d: %s", code, errOut)
	}
	code, out, _ = cli("list", "annotations", "--paper", id)
	if code != 0 || !strings.Contains(out, "n = 212 and n = 198 women") {
		t.Fatalf("annotations after opening the PDF: exit %d\n%s", code, out)
	}
}

func TestImportOfABadBundleExitsThreeAndChangesNothing(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonld")
	if err := os.WriteFile(bad, []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 1, "first": {"type": "AnnotationPage", "items": [{"type": "Annotation", "id": "x"}]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cliLib(t, db, "import", bad)
	if code != 3 || !strings.Contains(errOut, "annotation 1") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out := mustCLI(t, db, "list", "papers"); !strings.Contains(out, "No papers yet") {
		t.Fatalf("a refused bundle left papers: %s", out)
	}
	// A PDF is still imported as a PDF.
	pdf, _ := testpdf.OneColumn()
	if code, _, errOut := cliLib(t, db, "import", writePDF(t, "paper.pdf", pdf)); code != 0 {
		t.Fatalf("import a PDF: exit %d: %s", code, errOut)
	}
}

// mustCLIWith runs a command through cli and fails the test unless it
// succeeds.
func mustCLIWith(t *testing.T, cli func(args ...string) (int, string, string), args ...string) string {
	t.Helper()
	code, out, errOut := cli(args...)
	if code != 0 {
		t.Fatalf("appraise %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}
