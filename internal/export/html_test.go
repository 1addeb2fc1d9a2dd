package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"appraise.app/appraise/internal/appraise"
)

// hostileInput puts text in every field a user or a PDF controls: quotes,
// notes, authors, the paper's metadata and appraisal, a tag description.
func hostileInput(text string) Input {
	return fieldsInput(func(string) string { return text })
}

// benignTwin is hostileInput(text) with plain words wherever text shows,
// and nothing where text would show nothing, so the two documents must
// have the same structure.
func benignTwin(text string) Input {
	return fieldsInput(func(field string) string {
		shows := map[string]bool{
			"multi-line": strings.TrimSpace(clean(text)) != "",
			"note":       text != "",
			"one-line":   oneLine(text) != "",
		}[field]
		if shows {
			return "plain words"
		}
		return ""
	})
}

// fieldsInput is the demo fixture with each user-controlled field set by
// value, which is told the field's kind.
func fieldsInput(value func(kind string) string) Input {
	in := demoInput()
	in.Paper.Meta.Title = value("one-line")
	in.Paper.Meta.Journal = value("one-line")
	in.Paper.Meta.Authors = []string{value("one-line"), "Tomás Ibarra"}
	in.Paper.Appraisal.SampleSize = value("multi-line")
	in.Paper.Appraisal.Setting = value("multi-line")
	in.Paper.Appraisal.BottomLine = value("multi-line")
	in.Tags[len(in.Tags)-1].Description = value("one-line")
	for i := range in.Annotations {
		a := &in.Annotations[i]
		a.Anchor.Exact = value("quote")
		a.Anchor.Prefix, a.Anchor.Suffix = value("quote"), value("quote")
		a.Note = value("note")
		a.Author = value("one-line")
	}
	return in
}

func parseHTML(tb testing.TB, doc string) *html.Node {
	tb.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		tb.Fatalf("parse handout: %v", err)
	}
	return root
}

// allowedElements are the only elements a handout may contain.
var allowedElements = []string{"html", "head", "meta", "title", "style", "body", "main", "header",
	"p", "h1", "h2", "bdi", "span", "a", "section", "dl", "dt", "dd", "nav", "ul", "ol", "li",
	"blockquote", "footer",
	// The appraisal: the checklist table, its traffic lights (inline SVG)
	// and quoted evidence.
	"h3", "table", "thead", "tbody", "tr", "th", "td", "svg", "circle", "q"}

var internalLink = regexp.MustCompile(`^#t[0-9]+$`)

// checkHandout asserts what must hold of every handout, whatever the
// text in it: only allowed elements and attributes, no script or remote
// resource, a CSP whose hash matches the one style sheet, one section per
// tag with its items, and every quote shown verbatim (after clean).
func checkHandout(tb testing.TB, doc string, in Input) {
	tb.Helper()
	root := parseHTML(tb, doc)
	var styles []string
	var csp []string
	var sectionsSeen []*html.Node
	walk(root, func(n *html.Node) {
		switch n.Type {
		case html.CommentNode:
			tb.Errorf("handout holds a comment: %q", n.Data)
		case html.ElementNode:
			if !slices.Contains(allowedElements, n.Data) {
				tb.Errorf("handout holds a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" || a.Key == "srcset":
					tb.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
				case a.Key == "href" && !internalLink.MatchString(a.Val) && !strings.HasPrefix(a.Val, "https://doi.org/10."):
					tb.Errorf("<%s> links to %q", n.Data, a.Val)
				case a.Key == "http-equiv" && a.Val == "Content-Security-Policy":
					csp = append(csp, attr(n, "content"))
				}
			}
			if n.Data == "style" {
				styles = append(styles, text(n))
			}
			if n.Data == "section" && hasClass(n, "tag") {
				sectionsSeen = append(sectionsSeen, n)
			}
		}
	})
	if len(styles) != 1 || len(csp) != 1 {
		tb.Fatalf("handout has %d style sheets and %d CSP meta tags, want 1 and 1", len(styles), len(csp))
	}
	if want := fmt.Sprintf(cspFormat, styleHash(styles[0])); csp[0] != want {
		tb.Errorf("CSP = %q, want %q (the hash must match the style sheet)", csp[0], want)
	}
	if !strings.HasPrefix(csp[0], "default-src 'none'; style-src 'sha256-") {
		tb.Errorf("CSP %q does not start by forbidding everything but hashed styles", csp[0])
	}
	secs := sections(in)
	if len(sectionsSeen) != len(secs) {
		tb.Fatalf("handout has %d tag sections, want %d", len(sectionsSeen), len(secs))
	}
	for i, s := range secs {
		n := sectionsSeen[i]
		items := findAll(n, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "item") })
		if len(items) != len(s.Items) {
			tb.Errorf("section %q has %d items, want %d", s.Title, len(items), len(s.Items))
			continue
		}
		if c := text(findAll(n, func(n *html.Node) bool { return hasClass(n, "count") })[0]); c != countText(len(s.Items)) {
			tb.Errorf("section %q says %q, want %q", s.Title, c, countText(len(s.Items)))
		}
		for j, it := range items {
			q := findAll(it, func(n *html.Node) bool { return n.Data == "blockquote" })
			if len(q) != 1 {
				tb.Errorf("section %q item %d has %d quotes", s.Title, j+1, len(q))
				continue
			}
			if got, want := text(q[0]), clean(s.Items[j].Anchor.Exact); got != want {
				tb.Errorf("section %q item %d quote = %q, want %q", s.Title, j+1, short(got), short(want))
			}
		}
	}
}

