package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestSearchFindsTheFullTextWithPagesAndSaysWhenNothingMatches(t *testing.T) {
	db := newDB(t)
	mustCLI(t, db, "import", demoPDF)
	id := demoID(t)

	out := mustCLI(t, db, "search", "chart", "review")
	if !strings.Contains(out, id[:12]+"  text, p. ") || !strings.Contains(out, "retrospective chart review") {
		t.Errorf("search chart review:\n%s", out)
	}

	var hits []appraise.SearchHit
	if err := json.Unmarshal([]byte(mustCLI(t, db, "search", "postnatal", "--format", "json")), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Field != "text" || hits[0].Page < 1 || hits[0].Matches != 8 || hits[0].End <= hits[0].Start {
		t.Errorf("json hits = %+v; want text hits with a page, a span and 8 matches", hits)
	}

	for _, args := range [][]string{{"search", "zebrafish"}, {"search", "postnatal", "--paper", id[:8] + "0"}} {
		code, out, errOut := cliLib(t, db, args...)
		if strings.Contains(strings.Join(args, " "), "--paper") {
			if code != exitTyped {
				t.Errorf("%v: exit %d, want %d for an unknown paper (%s)", args, code, exitTyped, errOut)
			}
			continue
		}
		if code != 0 || out != "No matches for “zebrafish”.\n" {
			t.Errorf("%v: exit %d, stdout %q; want exit 0 and No matches", args, code, out)
		}
	}
	if out := mustCLI(t, db, "search", "zebrafish", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("json with no match = %q, want []", out)
	}
	if code, _, _ := cliLib(t, db, "search"); code != exitUsage {
		t.Errorf("search with no words: exit %d, want %d", code, exitUsage)
	}
}

func TestRemoveMovesThePaperToTheTrashAndRestoreUndoesIt(t *testing.T) {
	db := newDB(t)
	pdf := filepath.Join(t.TempDir(), "paper.pdf")
	data, err := os.ReadFile(demoPDF)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(pdf, data, 0o600)
	mustCLI(t, db, "import", pdf)
	mustCLI(t, db, "annotate", "--paper", pdf, "--quote", "Data were obtained by retrospective review of the clinical records", "--tag", "limitation")
	ann := strings.TrimSpace(mustCLI(t, db, "annotate", "--paper", pdf, "--quote", "Three women aged 24–36 years were included", "--tag", "population"))
	id := demoID(t)

	out := mustCLI(t, db, "remove", "--paper", id[:10])
	if !strings.Contains(out, "and 2 annotations to the trash") || !strings.Contains(out, "appraise trash restore "+id[:12]) {
		t.Errorf("remove printed %q", out)
	}
	if after, err := os.ReadFile(pdf); err != nil || string(after) != string(data) {
		t.Errorf("the PDF file was touched: %v", err)
	}
	if papers := mustCLI(t, db, "list", "papers", "--format", "json"); strings.TrimSpace(papers) != "[]" {
		t.Errorf("removed paper still listed: %s", papers)
	}
	if out := mustCLI(t, db, "search", "chart"); !strings.HasPrefix(out, "No matches") {
		t.Errorf("removed paper still found:\n%s", out)
	}
	list := mustCLI(t, db, "trash")
	if !strings.Contains(list, id[:12]) || !strings.Contains(list, "with 2 annotations") {
		t.Errorf("trash list:\n%s", list)
	}

	mustCLI(t, db, "trash", "restore", id[:12])
	if as := mustCLI(t, db, "list", "annotations", "--paper", id, "--format", "json"); strings.Count(as, `"id"`) != 2 {
		t.Errorf("after restore, annotations = %s", as)
	}

	mustCLI(t, db, "remove", "--paper", id)
	if out := mustCLI(t, db, "trash", "empty"); out != "Emptied the trash: 1 paper and 0 annotations deleted for good.\n" {
		t.Errorf("empty printed %q", out)
	}
	if out := mustCLI(t, db, "trash", "list"); out != "The trash is empty.\n" {
		t.Errorf("after emptying: %q", out)
	}
	if code, _, errOut := cliLib(t, db, "trash", "restore", ann); code != exitTyped || !strings.Contains(errOut, "nothing in the trash") {
		t.Errorf("restoring what was emptied: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("emptying the trash touched the PDF: %v", err)
	}
}

func TestCommandsThatOnlyReadAPDFNeverCreateTheLibraryFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Setenv("APPRAISE_DB", "")
	for _, args := range [][]string{{"extract", demoPDF}, {"version"}, {"help"}, {"help", "search"}} {
		if code, _, errOut := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("read-only commands created %v in the home folder", entries)
	}
}

func TestImportingARemovedPaperAgainBringsItBackWithItsAnnotations(t *testing.T) {
	db := newDB(t)
	mustCLI(t, db, "import", demoPDF)
	mustCLI(t, db, "annotate", "--paper", demoPDF, "--quote", "Data were obtained by retrospective review of the clinical records", "--tag", "limitation")
	mustCLI(t, db, "remove", "--paper", demoPDF)
	mustCLI(t, db, "import", demoPDF)
	if as := mustCLI(t, db, "list", "annotations", "--paper", demoPDF, "--format", "json"); strings.Count(as, `"id"`) != 1 {
		t.Errorf("annotations after importing again: %s", as)
	}
	if out := mustCLI(t, db, "trash"); out != "The trash is empty.\n" {
		t.Errorf("trash after importing again:\n%s", out)
	}
}

func TestSearchIndexesALibraryFromBeforeTheIndexOnce(t *testing.T) {
	db := newDB(t)
	data, err := os.ReadFile("../../store/testdata/schema-1.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cliLib(t, db, "search", "placebo")
	if code != 0 || !strings.Contains(errOut, "indexing the text of 1 paper for search") || !strings.Contains(out, "text, p. 1") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if _, _, errOut := cliLib(t, db, "search", "placebo"); strings.Contains(errOut, "indexing") {
		t.Errorf("indexed again: %s", errOut)
	}
}
