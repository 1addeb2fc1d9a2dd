package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// appraisalCLI is the demo paper imported, with a population, a claim and
// two limitations annotated through the CLI.
type appraisalCLI struct {
	db, paper, pop, claim, lim1, lim2 string
}

func newAppraisalCLI(t *testing.T) appraisalCLI {
	t.Helper()
	c := appraisalCLI{db: newDB(t)}
	c.paper = strings.TrimSpace(mustCLI(t, c.db, "import", demoPDF))
	ann := func(quote, tag string) string {
		return strings.TrimSpace(mustCLI(t, c.db, "annotate", "--paper", c.paper, "--quote", quote, "--tag", tag))
	}
	c.pop = ann("We describe three women aged 24–36 years", "population")
	c.claim = ann("a brief dyadic format is feasible and acceptable in routine care", "claim")
	c.lim1 = ann("it cannot establish efficacy", "limitation")
	c.lim2 = ann("Data were obtained by retrospective review of the clinical records", "limitation")
	return c
}

func TestCardSetsTheDesignAndProposesTheLevel(t *testing.T) {
	c := newAppraisalCLI(t)
	out := mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series", "--timing", "retrospective",
		"--sample", "n = 3", "--setting", "hospital outpatient clinic", "--bottom-line", "Feasible, not proven.")
	for _, want := range []string{"Design:       case series", "Sample:       n = 3", "Level 4", "proposed from the design", "JBI checklist for case series"} {
		if !strings.Contains(out, want) {
			t.Errorf("card output lacks %q:\n%s", want, out)
		}
	}
	out = mustCLI(t, c.db, "card", "--paper", c.paper, "--level", "5", "--level-reason", "Only three patients")
	if !strings.Contains(out, "Level 5") || !strings.Contains(out, "proposed: 4") || !strings.Contains(out, "Only three patients") ||
		!strings.Contains(out, "Feasible, not proven.") {
		t.Errorf("after the override:\n%s", out)
	}
}

func TestChecklistAnswersAndShowsJSON(t *testing.T) {
	c := newAppraisalCLI(t)
	mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series")
	out := mustCLI(t, c.db, "checklist", "--paper", c.paper, "--item", "4", "--answer", "No", "--not-reported",
		"--evidence", c.lim2, "--comment", "Selection of the three is not described")
	if !strings.Contains(out, "4. [no]") || !strings.Contains(out, "not reported in the paper") || !strings.Contains(out, c.lim2) {
		t.Errorf("answer output:\n%s", out)
	}
	// A second call adds evidence and keeps the rest.
	mustCLI(t, c.db, "checklist", "--paper", c.paper, "--item", "4", "--evidence", c.pop)
	var got struct {
		Instrument string `json:"instrument"`
		Items      []struct {
			Number      int      `json:"number"`
			Answer      string   `json:"answer"`
			NotReported bool     `json:"not_reported"`
			Evidence    []string `json:"evidence"`
		} `json:"items"`
	}
	js := mustCLI(t, c.db, "checklist", "--paper", c.paper, "--format", "json")
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	if got.Instrument != "jbi-case-series" || len(got.Items) != 10 {
		t.Fatalf("json = %+v", got)
	}
	it := got.Items[3]
	if it.Number != 4 || it.Answer != "no" || !it.NotReported || strings.Join(it.Evidence, ",") != c.lim2+","+c.pop {
		t.Errorf("item 4 = %+v", it)
	}
	if got.Items[0].Evidence == nil || got.Items[0].NotReported {
		t.Errorf("an unanswered item should list empty evidence: %+v", got.Items[0])
	}
	text := mustCLI(t, c.db, "checklist", "--paper", c.paper)
	if !strings.Contains(text, "Source: Munn Z") || !strings.Contains(text, " 1. [—]") {
		t.Errorf("text checklist:\n%s", text)
	}
	// Switching instrument keeps the JBI answers for later.
	mustCLI(t, c.db, "checklist", "--paper", c.paper, "--instrument", "casp-cohort", "--item", "1", "--answer", "cant tell")
	back := mustCLI(t, c.db, "checklist", "--paper", c.paper, "--instrument", "jbi-case-series")
	if !strings.Contains(back, "4. [no]") {
		t.Errorf("JBI answers lost after switching:\n%s", back)
	}
}

