package demopaper

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"appraise.app/appraise/internal/textmetrics"
)

// generated runs the generator once for a test.
func generated(tb testing.TB) (pdf []byte, truth string, rep report) {
	tb.Helper()
	pdf, truth, rep, err := generate()
	if err != nil {
		tb.Fatalf("generate: %v", err)
	}
	return pdf, truth, rep
}

func blocks(truth string) []string { return strings.Split(strings.TrimSuffix(truth, "\n"), "\n\n") }

func TestGenerateGivesTheSameBytesEveryTime(t *testing.T) {
	pdf1, truth1, _ := generated(t)
	pdf2, truth2, _ := generated(t)
	if !bytes.Equal(pdf1, pdf2) {
		t.Errorf("two runs gave different PDFs (%d and %d bytes)", len(pdf1), len(pdf2))
	}
	if truth1 != truth2 {
		t.Error("two runs gave different truth texts")
	}
}

// TestGeneratedPaper typesets the paper once and checks it from every side.
func TestGeneratedPaper(t *testing.T) {
	pdf, truth, rep := generated(t)
	for _, c := range []struct {
		name  string
		check func(*testing.T, []byte, string, report)
	}{
		{"CommittedDemoIsUpToDate", checkCommittedDemoIsUpToDate},
		{"PaperIsAFourToSixPageArticle", checkPaperIsAFourToSixPageArticle},
		{"LayoutExercisesWhatExtractionMustJoin", checkLayoutExercisesWhatExtractionMustJoin},
		{"TruthHasHeadingsAsBlocksAndNoRunningHeads", checkTruthHasHeadingsAsBlocksAndNoRunningHeads},
		{"TruthWritesSuperscriptMarkersInBrackets", checkTruthWritesSuperscriptMarkersInBrackets},
		{"PaperOffersPassagesForEachBuiltInTag", checkPaperOffersPassagesForEachBuiltInTag},
		{"TableAndCaptionsAreInTheStatedOrder", checkTableAndCaptionsAreInTheStatedOrder},
		{"PopplerReadsTheDemoLikeTheTruth", checkPopplerReadsTheDemoLikeTheTruth},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, pdf, truth, rep) })
	}
}

// checkCommittedDemoIsUpToDate is CI's check that assets/demo.pdf and
// assets/demo.truth.txt are what the generator makes now.
func checkCommittedDemoIsUpToDate(t *testing.T, pdf []byte, truth string, rep report) {
	fresh := map[string][]byte{"demo.pdf": pdf, "demo.truth.txt": []byte(truth)}
	for name, regenerated := range fresh {
		committed, err := os.ReadFile(filepath.Join("..", "..", "assets", name))
		if err != nil {
			t.Fatalf("read committed %s: %v (run: go generate ./assets)", name, err)
		}
		if !bytes.Equal(regenerated, committed) {
			t.Errorf("assets/%s is out of date (%d bytes committed, %d generated): run go generate ./assets and commit",
				name, len(committed), len(regenerated))
		}
	}
}

func checkPaperIsAFourToSixPageArticle(t *testing.T, pdf []byte, truth string, rep report) {
	if rep.Pages < 4 || rep.Pages > 6 {
		t.Errorf("paper has %d pages, want 4–6", rep.Pages)
	}
	if n := len(strings.Fields(truth)); n < 2000 || n > 3000 {
		t.Errorf("truth has %d words, want 2,000–3,000", n)
	}
}

func checkLayoutExercisesWhatExtractionMustJoin(t *testing.T, pdf []byte, truth string, rep report) {
	if len(rep.ColumnBreaks) == 0 {
		t.Error("no paragraph continues from the left column to the right one")
	}
	if len(rep.PageBreaks) == 0 {
		t.Error("no paragraph continues across a page break")
	}
	if len(rep.SoftHyphens) == 0 {
		t.Error("no word is hyphenated at a line end")
	}
	if len(rep.HardHyphens) == 0 {
		t.Error("no compound's own hyphen falls at a line end")
	}
	words := strings.Fields(truth)
	for _, w := range rep.SoftHyphens {
		// The truth has the word whole, without the hyphen the typesetter added.
		if !slices.ContainsFunc(words, func(t string) bool { return strings.Contains(t, w) }) {
			t.Errorf("hyphenated word %q is not whole in the truth", w)
		}
	}
	for _, w := range rep.HardHyphens {
		if !strings.Contains(w, "-") || !strings.Contains(truth, w) {
			t.Errorf("compound %q broken at its hyphen is not kept with its hyphen in the truth", w)
		}
	}
}

