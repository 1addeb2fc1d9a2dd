package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
)

// feedbackOf compares two readings of a small made-up text with the given
// note and author names.
func feedbackOf(note, key, trainee string) Feedback {
	text := "Three mothers were treated. Depression scores fell in all three. There was no control group."
	sents := []appraise.Passage{{ID: "b0.s0", Page: 1, Start: 0, End: 27}, {ID: "b0.s1", Page: 1, Start: 28, End: 64}, {ID: "b0.s2", Page: 2, Start: 65, End: 94}}
	a := func(id string, s appraise.Passage, tag string) appraise.Annotation {
		return appraise.Annotation{ID: id, Tags: []string{tag}, Note: note, Anchor: appraise.Anchor{Start: s.Start, End: s.End}}
	}
	k := agreement.Reading{Author: key, Annotations: []appraise.Annotation{a("k1", sents[0], "population"), a("k2", sents[2], "limitation")}}
	tr := agreement.Reading{Author: trainee, Annotations: []appraise.Annotation{a("t1", sents[0], "population"), a("t2", sents[1], "claim")}}
	res := agreement.Compare(sents, []string{"population", "claim", "limitation", "bias"}, k, tr)
	cl := agreement.CompareChecklist(map[int]agreement.ChecklistAnswer{1: {Answer: "yes"}, 2: {Answer: "no", Comment: note}},
		map[int]agreement.ChecklistAnswer{1: {Answer: "yes"}, 2: {Answer: "unclear"}})
	in := appraise.Instrument{ID: "club", Name: "Club check", Items: []appraise.InstrumentItem{
		{Number: 1, Text: "Is the question clear?"}, {Number: 2, Text: "Were the cases consecutive?"}}}
	res.Review = append(res.Review, agreement.AnswerReview(cl, func(n int) string { it, _ := in.Item(n); return it.Text })...)
	ce := agreement.CompareCertainty([]agreement.RatedClaim{{Annotation: "k3", Start: 28, End: 64, Certainty: "very low"}},
		[]agreement.RatedClaim{{Annotation: "t2", Start: 28, End: 64, Certainty: "low"}})
	return Feedback{Paper: appraise.Paper{Meta: appraise.Metadata{Title: "Ketamine after childbirth: three cases"}},
		Text: text, Result: res, Checklist: &cl, Instrument: in, Certainty: &ce, Generated: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), AppVersion: "test"}
}

func TestFeedbackPageShowsMeasuresAndWhatToReview(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFeedbackHTML(&buf, feedbackOf("No comparator: cannot attribute the change to ketamine.", "Dr Lee", "Sam")); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	for _, want := range []string{
		"Sam</bdi>’s reading compared with <bdi>Dr Lee",
		"<td>population</td><td>100%</td>",
		"Kappa for bias is undefined: neither reader tagged half of any sentence with it.",
		"There was no control group.",
		"No comparator: cannot attribute the change to ketamine.",
		`<span class="kind">Missed</span>`,
		`<span class="kind">Extra</span>`,
		"2 items answered by both: agreement 50%",
		"<h2>Checklist: Club check</h2>",
		`<td class="question" dir="auto">Were the cases consecutive?</td><td>no</td><td>unclear</td><td><span class="differ">different</span>`,
		`<span class="kind">Different checklist answer</span>`,
		"Item 2: Were the cases consecutive?",
		"key: no<span class=\"sep\">·</span>trainee: unclear",
		"<h2>Certainty of claims</h2>",
		"1 rated by both: agreement 0%, kappa 0.00.",
		"<td>very low</td><td>low</td>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("feedback page lacks %q", want)
		}
	}
	checkSelfContained(t, doc)
}

func TestFeedbackPageHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFeedbackHTML(&buf, feedbackOf(h.text, h.text, h.text)); err != nil {
				t.Fatal(err)
			}
			checkSelfContained(t, buf.String())
			if strings.Contains(buf.String(), "<script") {
				t.Fatal("a <script> reached the page")
			}
		})
	}
}

// checkSelfContained asserts the page has no script, no event handler, no
// remote resource, one style sheet named by the CSP's hash.
func checkSelfContained(tb testing.TB, doc string) {
	tb.Helper()
	root := parseHTML(tb, doc)
	allowed := append(slices.Clone(allowedElements), "table", "thead", "tbody", "tr", "th", "td", "div")
	var styles, csp []string
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if !slices.Contains(allowed, n.Data) {
			tb.Errorf("feedback holds a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			switch {
			case strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" ||
				a.Key == "href" && !strings.HasPrefix(a.Val, "https://doi.org/10."):
				tb.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
			case a.Key == "http-equiv":
				csp = append(csp, attr(n, "content"))
			}
		}
		if n.Data == "style" {
			styles = append(styles, text(n))
		}
	})
	if len(styles) != 1 || len(csp) != 1 {
		tb.Fatalf("%d style sheets and %d CSP tags, want 1 and 1", len(styles), len(csp))
	}
	if want := fmt.Sprintf(cspFormat, styleHash(styles[0])); csp[0] != want {
		tb.Errorf("CSP = %q, want %q", csp[0], want)
	}
}

func TestFeedbackCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFeedbackCSV(&buf, feedbackOf("=HYPERLINK(\"x\")", "Dr Lee", "Sam"), false); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// header, 4 tags + all, checklist + 2 items, certainty + 1 claim, 3
	// review items (missed, extra, different answer)
	if len(rows) != 1+5+3+2+3 {
		t.Fatalf("%d rows: %q", len(rows), rows)
	}
	if got := strings.Join(rows[1][:11], ","); got != "agreement,population,3,1.000,1.000,1.000,1.000,1,0,0,2" {
		t.Errorf("population row = %s", got)
	}
	if rows[3][4] != "0.000" {
		t.Errorf("limitation kappa written as %q, want 0.000 (chance-level, not negative zero)", rows[3][4])
	}
	if rows[4][1] != "bias" || rows[4][4] != "" {
		t.Errorf("undefined kappa row = %q, want an empty kappa", rows[4])
	}
	if rows[5][1] != "(all tags)" {
		t.Errorf("pooled row tag = %q", rows[5][1])
	}
	if got := strings.Join(rows[6][:5], ","); got != "checklist,Club check,2,0.500,0.333" {
		t.Errorf("checklist row = %s", got)
	}
	if it := rows[8]; it[0] != "checklist item" || it[1] != "2" || it[11] != "different" || it[13] != "no" || it[14] != "unclear" || it[15] != "Were the cases consecutive?" {
		t.Errorf("checklist item row = %q", it)
	}
	if c := rows[9]; c[0] != "certainty" || c[2] != "1" || c[3] != "0.000" || c[4] != "0.000" {
		t.Errorf("certainty row = %q", c)
	}
	if c := rows[10]; c[0] != "certainty claim" || c[13] != "very low" || c[14] != "low" || c[11] != "different" {
		t.Errorf("certainty claim row = %q", c)
	}
	missed := rows[len(rows)-2]
	if missed[0] != "review" || missed[11] != "missed" || missed[12] != "2" || missed[15] != "There was no control group." || missed[16] != "'=HYPERLINK(\"x\")" {
		t.Errorf("review row = %q", missed)
	}
	answer := rows[len(rows)-1]
	if answer[11] != "different checklist answer" || answer[13] != "no" || answer[14] != "unclear" || answer[15] != "Item 2: Were the cases consecutive?" || answer[16] != "'=HYPERLINK(\"x\")" {
		t.Errorf("answer review row = %q", answer)
	}
}
