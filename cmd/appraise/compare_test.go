package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

func TestCompareCommand(t *testing.T) {
	cli, id, _ := exportFixture(t) // short quotes, under half a sentence: they do not count
	const methods = "We compared the twelve months before and after the change (n = 212 and n = 198 women) and recorded follow-up testing at 28 weeks."
	const result = "The proportion of women with a haemoglobin below 110 g/L at booking rose from 9% to 14%, which we attribute to earlier detection rather than to a change in the population."
	for _, args := range [][]string{
		{"--quote", methods, "--tag", "population", "--author", "Ann"},
		{"--quote", methods, "--tag", "population", "--author", "Ben"},
		{"--quote", result, "--tag", "limitation", "--author", "Ben", "--note", "\x1b[31mred\x1b[0m"},
	} {
		if code, _, errOut := cli(append([]string{"annotate", "--paper", id, "--occurrence", "1"}, args...)...); code != 0 {
			t.Fatalf("annotate %q: exit %d: %s", args, code, errOut)
		}
	}

	t.Run("json has the measures per tag and pooled", func(t *testing.T) {
		code, out, errOut := cli("compare", "--paper", id, "--key", "Ann", "--trainee", "ben", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var got struct {
			Tags    map[string]map[string]any `json:"tags"`
			Overall map[string]any            `json:"overall"`
			Review  []map[string]any          `json:"review"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		pop := got.Tags["population"]
		if pop["both"] != 1.0 || pop["key_only"] != 0.0 || pop["kappa"] != 1.0 || pop["recall"] != 1.0 {
			t.Errorf("population = %v", pop)
		}
		// Ann tagged no limitation; Ben did: kappa is defined (0) but recall is not.
		lim := got.Tags["limitation"]
		if lim["trainee_only"] != 1.0 || lim["recall"] != nil || lim["kappa"] == nil {
			t.Errorf("limitation = %v", lim)
		}
		for _, k := range []string{"kappa", "agreement", "precision", "recall", "both", "key_only", "trainee_only", "neither", "sentences"} {
			if _, ok := got.Overall[k]; !ok {
				t.Errorf("overall lacks %q", k)
			}
		}
		if len(got.Review) != 1 || got.Review[0]["kind"] != "extra" {
			t.Errorf("review = %v", got.Review)
		}
	})

	t.Run("text is a table and what to review, with notes made safe", func(t *testing.T) {
		code, out, errOut := cli("compare", "--paper", id, "--key", "Ben", "--trainee", "Ann")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, want := range []string{"Ann compared with Ben on", "AGREEMENT", "all tags", "To review (1):", "missed", `key's note: \x1b[31mred\x1b[0m`} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "\x1b") {
			t.Error("a raw escape character reached the terminal")
		}
	})

	t.Run("html feedback page to a file", func(t *testing.T) {
		path := t.TempDir() + "/feedback.html"
		if code, _, errOut := cli("compare", "--paper", id, "--key", "Ben", "--trainee", "Ann", "--format", "html", "-o", path); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})

	t.Run("the lead's handout by author shows both readings of a passage", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", id, "--format", "html", "--by-author")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, want := range []string{"readings side by side", "tagged by <span class=\"consensus\">2 of 2 members</span>", ">Ann</bdi>", ">Ben</bdi>"} {
			if !strings.Contains(out, want) {
				t.Errorf("handout lacks %q", want)
			}
		}
	})

	t.Run("an author with no annotations exits 3 naming who did", func(t *testing.T) {
		code, _, errOut := cli("compare", "--paper", id, "--key", "Lead", "--trainee", "Ann")
		if code != 3 || !strings.Contains(errOut, `"Lead" has no annotations`) || !strings.Contains(errOut, "Ann, Ben") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})

	t.Run("usage mistakes exit 2", func(t *testing.T) {
		for _, args := range [][]string{
			{"compare", "--paper", id, "--key", "Ann"},
			{"compare", "--paper", id, "--key", "Ann", "--trainee", "ann"},
			{"compare", "--paper", id, "--key", "Ann", "--trainee", "Ben", "--format", "pdf"},
		} {
			if code, _, _ := cli(args...); code != 2 {
				t.Errorf("%q: exit %d, want 2", args, code)
			}
		}
	})
}

