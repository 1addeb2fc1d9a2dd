package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"appraise.app/appraise/internal/appraise"
)

func byAuthorInput(note, author string) Input {
	text := []rune("Three mothers aged 24 to 36 were treated with ketamine-assisted psychotherapy. There was no control group.")
	at := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		st := len([]rune(string(text)[:i]))
		return st, st + len([]rune(s))
	}
	mk := func(id, who, quote, tag, note string) appraise.Annotation {
		s, e := at(quote)
		return appraise.Annotation{ID: id, Author: who, Tags: []string{tag}, Note: note,
			Anchor: appraise.Anchor{Start: s, End: e, Exact: quote, Page: 2}}
	}
	return Input{
		Paper: appraise.Paper{Meta: appraise.Metadata{Title: "Ketamine after childbirth"}},
		Tags:  appraise.BuiltInTags(),
		Annotations: []appraise.Annotation{
			mk("a1", "Dr Mei Lee", "Three mothers aged 24 to 36", "population", "n = 3"),
			mk("a2", author, "mothers aged 24 to 36 were treated with ketamine-assisted psychotherapy.", "claim", note),
			mk("a3", author, "There was no control group.", "limitation", ""),
			mk("a4", "ana lopez", "There was no control group.", "limitation", "cannot attribute change"),
		},
		ByAuthor:   true,
		Generated:  time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC),
		AppVersion: "test",
	}
}

func TestHandoutByAuthorGroupsByPassage(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, appraise.FormatHTML, byAuthorInput("treated, not cured", "Ana Lopez")); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	root := parseHTML(t, doc)
	passages := findAll(root, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "passage") })
	if len(passages) != 2 {
		t.Fatalf("%d passages, want 2 (overlapping quotes join)", len(passages))
	}
	first := text(passages[0])
	for _, want := range []string{
		"Three mothers aged 24 to 36 were treated with ketamine-assisted psychotherapy.",
		"tagged by 2 of 2 members",
		"Dr Mei Lee", "population", "n = 3", "claim", "treated, not cured",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("first passage lacks %q: %s", want, first)
		}
	}
	// "Ana Lopez" and "ana lopez" are one member.
	if n := len(findAll(root, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "reading") })); n != 3 {
		t.Errorf("%d readings, want 3", n)
	}
	if !strings.Contains(doc, "4 annotations by 2 members") {
		t.Error("footer does not count annotations and members")
	}
	checkSelfContained(t, doc)
}

func TestHandoutByAuthorHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, appraise.FormatHTML, byAuthorInput(h.text, h.text)); err != nil {
				t.Fatal(err)
			}
			checkSelfContained(t, buf.String())
		})
	}
}

func TestPassageQuoteFallsBackWhenOffsetsDisagree(t *testing.T) {
	p := passage{Start: 0, End: 10, anns: []appraise.Annotation{
		{Anchor: appraise.Anchor{Start: 0, End: 5, Exact: "Three"}},
		{Anchor: appraise.Anchor{Start: 3, End: 10, Exact: "XXXXXXX"}},
	}}
	if got := p.quote(); got != "XXXXXXX" {
		t.Fatalf("quote = %q, want the longest quote when the pieces disagree", got)
	}
}
