package main

import (
	"encoding/json"
	"strings"
	"testing"
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
		for _, want := range []string{"Ann compared with Ben on", "AGREEMENT", "all tags", "To review (1):", "missed", `key's note: \u001b[31mred\u001b[0m`} {
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