func TestDeletedEvidenceIsReportedByTheChecklist(t *testing.T) {
	c := newAppraisalCLI(t)
	mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series")
	mustCLI(t, c.db, "checklist", "--paper", c.paper, "--item", "2", "--answer", "yes", "--evidence", c.pop)
	lib, closeFn, err := openLibrary(&env{dbPath: c.db, getenv: os.Getenv, stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteAnnotation(c.pop); err != nil {
		t.Fatal(err)
	}
	closeFn()
	out := mustCLI(t, c.db, "checklist", "--paper", c.paper)
	if !strings.Contains(out, "evidence "+c.pop+": deleted") {
		t.Errorf("deleted evidence not reported:\n%s", out)
	}
}

func TestGradeRatesDomainsAndComputesTheCertainty(t *testing.T) {
	c := newAppraisalCLI(t)
	mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series")
	var got struct {
		Start   string `json:"start"`
		Domains []struct {
			Domain  string   `json:"domain"`
			Level   string   `json:"level"`
			Reasons []string `json:"reasons"`
		} `json:"domains"`
		Certainty string `json:"certainty"`
	}
	js := mustCLI(t, c.db, "grade", "--claim", c.claim, "--format", "json")
	json.Unmarshal([]byte(js), &got)
	if got.Start != "low" || got.Certainty != "low" || len(got.Domains) != 8 {
		t.Fatalf("before rating: %s", js)
	}
	js = mustCLI(t, c.db, "grade", "--claim", c.claim, "--domain", "risk-of-bias=serious", "--reason", c.lim2, "--format", "json")
	json.Unmarshal([]byte(js), &got)
	if got.Certainty != "very low" || got.Domains[0].Level != "serious" || strings.Join(got.Domains[0].Reasons, ",") != c.lim2 {
		t.Errorf("after serious risk of bias: %s", js)
	}
	out := mustCLI(t, c.db, "grade", "--claim", c.claim, "--domain", "risk-of-bias=none", "--domain", "large-effect=+1")
	if !strings.Contains(out, "Certainty: moderate") || !strings.Contains(out, "Large effect") {
		t.Errorf("after +1:\n%s", out)
	}
}

func TestLinkCommand(t *testing.T) {
	c := newAppraisalCLI(t)
	out := mustCLI(t, c.db, "link", "--from", c.lim1, "--to", c.claim, "--type", "limits")
	if out != "linked: "+c.lim1+" limits "+c.claim+"\n" {
		t.Errorf("link output %q", out)
	}
	out = mustCLI(t, c.db, "link", "--from", c.lim1, "--to", c.claim, "--type", "limits", "--remove")
	if !strings.HasPrefix(out, "removed:") {
		t.Errorf("unlink output %q", out)
	}
}

func TestChecklistImportCommand(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "club.toml")
	os.WriteFile(good, []byte("id = \"club\"\nname = \"Club check\"\nfamily = \"casp\"\n[[items]]\ntext = \"Would we change practice?\"\n"), 0o600)
	if out := mustCLI(t, db, "checklist", "import", good); out != "imported club: Club check, 1 items\n" {
		t.Errorf("import output %q", out)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"id\": \"club2\",\n  \"name\": \"C\",\n  \"family\": \"casp\",\n  \"items\": [{\"hint\": \"x\"}]\n}"), 0o600)
	code, out, errOut := cliLib(t, db, "checklist", "import", bad)
	if code != exitTyped || out != "" || !strings.Contains(errOut, "bad.json line 5, field items[1].text") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("bad import: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestAppraisalBadInputExitsThreeAndWritesNothing(t *testing.T) {
	c := newAppraisalCLI(t)
	mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series")
	other := strings.TrimSpace(mustCLI(t, c.db, "annotate", "--paper", c.paper, "--quote", "three women aged", "--tag", "claim"))
	_ = other
	before := mustCLI(t, c.db, "checklist", "--paper", c.paper, "--format", "json")
	beforeGrade := mustCLI(t, c.db, "grade", "--claim", c.claim, "--format", "json")
	beforeCard := mustCLI(t, c.db, "card", "--paper", c.paper)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown instrument", []string{"checklist", "--paper", c.paper, "--instrument", "amstar"}, `no checklist "amstar"`},
		{"unknown item", []string{"checklist", "--paper", c.paper, "--item", "11", "--answer", "yes"}, "no item 11"},
		{"unknown answer", []string{"checklist", "--paper", c.paper, "--item", "1", "--answer", "maybe"}, `"maybe" is not an answer`},
		{"unknown evidence", []string{"checklist", "--paper", c.paper, "--item", "1", "--answer", "yes", "--evidence", "nope"}, "annotation nope"},
		{"unknown domain", []string{"grade", "--claim", c.claim, "--domain", "luck=serious"}, "not a GRADE domain"},
		{"unknown domain level", []string{"grade", "--claim", c.claim, "--domain", "imprecision=grave"}, "not a level of imprecision"},
		{"valid then invalid domain", []string{"grade", "--claim", c.claim, "--domain", "imprecision=serious", "--domain", "inconsistency=+1"}, "not a level of inconsistency"},
		{"unknown reason", []string{"grade", "--claim", c.claim, "--domain", "imprecision=serious", "--reason", "nope"}, "annotation nope"},
		{"grading a limitation", []string{"grade", "--claim", c.lim1}, "not tagged claim"},
		{"unknown claim", []string{"grade", "--claim", "nope"}, "not found"},
		{"unknown link type", []string{"link", "--from", c.lim1, "--to", c.claim, "--type", "causes"}, "not limits or about"},
		{"link to itself", []string{"link", "--from", c.lim1, "--to", c.lim1, "--type", "limits"}, "itself"},
		{"unknown design", []string{"card", "--paper", c.paper, "--design", "anecdote", "--sample", "n = 9"}, `design "anecdote"`},
		{"level without reason", []string{"card", "--paper", c.paper, "--sample", "n = 9", "--level", "3"}, "needs --level-reason"},
		{"level out of range", []string{"card", "--paper", c.paper, "--level", "7", "--level-reason", "x"}, "not 1–5"},
		{"missing checklist file", []string{"checklist", "import", filepath.Join(t.TempDir(), "none.toml")}, "cannot read none.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := cliLib(t, c.db, tt.args...)
			if code != exitTyped || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 3 and one line with %q", code, out, errOut, tt.want)
			}
		})
	}
	if after := mustCLI(t, c.db, "checklist", "--paper", c.paper, "--format", "json"); after != before {
		t.Errorf("bad input changed the checklist:\n%s", after)
	}
	if after := mustCLI(t, c.db, "grade", "--claim", c.claim, "--format", "json"); after != beforeGrade {
		t.Errorf("bad input changed the certainty:\n%s", after)
	}
	if after := mustCLI(t, c.db, "card", "--paper", c.paper); after != beforeCard {
		t.Errorf("bad input changed the card:\n%s", after)
	}
}

