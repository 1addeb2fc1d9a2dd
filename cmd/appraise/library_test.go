package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/store"
)

// demoPDF is the bundled demo paper, a real PDF the real (isolated)
// extractor reads.
const demoPDF = "../../assets/demo.pdf"

// cliLib runs appraise against the library file db.
func cliLib(t testing.TB, db string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, append([]string{"--db", db}, args...)...)
}

// mustCLI runs a command that must succeed and returns its stdout.
func mustCLI(t testing.TB, db string, args ...string) string {
	t.Helper()
	code, out, errOut := cliLib(t, db, args...)
	if code != 0 {
		t.Fatalf("appraise %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	assertNoTrace(t, errOut)
	return out
}

func demoID(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(demoPDF)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func newDB(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "library.db")
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$`)

func TestImportPrintsThePaperID(t *testing.T) {
	db := newDB(t)
	out := mustCLI(t, db, "import", demoPDF)
	if out != demoID(t)+"\n" {
		t.Fatalf("import printed %q, want the SHA-256 of the PDF", out)
	}
	if again := mustCLI(t, db, "import", demoPDF); again != out {
		t.Errorf("importing again printed %q", again)
	}
	papers := mustCLI(t, db, "list", "papers")
	if !strings.Contains(papers, demoID(t)[:12]) || !strings.Contains(papers, "Dyadic interpersonal psychotherapy") {
		t.Errorf("list papers:\n%s", papers)
	}
}

func TestImportRejectsWhatIsNotAPDF(t *testing.T) {
	db := newDB(t)
	notPDF := filepath.Join(t.TempDir(), "notes.pdf")
	os.WriteFile(notPDF, []byte("just some text, not a PDF\n"), 0o600)
	code, out, errOut := cliLib(t, db, "import", notPDF)
	if code != exitTyped || out != "" || !strings.Contains(errOut, appraise.ErrNotPDF.Error()) {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 3 saying it is not a PDF", code, out, errOut)
	}
	if papers := mustCLI(t, db, "list", "papers", "--format", "json"); strings.TrimSpace(papers) != "[]" {
		t.Errorf("a paper was stored: %s", papers)
	}
	if code, _, _ := cliLib(t, db, "import"); code != exitUsage {
		t.Errorf("import without a file: exit %d, want 2", code)
	}
}

func TestAnnotateByQuoteAndList(t *testing.T) {
	db := newDB(t)
	// The PDF is imported on the way; the quote is typed with other line
	// breaks and spacing than the paper's text.
	quote := "Because the series is small,\nuncontrolled and   retrospective, it cannot establish efficacy"
	out := mustCLI(t, db, "annotate", "--paper", demoPDF, "--quote", quote, "--tag", "limitation", "--tag", "claim",
		"--note", "No comparator: improvement may be natural recovery.", "--author", "Dr M. Ostrowski")
	if !uuidRE.MatchString(out) {
		t.Fatalf("annotate printed %q, want one UUID", out)
	}
	id := strings.TrimSpace(out)

	list := mustCLI(t, db, "list", "annotations", "--paper", demoID(t)[:8])
	for _, want := range []string{id, "limitation, claim", "Dr M. Ostrowski", "No comparator: improvement may be natural recovery.",
		"“Because the series is small, uncontrolled and retrospective, it cannot establish efficacy”"} {
		if !strings.Contains(list, want) {
			t.Errorf("list annotations lacks %q:\n%s", want, list)
		}
	}
	var as []appraise.Annotation
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "annotations", "--paper", demoPDF, "--format", "json")), &as); err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].ID != id || as[0].Anchor.Exact != "Because the series is small, uncontrolled and retrospective, it cannot establish efficacy" ||
		as[0].Anchor.ExtractorVersion == "" || as[0].Anchor.Page < 1 {
		t.Errorf("stored annotation = %+v", as)
	}
	if only := mustCLI(t, db, "list", "annotations", "--paper", demoPDF, "--tag", "population"); strings.Contains(only, id) {
		t.Errorf("--tag population listed a limitation:\n%s", only)
	}
	// One annotation with two tags is one annotation.
	if papers := mustCLI(t, db, "list", "papers"); !strings.Contains(papers, "  1 (claim 1, limitation 1)  ") {
		t.Errorf("list papers does not count the two-tag annotation once:\n%s", papers)
	}
	var ps []appraise.PaperSummary
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "papers", "--format", "json")), &ps); err != nil || len(ps) != 1 || ps[0].Annotations != 1 {
		t.Errorf("list papers --format json = %+v (%v), want one paper with 1 annotation", ps, err)
	}
}

func TestAnnotateChoosesAmongRepeatedQuotes(t *testing.T) {
	db := newDB(t)
	mustCLI(t, db, "import", demoPDF)
	code, _, errOut := cliLib(t, db, "annotate", "--paper", demoPDF, "--quote", "postpartum depression", "--tag", "population")
	if code != exitTyped || !strings.Contains(errOut, "occurs") || !strings.Contains(errOut, "choose") {
		t.Fatalf("ambiguous quote: exit %d, %q", code, errOut)
	}
	out := mustCLI(t, db, "annotate", "--paper", demoPDF, "--quote", "postpartum depression", "--occurrence", "2", "--tag", "population")
	var as []appraise.Annotation
	json.Unmarshal([]byte(mustCLI(t, db, "list", "annotations", "--paper", demoPDF, "--format", "json")), &as)
	if len(as) != 1 || as[0].ID != strings.TrimSpace(out) || !strings.Contains(as[0].Anchor.Prefix, "moderate") {
		t.Errorf("occurrence 2 gave %+v", as)
	}
}

func TestAnnotateBadInputIsAClearErrorAndWritesNothing(t *testing.T) {
	db := newDB(t)
	mustCLI(t, db, "import", demoPDF)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"quote not in the paper", []string{"--quote", "a placebo-controlled crossover", "--tag", "claim"}, exitTyped, "does not occur"},
		{"empty quote", []string{"--quote", "  ", "--tag", "claim"}, exitTyped, "empty"},
		{"unknown tag", []string{"--quote", "three women", "--tag", "bias"}, exitTyped, `no tag "bias"`},
		{"invalid tag name", []string{"--quote", "three women", "--tag", "Bias!"}, exitTyped, "invalid tag"},
		{"occurrence past the last", []string{"--quote", "Because the series is small", "--occurrence", "2", "--tag", "claim"}, exitTyped, "no occurrence 2"},
		{"no tag", []string{"--quote", "three women"}, exitUsage, "--tag"},
		{"no quote", []string{"--tag", "claim"}, exitUsage, "--quote is required"},
		{"unknown paper id", []string{"--quote", "three women", "--tag", "claim", "--paper", "0123456789"}, exitTyped, "no paper id starts with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"annotate", "--paper", demoPDF}, tt.args...)
			code, out, errOut := cliLib(t, db, args...)
			if code != tt.code || out != "" || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d mentioning %q", code, out, errOut, tt.code, tt.want)
			}
			assertNoTrace(t, errOut)
		})
	}
	if list := mustCLI(t, db, "list", "annotations", "--paper", demoPDF); !strings.Contains(list, "No annotations.") {
		t.Errorf("bad input wrote something:\n%s", list)
	}
}

func TestTagsCommands(t *testing.T) {
	db := newDB(t)
	list := mustCLI(t, db, "tags")
	for _, want := range []string{"population", "claim", "limitation", "#e67e22", "What it cannot show"} {
		if !strings.Contains(list, want) {
			t.Errorf("tags lacks %q:\n%s", want, list)
		}
	}
	if out := mustCLI(t, db, "tags", "add", "bias", "--color", "#aa0000", "--key", "b", "--description", "Systematic error"); !strings.Contains(out, "added bias") {
		t.Errorf("tags add: %q", out)
	}
	mustCLI(t, db, "annotate", "--paper", demoPDF, "--quote", "three women aged 24–36 years", "--tag", "bias")
	mustCLI(t, db, "tags", "rename", "bias", "selection bias")
	if list := mustCLI(t, db, "list", "annotations", "--paper", demoPDF); !strings.Contains(list, "selection bias") {
		t.Errorf("annotation not renamed:\n%s", list)
	}
	mustCLI(t, db, "tags", "merge", "selection bias", "limitation")
	list = mustCLI(t, db, "tags", "list")
	if strings.Contains(list, "bias") {
		t.Errorf("merged tag still listed:\n%s", list)
	}
	var tags []appraise.Tag
	json.Unmarshal([]byte(mustCLI(t, db, "tags", "list", "--format", "json")), &tags)
	if len(tags) != 3 {
		t.Errorf("json tags = %+v", tags)
	}
	for _, bad := range []struct {
		args []string
		code int
	}{
		{[]string{"tags", "add", "Bad Name"}, exitTyped},
		{[]string{"tags", "add", "claim"}, exitTyped},
		{[]string{"tags", "rename", "claim", "assertion"}, exitTyped},
		{[]string{"tags", "rename", "nope", "other"}, exitTyped},
		{[]string{"tags", "add"}, exitUsage},
		{[]string{"tags", "frobnicate"}, exitUsage},
	} {
		if code, _, errOut := cliLib(t, db, bad.args...); code != bad.code {
			t.Errorf("%v: exit %d (%s), want %d", bad.args, code, errOut, bad.code)
		}
	}
}

func TestAForeignDBFileIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "notes.txt")
	content := []byte("my shopping list\n")
	os.WriteFile(db, content, 0o600)
	for _, args := range [][]string{{"list", "papers"}, {"import", demoPDF}, {"tags", "add", "bias"}} {
		code, out, errOut := cliLib(t, db, args...)
		if code == 0 || out != "" || !strings.Contains(errOut, appraise.ErrLibraryDamaged.Error()) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		assertNoTrace(t, errOut)
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, content) {
		t.Errorf("the file was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files appeared beside it: %v", entries)
	}
}

func TestASecondAppraiseGetsOneClearSentence(t *testing.T) {
	db := newDB(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, _, errOut := cliLib(t, db, "list", "papers")
	if code != exitError || errOut != "appraise: open library "+db+": Appraise is already open with this library\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestListUsage(t *testing.T) {
	db := newDB(t)
	if out := mustCLI(t, db, "list", "papers"); !strings.Contains(out, "No papers yet") {
		t.Errorf("empty library: %q", out)
	}
	for _, args := range [][]string{{"list"}, {"list", "things"}, {"list", "annotations"}, {"list", "papers", "--format", "xml"}} {
		if code, _, _ := cliLib(t, db, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errOut := cliLib(t, db, "list", "annotations", "--paper", "0123456789abcdef"); code != exitTyped {
		t.Errorf("unknown paper: exit %d (%s), want 3", code, errOut)
	}
}

func TestAFailedBackupIsToldButTheCommandSucceeds(t *testing.T) {
	dir := t.TempDir()
	// A file where the backup folder should be: no backup can be written.
	if err := os.WriteFile(filepath.Join(dir, "backups"), []byte("in the way\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cliLib(t, filepath.Join(dir, "library.db"), "tags", "add", "bias")
	if code != 0 || !strings.Contains(out, "added bias") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want the tag added", code, out, errOut)
	}
	if !strings.Contains(errOut, "appraise: Appraise could not back up your library: ") {
		t.Errorf("stderr %q does not tell that the backup failed", errOut)
	}
	assertNoTrace(t, errOut)
}