// skeleton is a document's element tree without its text: tag names,
// classes and attribute names, nested.
func skeleton(n *html.Node) string {
	var b strings.Builder
	var rec func(n *html.Node, depth int)
	rec = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			var keys []string
			for _, a := range n.Attr {
				k := a.Key
				if a.Key == "class" || a.Key == "id" || a.Key == "dir" {
					k += "=" + a.Val
				}
				keys = append(keys, k)
			}
			fmt.Fprintf(&b, "%s<%s %s>\n", strings.Repeat(" ", depth), n.Data, strings.Join(keys, " "))
			depth++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth)
		}
	}
	rec(n, 0)
	return b.String()
}

func TestHandoutStructureHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileInput(h.text)
			doc := render(t, appraise.FormatHTML, in)
			checkHandout(t, doc, in)
			twin := render(t, appraise.FormatHTML, benignTwin(h.text))
			if got, want := skeleton(parseHTML(t, doc)), skeleton(parseHTML(t, twin)); got != want {
				t.Errorf("hostile text changed the handout's structure:\n%s", firstDifference(want, got))
			}
		})
	}
}

func TestHandoutOfDemoPaper(t *testing.T) {
	in := demoInput()
	doc := render(t, appraise.FormatHTML, in)
	checkHandout(t, doc, in)
	root := parseHTML(t, doc)
	var titles []string
	for _, n := range findAll(root, func(n *html.Node) bool { return hasClass(n, "title") }) {
		titles = append(titles, text(n))
	}
	if want := []string{"Population", "Claims", "Limitations", "Adverse events"}; !slices.Equal(titles, want) {
		t.Errorf("sections = %q, want %q", titles, want)
	}
	for _, want := range []string{
		"Retrospective case series", "n = 3", "Journal of Clinical Case Series",
		"Maren Holt, Tomás Ibarra, Priya Raman", "Generated 14 March 2026 with Appraise 0.1.0",
		"needs review", "not found in text", "p. 4",
	} {
		if !strings.Contains(text(root), want) {
			t.Errorf("handout does not show %q", want)
		}
	}
	if doi := findAll(root, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "doi") }); len(doi) != 1 ||
		attr(doi[0], "href") != "https://doi.org/10.5555/jccs.2024.0173" {
		t.Errorf("the DOI is not one link to doi.org")
	}
}

func TestHandoutTagColoursComeFromTags(t *testing.T) {
	in := demoInput()
	in.Tags[0].Color = "#123ABC"                 // population, given first
	in.Tags[len(in.Tags)-1].Color = "red;}*{x:y" // custom tag with a broken colour
	css := text(findAll(parseHTML(t, render(t, appraise.FormatHTML, in)), func(n *html.Node) bool { return n.Data == "style" })[0])
	for _, want := range []string{".t0{--tag:#123abc}", ".t1{--tag:#27ae60}", ".t2{--tag:#e67e22}", ".t3{--tag:" + neutralColor + "}"} {
		if !strings.Contains(css, want) {
			t.Errorf("style sheet lacks %q", want)
		}
	}
	if strings.Contains(css, "x:y") {
		t.Error("a broken tag colour reached the style sheet")
	}
}

func TestHandoutOfUntaggedPaperIsFriendly(t *testing.T) {
	in := emptyInput()
	doc := render(t, appraise.FormatHTML, in)
	checkHandout(t, doc, in)
	root := parseHTML(t, doc)
	if n := findAll(root, func(n *html.Node) bool { return hasClass(n, "nothing") }); len(n) != 1 ||
		!strings.Contains(text(n[0]), "No passages are tagged") {
		t.Error("an untagged paper's handout does not say that nothing is tagged yet")
	}
	if n := findAll(root, func(n *html.Node) bool { return hasClass(n, "unset") }); len(n) != 4 {
		t.Errorf("%d appraisal fields say not recorded, want 4", len(n))
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
	})
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

func TestHandoutMarksStatusesWithKnownClassesOnly(t *testing.T) {
	in := demoInput()
	in.Annotations[0].Status = `item tag" onclick="x`
	root := parseHTML(t, render(t, appraise.FormatHTML, in))
	var classes []string
	for _, n := range findAll(root, func(n *html.Node) bool { return hasClass(n, "status") }) {
		classes = append(classes, attr(n, "class"))
	}
	slices.Sort(classes)
	if want := []string{"status needs-review", "status orphaned", "status unknown"}; !slices.Equal(classes, want) {
		t.Errorf("status marks = %q, want %q", classes, want)
	}
}