func TestLinkToAnotherPapersAnnotationIsRefused(t *testing.T) {
	c := newAppraisalCLI(t)
	// A second paper: a copy of the demo with one byte more is another PDF.
	data, err := os.ReadFile(demoPDF)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "copy.pdf")
	os.WriteFile(second, append(data, '\n'), 0o600)
	otherAnn := strings.TrimSpace(mustCLI(t, c.db, "annotate", "--paper", second, "--quote", "it cannot establish efficacy", "--tag", "limitation"))
	code, out, errOut := cliLib(t, c.db, "link", "--from", otherAnn, "--to", c.claim, "--type", "limits")
	if code != exitTyped || out != "" || !strings.Contains(errOut, "different papers") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestExportCarriesTheAppraisal(t *testing.T) {
	c := newAppraisalCLI(t)
	code, _, errOut := cliLib(t, c.db, "export", "--paper", c.paper, "--format", "csv", "--what", "checklist")
	if code != exitTyped || !strings.Contains(errOut, "no checklist yet") {
		t.Errorf("checklist CSV of an unappraised paper: exit %d, %q", code, errOut)
	}
	if html := mustCLI(t, c.db, "export", "--paper", c.paper, "--format", "html"); strings.Contains(html, "Checklist:") {
		t.Error("the handout of a paper with no design shows a checklist")
	}
	mustCLI(t, c.db, "card", "--paper", c.paper, "--design", "case series", "--bottom-line", "Feasible, not proven.")
	mustCLI(t, c.db, "checklist", "--paper", c.paper, "--item", "4", "--answer", "no", "--not-reported", "--comment", "=HYPERLINK(\"x\")")
	mustCLI(t, c.db, "grade", "--claim", c.claim, "--domain", "risk-of-bias=serious", "--reason", c.lim2)
	mustCLI(t, c.db, "link", "--from", c.lim1, "--to", c.claim, "--type", "limits")
	html := mustCLI(t, c.db, "export", "--paper", c.paper, "--format", "html")
	for _, want := range []string{"Checklist: <bdi>JBI checklist for case series</bdi>", "Not reported in the paper",
		"certainty <span class=\"cert c-verylow\">very low</span>", "Data were obtained by retrospective review", "Level 4"} {
		if !strings.Contains(html, want) {
			t.Errorf("handout lacks %q", want)
		}
	}
	csv := mustCLI(t, c.db, "export", "--paper", c.paper, "--format", "csv", "--what", "checklist")
	if lines := strings.Split(strings.TrimSpace(csv), "\r\n"); len(lines) != 11 || !strings.Contains(lines[4], `'=HYPERLINK`) {
		t.Errorf("checklist CSV:\n%s", csv)
	}
	code, _, errOut = cliLib(t, c.db, "export", "--paper", c.paper, "--format", "md", "--what", "checklist")
	if code != exitUsage {
		t.Errorf("--what checklist with md: exit %d %q", code, errOut)
	}
}