// A lead's appraisal travels in the bundle; the trainee's comparison then
// measures the checklist answers too.
func TestCompareCommandMeasuresTheChecklist(t *testing.T) {
	pdf, _ := testpdf.OneColumn()
	pdfPath := writePDF(t, "anaemia.pdf", pdf)
	const methods = "We compared the twelve months before and after the change (n = 212 and n = 198 women) and recorded follow-up testing at 28 weeks."
	bundle := filepath.Join(t.TempDir(), "lead.jsonld")
	member := func(name string, answers [][]string) (func(args ...string) (int, string, string), string) {
		t.Setenv("APPRAISE_AUTHOR", name)
		db := filepath.Join(t.TempDir(), "library.db")
		cli := func(args ...string) (int, string, string) {
			t.Helper()
			return runCLI(t, append([]string{"--db", db}, args...)...)
		}
		code, out, errOut := cli("import", pdfPath)
		if code != 0 {
			t.Fatalf("import: exit %d: %s", code, errOut)
		}
		id := strings.TrimSpace(out)
		steps := [][]string{
			{"annotate", "--paper", id, "--occurrence", "1", "--quote", methods, "--tag", "population"},
			{"card", "--paper", id, "--design", "case series"},
		}
		for _, a := range answers {
			steps = append(steps, append([]string{"checklist", "--paper", id, "--item"}, a...))
		}
		for _, s := range steps {
			if code, _, errOut := cli(s...); code != 0 {
				t.Fatalf("%q: exit %d: %s", s, code, errOut)
			}
		}
		return cli, id
	}
	lead, id := member("Ann", [][]string{{"1", "--answer", "yes"}, {"2", "--answer", "no", "--comment", "not consecutive"}})
	if code, _, errOut := lead("export", "--paper", id, "--format", "jsonld", "-o", bundle); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	trainee, _ := member("Ben", [][]string{{"1", "--answer", "yes"}, {"2", "--answer", "yes"}})
	code, out, errOut := trainee("import", bundle)
	if code != 0 || !strings.Contains(out, "appraisals: 1 new, 0 updated, 0 unchanged") {
		t.Fatalf("import bundle: exit %d: %s%s", code, out, errOut)
	}
	code, out, errOut = trainee("compare", "--paper", id, "--key", "Ann", "--trainee", "Ben", "--format", "json")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, errOut)
	}
	var got struct {
		Checklist struct {
			Answered  int      `json:"answered"`
			Agreement *float64 `json:"agreement"`
			Kappa     *float64 `json:"kappa"`
		} `json:"checklist"`
		Review []map[string]any `json:"review"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// yes/yes, no/yes: po = .5; key yes .5 no .5, trainee yes 1 → pe = .5, κ = 0.
	c := got.Checklist
	if c.Answered != 2 || c.Agreement == nil || *c.Agreement != 0.5 || c.Kappa == nil || *c.Kappa != 0 {
		t.Fatalf("checklist = %+v", c)
	}
	found := false
	for _, r := range got.Review {
		if r["kind"] == "different checklist answer" && r["item"] == 2.0 && r["key_answer"] == "no" && r["key_notes"].([]any)[0] == "not consecutive" {
			found = true
		}
	}
	if !found {
		t.Fatalf("review lacks item 2: %v", got.Review)
	}
	code, out, _ = trainee("compare", "--paper", id, "--key", "Ann", "--trainee", "Ben")
	for _, want := range []string{"2 items answered by both: agreement 50%, kappa 0.00", "different checklist answer, item 2: key: no; trainee: yes", "key's comment: not consecutive"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}
