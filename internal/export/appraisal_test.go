package export

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"

	"appraise.app/appraise/internal/appraise"
)

func TestGoldenFilesWithAFullAppraisal(t *testing.T) {
	cases := []struct {
		name   string
		format appraise.ExportFormat
		in     func() Input
		golden string
	}{
		{"handout", appraise.FormatHTML, appraisedInput, "appraised.html"},
		{"Markdown", appraise.FormatMarkdown, appraisedInput, "appraised.md"},
		{"JSON-LD", appraise.FormatJSONLD, appraisedInput, "appraised.jsonld"},
		{"checklist CSV", appraise.FormatCSV, func() Input { in := appraisedInput(); in.Checklist = true; return in }, "checklist.csv"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkGolden(t, c.golden, render(t, c.format, c.in()))
		})
	}
}

func TestHandoutShowsTheAppraisal(t *testing.T) {
	in := appraisedInput()
	doc := render(t, appraise.FormatHTML, in)
	checkHandout(t, doc, in)
	root := parseHTML(t, doc)
	all := text(root)
	for _, want := range []string{
		"Level 5 (mechanism-based reasoning, single case) — set by the appraiser (proposed from the design: 4): Three patients only",
		"Checklist: JBI checklist for case series", "Paraphrased from: Munn Z", "10 of 10 items answered",
		"Not reported in the paper", "The paper does not say how the three were chosen.",
		"A linked annotation was deleted.", "Certainty of each claim", "Starts low; certainty very low",
		"Rated down: Imprecision (very serious)", "Limited by:", "Rated up: Large effect (+1)",
		"postpartum up to 24 months", "Hypothesis-generating only",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("handout does not show %q", want)
		}
	}
	rows := findAll(root, func(n *html.Node) bool { return n.Data == "tr" && n.Parent != nil && n.Parent.Data == "tbody" })
	if len(rows) != 10 {
		t.Fatalf("checklist table has %d rows, want 10", len(rows))
	}
	var lights []string
	for _, r := range rows {
		svg := findAll(r, func(n *html.Node) bool { return n.Data == "svg" })
		if len(svg) != 1 || attr(svg[0], "aria-label") == "" {
			t.Fatalf("row without a labelled traffic light")
		}
		lights = append(lights, strings.TrimPrefix(attr(svg[0], "class"), "light "))
	}
	want := []string{"good", "good", "unclear", "bad", "unclear", "good", "good", "bad", "good", "na"}
	if !slices.Equal(lights, want) {
		t.Errorf("traffic lights = %v, want %v", lights, want)
	}
	// Item 8's evidence is the follow-up limitation, quoted with its page.
	if c := text(rows[7]); !strings.Contains(c, "Follow-up was limited to 12 weeks") || !strings.Contains(c, "p. 5") {
		t.Errorf("row 8 = %q", c)
	}
	if n := findAll(root, func(n *html.Node) bool { return n.Data == "script" }); len(n) > 0 {
		t.Error("the handout has a script")
	}
}

func TestNoAppraisalLeavesTheHandoutAsBefore(t *testing.T) {
	in := demoInput()
	if strings.Contains(render(t, appraise.FormatHTML, in), "checklist") {
		t.Error("a handout without an appraisal mentions a checklist")
	}
	in.Checklist = true
	var sb strings.Builder
	if err := Write(&sb, appraise.FormatCSV, in); err == nil || sb.Len() != 0 {
		t.Errorf("a checklist CSV of a paper without one: %v, %d bytes", err, sb.Len())
	}
}

// checkBundle asserts that doc decodes to in's annotations and exactly its
// appraisal (card included, text as valid UTF-8, times in UTC).
func checkBundle(tb testing.TB, doc string, in Input) {
	tb.Helper()
	checkJSONLDRoundTrip(tb, doc, in)
	bs, err := DecodeBundle(strings.NewReader(doc))
	if err != nil {
		tb.Fatalf("DecodeBundle: %v", err)
	}
	if len(bs[0].Appraisals) != 1 {
		tb.Fatalf("%d appraisals came back, want 1", len(bs[0].Appraisals))
	}
	b := bs[0].Appraisals[0]
	want := in.Appraisal.Appraisal
	want.Paper, want.Card = in.Paper.ID, in.Paper.Appraisal
	if !reflect.DeepEqual(normalise(b.Appraisal), normalise(want)) {
		tb.Errorf("appraisal after the round trip:\n got %+v\nwant %+v", b.Appraisal, want)
	}
	if ci := in.Appraisal.Checklist.Instrument; ci.Custom {
		if b.Instrument == nil || !reflect.DeepEqual(*b.Instrument, ci) {
			tb.Errorf("custom checklist after the round trip = %+v, want %+v", b.Instrument, ci)
		}
	} else if b.Instrument != nil {
		tb.Errorf("a built-in checklist travelled as a definition")
	}
}