func checkTruthHasHeadingsAsBlocksAndNoRunningHeads(t *testing.T, pdf []byte, truth string, rep report) {
	bs := blocks(truth)
	want := []string{"Abstract", "Introduction", "Methods", "Results", "Discussion", "Limitations", "Conclusion", "References"}
	at := -1
	for _, h := range want {
		i := slices.Index(bs, h)
		if i < 0 {
			t.Errorf("heading %q is not a block of its own", h)
			continue
		}
		if i < at {
			t.Errorf("heading %q comes before the previous heading", h)
		}
		at = i
	}
	for _, noise := range []string{journalName, journalIssue, journalDOI} {
		if strings.Contains(truth, noise) {
			t.Errorf("truth contains running header/footer text %q", noise)
		}
	}
	for _, b := range bs {
		if _, err := strconv.Atoi(b); err == nil {
			t.Errorf("truth has a bare number block %q (a page number?)", b)
		}
		table := strings.Contains(b, "\t") // a table block: rows by newlines, cells by tabs
		if strings.ContainsRune(b, '\n') && !table || strings.Contains(b, "  ") || strings.ContainsRune(b, '\u00ad') {
			t.Errorf("block has a line break, double space or soft hyphen: %q", b)
		}
	}
	if !strings.HasSuffix(truth, "\n") || strings.HasSuffix(truth, "\n\n") {
		t.Error("truth must end with exactly one newline")
	}
}

func checkTruthWritesSuperscriptMarkersInBrackets(t *testing.T, pdf []byte, truth string, rep report) {
	for _, want := range []string{
		"Maren K. Ostrowski [1], Tobias Lindqvist-Achebe [1,2],",
		"where social support is thin [1,2]. Untreated",
		"within a larger cohort [5–7].",
		"[1] Department of Perinatal Psychiatry",
	} {
		if !strings.Contains(truth, want) {
			t.Errorf("truth lacks %q", want)
		}
	}
}

func checkPaperOffersPassagesForEachBuiltInTag(t *testing.T, pdf []byte, truth string, rep report) {
	for tag, phrases := range map[string][]string{
		"population": {"Three women aged 24–36 years were included.", "The inclusion criteria were",
			"serves a mixed urban and rural population"},
		"claim": {"All three patients showed a reduction of at least 50%", "These findings suggest"},
		"limitation": {"The sample is very small", "There was no control group", "retrospective chart review",
			"Selection bias is likely", "The ratings were not blinded", "the follow-up was short"},
	} {
		for _, p := range phrases {
			if !strings.Contains(truth, p) {
				t.Errorf("no %s passage %q in the paper", tag, p)
			}
		}
	}
}

func checkTableAndCaptionsAreInTheStatedOrder(t *testing.T, pdf []byte, truth string, rep report) {
	bs := blocks(truth)
	i := slices.IndexFunc(bs, func(b string) bool { return strings.HasPrefix(b, "Table 1.") })
	if i < 0 || i+2 >= len(bs) {
		t.Fatal("no table caption block")
	}
	if !strings.HasPrefix(bs[i+1], "Characteristic\tPatient A\tPatient B\tPatient C\nAge, years\t29\t36\t24\nParity") {
		t.Errorf("block after the caption is not the table row by row: %q", bs[i+1])
	}
	if !strings.HasPrefix(bs[i+2], "EPDS, Edinburgh Postnatal Depression Scale") {
		t.Errorf("block after the table is not its note: %q", bs[i+2])
	}
	if !slices.ContainsFunc(bs, func(b string) bool { return strings.HasPrefix(b, "Figure 1. EPDS score") }) {
		t.Error("no figure caption block")
	}
}

// checkPopplerReadsTheDemoLikeTheTruth cross-checks the PDF with poppler's
// pdftotext: the fonts decode (ToUnicode works) and the words agree, up to
// what pdftotext itself does differently (it glues superscripts to the word
// before and removes every hyphen at a line end).
func checkPopplerReadsTheDemoLikeTheTruth(t *testing.T, pdf []byte, truth string, rep report) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; skipping the cross-check with poppler")
	}
	in := filepath.Join(t.TempDir(), "demo.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-q", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if got := strings.Count(string(out), "\f"); got != rep.Pages {
		t.Errorf("pdftotext saw %d pages, want %d", got, rep.Pages)
	}
	var kept []string
	for _, ln := range strings.Split(string(out), "\n") {
		ln = strings.Trim(ln, "\f ")
		if _, err := strconv.Atoi(ln); err == nil || ln == journalName || ln == journalIssue || ln == journalDOI {
			continue // running head, foot and page numbers: not in the truth
		}
		kept = append(kept, ln)
	}
	s := textmetrics.Compare(strings.Join(kept, "\n"), truth)
	t.Logf("pdftotext vs truth: %d/%d words, recall %.3f, precision %.3f, reading order %.3f",
		s.GotWords, s.RefWords, s.Recall, s.Precision, s.ReadingOrder)
	if s.Recall < 0.95 || s.Precision < 0.95 || s.ReadingOrder < 0.90 {
		t.Errorf("pdftotext disagrees with the truth more than its known quirks explain: %+v", s)
	}
}