// normalise is pa as JSON gives it back: valid UTF-8, times in UTC.
func normalise(pa appraise.PaperAppraisal) appraise.PaperAppraisal {
	v := func(s *string) { // as encoding/json does: each invalid byte becomes U+FFFD
		data, _ := json.Marshal(*s)
		json.Unmarshal(data, s)
	}
	v(&pa.Level.Reason)
	pa.Modified = pa.Modified.UTC()
	for i := range pa.Checklists {
		for j := range pa.Checklists[i].Answers {
			a := &pa.Checklists[i].Answers[j]
			v(&a.Comment)
			a.Modified = a.Modified.UTC()
		}
	}
	for _, p := range []*string{&pa.PICO.Population.N, &pa.PICO.Population.TimeWindow, &pa.PICO.Intervention} {
		v(p)
	}
	return pa
}

func TestJSONLDCarriesTheWholeAppraisal(t *testing.T) {
	in := appraisedInput()
	checkBundle(t, render(t, appraise.FormatJSONLD, in), in)
	// A custom checklist travels with its definition.
	club := appraise.Instrument{ID: "club-check", Name: "Club check", Version: "2", Family: "custom", Custom: true,
		Answers: []appraise.AnswerOption{{Answer: "yes", Rating: appraise.RatingGood}, {Answer: "partly", Rating: appraise.RatingUnclear}},
		Items:   []appraise.InstrumentItem{{Number: 1, Text: "Would we change practice?", Hint: "Think of clinic."}}}
	pa := appraisedRecord("c", "t")
	pa.Instrument = club.ID
	pa.Checklists = append(pa.Checklists, appraise.Checklist{Instrument: club.ID, Answers: []appraise.ItemAnswer{{Item: 1, Answer: "partly", Evidence: []string{annID(3)}}}})
	in = withAppraisal(demoInput(), pa, club)
	checkBundle(t, render(t, appraise.FormatJSONLD, in), in)
}

func TestAppraisalRoundTripsHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := withAppraisal(demoInput(), appraisedRecord(h.text, h.text), mustBuiltin(appraise.InstrumentJBICaseSeries))
			checkBundle(t, render(t, appraise.FormatJSONLD, in), in)
		})
	}
}

// hostileAppraised puts text into every appraisal field a user or a
// checklist file controls: a comment, the level's reason, a PICO field,
// and a custom checklist's name, version, source and item text.
func hostileAppraised(value func(kind string) string) Input {
	club := appraise.Instrument{ID: "club", Name: value("one-line"), Version: value("one-line"), Source: value("one-line"), Custom: true,
		Answers: []appraise.AnswerOption{{Answer: "yes", Rating: appraise.RatingGood}, {Answer: "no", Rating: appraise.RatingBad}},
		Items:   []appraise.InstrumentItem{{Number: 1, Text: "Plain question?"}, {Number: 2, Text: "Second question?"}}}
	pa := appraisedRecord(value("multi-line"), "x")
	pa.Level.Reason = value("one-line")
	pa.PICO.Population.TimeWindow = value("multi-line")
	pa.Instrument = club.ID
	pa.Checklists = append(pa.Checklists, appraise.Checklist{Instrument: club.ID, Answers: []appraise.ItemAnswer{
		{Item: 1, Answer: "yes", Comment: value("multi-line"), NotReported: true, Evidence: []string{annID(2)}},
		{Item: 2, Answer: "no"}}})
	return withAppraisal(demoInput(), pa, club)
}

func TestAppraisalHandoutStructureHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileAppraised(func(string) string { return h.text })
			doc := render(t, appraise.FormatHTML, in)
			checkHandout(t, doc, in)
			twin := hostileAppraised(func(kind string) string {
				shows := map[string]bool{
					"multi-line": strings.TrimSpace(clean(h.text)) != "",
					"one-line":   oneLine(h.text) != "",
				}[kind]
				if shows {
					return "plain words"
				}
				return ""
			})
			if got, want := skeleton(parseHTML(t, doc)), skeleton(parseHTML(t, render(t, appraise.FormatHTML, twin))); got != want {
				t.Errorf("hostile text changed the handout's structure:\n%s", firstDifference(want, got))
			}
		})
	}
}

func TestAppraisalMarkdownHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileAppraised(func(string) string { return h.text })
			md := render(t, appraise.FormatMarkdown, in)
			var out strings.Builder
			if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
				t.Fatal(err)
			}
			root := parseHTML(t, out.String())
			allowed := []string{"html", "head", "body", "h1", "h2", "h3", "p", "em", "strong", "ul", "ol", "li", "a", "br", "hr",
				"table", "thead", "tbody", "tr", "th", "td"}
			walk(root, func(n *html.Node) {
				if n.Type == html.ElementNode && !slices.Contains(allowed, n.Data) {
					t.Errorf("rendered Markdown holds a <%s> element", n.Data)
				}
			})
			if links := findAll(root, func(n *html.Node) bool { return n.Data == "a" }); len(links) > 1 {
				t.Errorf("rendered Markdown has links %v", hrefs(links))
			}
			if rows := findAll(root, func(n *html.Node) bool { return n.Data == "tr" }); len(rows) != 3 {
				t.Errorf("checklist table renders %d rows, want a header and 2 items", len(rows))
			}
			if cells := findAll(root, func(n *html.Node) bool { return n.Data == "td" }); len(cells) != 10 {
				t.Errorf("checklist table renders %d cells, want 10", len(cells))
			}
		})
	}
}

func TestChecklistCSVHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileAppraised(func(string) string { return h.text })
			in.Checklist = true
			r := csv.NewReader(strings.NewReader(render(t, appraise.FormatCSV, in)))
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 3 || len(rows[1]) != len(csvChecklistHeader) {
				t.Fatalf("%d rows", len(rows))
			}
			if got, want := rows[1][9], csvCell(h.text); got != want {
				t.Errorf("comment cell = %q, want %q", short(got), short(want))
			}
			for _, row := range rows[1:] {
				for j, cell := range row {
					if cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") {
						t.Errorf("%s begins like a formula: %q", csvChecklistHeader[j], short(cell))
					}
				}
			}
		})
	}
}

func TestABundleOfSeveralPapersCarriesEachAppraisal(t *testing.T) {
	a := appraisedInput()
	b := demoInput()
	b.Paper.ID = appraise.PaperID(strings.Repeat("e", 64))
	b.Annotations = nil
	var buf strings.Builder
	if err := WriteBundle(&buf, []BundleInput{{Input: a}, {Input: b}}); err != nil {
		t.Fatal(err)
	}
	ps, err := DecodeBundle(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || len(ps[0].Appraisals) != 1 || len(ps[1].Appraisals) != 0 {
		t.Fatalf("decoded %d papers, appraisals %d / %d", len(ps), len(ps[0].Appraisals), len(ps[len(ps)-1].Appraisals))
	}
	want := a.Appraisal.Appraisal
	want.Card = a.Paper.Appraisal
	if !reflect.DeepEqual(normalise(ps[0].Appraisals[0].Appraisal), normalise(want)) {
		t.Errorf("bundle appraisal differs:\n got %+v\nwant %+v", ps[0].Appraisals[0].Appraisal, want)
	}
}

// A lead's bundle carries the lead's appraisal and the members' ones,
// each named by its author; two appraisals by one author are refused.
func TestABundleCarriesEachMembersAppraisal(t *testing.T) {
	in := appraisedInput()
	in.Appraisal.Appraisal.Author = "Dr Lee"
	member := appraise.PaperAppraisal{Author: "Sam Park", Modified: in.Generated,
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries,
			Answers: []appraise.ItemAnswer{{Item: 2, Answer: appraise.AnswerNo, Comment: "not consecutive"}}}}}
	in.MemberAppraisals = []appraise.PaperAppraisal{member}
	var buf strings.Builder
	if err := WriteBundle(&buf, []BundleInput{{Input: in}}); err != nil {
		t.Fatal(err)
	}
	ps, err := DecodeBundle(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	got := ps[0].Appraisals
	if len(got) != 2 || got[0].Appraisal.Author != "Dr Lee" || got[1].Appraisal.Author != "Sam Park" ||
		got[1].Appraisal.Checklist(appraise.InstrumentJBICaseSeries).Answer(2).Comment != "not consecutive" {
		t.Fatalf("appraisals = %+v", got)
	}
	if !strings.Contains(buf.String(), `"name": "Sam Park"`) {
		t.Errorf("the member's appraisal names no creator for other Web Annotation readers")
	}
	in.MemberAppraisals[0].Author = " dr  lee "
	buf.Reset()
	if err := WriteBundle(&buf, []BundleInput{{Input: in}}); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeBundle(strings.NewReader(buf.String())); !errors.Is(err, ErrInvalidJSONLD) || !strings.Contains(err.Error(), "second appraisal") {
		t.Fatalf("two appraisals by one author: %v", err)
	}
}
