package export

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"

	"appraise.app/appraise/internal/appraise"
)

var (
	orderedMarker = regexp.MustCompile(`^([0-9]+)\. `)
	// blockStart matches line content that would open a Markdown block:
	// heading, block quote, list item, fence, setext underline, thematic
	// break, table, raw HTML, indented code.
	blockStart = regexp.MustCompile(`^([#>*+=` + "`" + `~|<_ \t-]|[0-9]{1,9}[.)])`)
)

// ownLineStarts are continuation lines the writer itself begins with
// markup; what follows them is user text.
var ownLineStarts = []string{"**Note:** ", "**⚠ ", "— ", "**Study design:** ", "**Sample size:** ", "**Setting:** ", "**Bottom line:** "}

// checkMarkdownLines is the render-free check: it reads the document line
// by line and asserts every line is of the kind expected where it stands.
// Headings are exactly the expected ones; each section's list has one item
// per annotation; every other line inside a list item is a continuation
// indented under its marker whose content cannot open a block.
func checkMarkdownLines(tb testing.TB, md string, in Input) {
	tb.Helper()
	md = splitFrontMatter(tb, md, in)
	secs := sections(in)
	wantHeadings := []string{"## Appraisal"}
	for _, s := range secs {
		wantHeadings = append(wantHeadings, fmt.Sprintf("## %s (%d)", s.Title, len(s.Items)))
	}
	var headings []string
	items := map[int]int{} // section index → items
	section := -1
	indent := "" // the continuation indent of the open list item, "" outside lists
	bullets, breaks := 0, 0
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	for i, l := range lines {
		switch {
		case i == 0:
			if !strings.HasPrefix(l, "# ") {
				tb.Fatalf("line 1 %q is not the title heading", l)
			}
		case l == "":
			indent = ""
		case strings.HasPrefix(l, "#"):
			if indent != "" {
				tb.Errorf("line %d: a heading inside a list item: %q", i+1, l)
			}
			headings = append(headings, l)
			if len(headings) > 1 {
				section++
			}
		case l == "---":
			breaks++
			indent = ""
		case strings.HasPrefix(l, "- "):
			bullets++
			indent = "  "
			checkInline(tb, i, strings.TrimPrefix(l, "- "))
		case orderedMarker.MatchString(l):
			m := orderedMarker.FindStringSubmatch(l)
			items[section]++
			if m[1] != fmt.Sprint(items[section]) {
				tb.Errorf("line %d: item numbered %s, want %d", i+1, m[1], items[section])
			}
			indent = strings.Repeat(" ", len(m[0]))
			checkInline(tb, i, l[len(m[0]):])
		case indent != "":
			if !strings.HasPrefix(l, indent) {
				tb.Errorf("line %d: %q is inside a list item but not indented by %d", i+1, short(l), len(indent))
				continue
			}
			checkInline(tb, i, l[len(indent):])
		default:
			// A paragraph of the writer's own: citation, labels, footer.
			if i != 2 && !slices.ContainsFunc([]string{"*", "**Tagged passages:** ", "No passage is tagged ", "Generated "},
				func(p string) bool { return strings.HasPrefix(l, p) }) {
				tb.Errorf("line %d: unexpected paragraph %q", i+1, short(l))
			}
			if i == 2 {
				checkInline(tb, i, l)
			}
		}
	}
	if !slices.Equal(headings, wantHeadings) {
		tb.Errorf("headings = %q, want %q", headings, wantHeadings)
	}
	if bullets != 4 {
		tb.Errorf("%d bullet items, want the 4 appraisal fields", bullets)
	}
	if breaks != 1 {
		tb.Errorf("%d thematic breaks, want 1 before the footer", breaks)
	}
	for i, s := range secs {
		if items[i] != len(s.Items) {
			tb.Errorf("section %q has %d items, want %d", s.Title, items[i], len(s.Items))
		}
	}
}

// checkInline asserts that content, standing at a line start, opens no
// block. Content after one of the writer's own line starts is mid-line.
func checkInline(tb testing.TB, line int, content string) {
	tb.Helper()
	if slices.ContainsFunc(append(ownLineStarts, "“"), func(p string) bool { return strings.HasPrefix(content, p) }) {
		return
	}
	if blockStart.MatchString(content) {
		tb.Errorf("line %d: content %q could open a Markdown block", line+1, short(content))
	}
}

// checkMarkdownRendering renders the document as GitHub Flavored Markdown
// (goldmark with the GFM extensions, autolinks included) and asserts that
// the HTML holds only the writer's own markup and every line of user text
// verbatim.
func checkMarkdownRendering(tb testing.TB, md string, in Input) {
	tb.Helper()
	md = splitFrontMatter(tb, md, in)
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
		tb.Fatalf("render Markdown: %v", err)
	}
	root := parseHTML(tb, out.String())
	allowed := []string{"html", "head", "body", "h1", "h2", "p", "em", "strong", "ul", "ol", "li", "a", "br", "hr"}
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && !slices.Contains(allowed, n.Data) {
			tb.Errorf("rendered Markdown holds a <%s> element", n.Data)
		}
		if n.Type == html.CommentNode {
			tb.Errorf("rendered Markdown holds a comment %q", n.Data)
		}
	})
	links := findAll(root, func(n *html.Node) bool { return n.Data == "a" })
	if len(links) > 1 || len(links) == 1 && !strings.HasPrefix(attr(links[0], "href"), "https://doi.org/") {
		tb.Errorf("rendered Markdown has links %v, want only the DOI", hrefs(links))
	}
	secs := sections(in)
	h2 := findAll(root, func(n *html.Node) bool { return n.Data == "h2" })
	if len(h2) != 1+len(secs) {
		tb.Fatalf("rendered Markdown has %d h2 headings, want %d", len(h2), 1+len(secs))
	}
	lists := findAll(root, func(n *html.Node) bool { return n.Data == "ol" })
	nonEmpty := 0
	for _, s := range secs {
		if len(s.Items) == 0 {
			continue
		}
		if nonEmpty >= len(lists) {
			tb.Fatalf("rendered Markdown has %d numbered lists, want one per non-empty section", len(lists))
		}
		lis := findAll(lists[nonEmpty], func(n *html.Node) bool { return n.Data == "li" })
		nonEmpty++
		if len(lis) != len(s.Items) {
			tb.Errorf("section %q renders %d items, want %d", s.Title, len(lis), len(s.Items))
			continue
		}
		for j, li := range lis {
			got := text(li)
			for _, field := range []string{s.Items[j].Anchor.Exact, s.Items[j].Note} {
				for _, l := range strings.Split(clean(field), "\n") {
					if l = strings.TrimFunc(l, isBreakingSpace); l != "" && !strings.Contains(got, balanceBidi(l)) {
						tb.Errorf("section %q item %d renders as %q, which lacks the line %q", s.Title, j+1, short(got), short(l))
					}
				}
			}
		}
	}
	if len(lists) != nonEmpty {
		tb.Errorf("rendered Markdown has %d numbered lists, want %d", len(lists), nonEmpty)
	}
}

func hrefs(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, attr(n, "href"))
	}
	return out
}

func TestMarkdownStructureHoldsForHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileInput(h.text)
			md := render(t, appraise.FormatMarkdown, in)
			checkMarkdownLines(t, md, in)
			checkMarkdownRendering(t, md, in)
		})
	}
}

func TestMarkdownOfDemoAndUntaggedPapers(t *testing.T) {
	for name, in := range map[string]Input{"demo": demoInput(), "untagged": emptyInput()} {
		t.Run(name, func(t *testing.T) {
			md := render(t, appraise.FormatMarkdown, in)
			checkMarkdownLines(t, md, in)
			checkMarkdownRendering(t, md, in)
		})
	}
}

func TestMarkdownEscapesLineStarts(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"heading marker", "# not a heading", `\# not a heading`},
		{"bullet", "- not a list", `\- not a list`},
		{"plus bullet", "+ not a list", `\+ not a list`},
		{"ordered item", "12. not a list", `12\. not a list`},
		{"ordered item with paren", "3) not a list", `3\) not a list`},
		{"ten-digit number is not a list marker", "1234567890. fine", `1234567890. fine`},
		{"setext underline", "===", `\===`},
		{"block quote", "> not quoted", `\> not quoted`},
		{"indentation dropped", "    not code", `not code`},
		{"number without dot stays", "2024 was a year", `2024 was a year`},
		{"link brackets", "[a](b)", `\[a\](b)`},
		{"autolink scheme", "https://x.example", `https\://x.example`},
		{"www autolink", "see www.x.example", `see www\.x.example`},
		{"word ending in www is no autolink", "awww.", `awww.`},
		{"backslash", `a\b`, `a\\b`},
		{"open override closed", "\u202Eabc", "\u202Eabc\u202C"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := mdEscapeLine(c.in); got != c.want {
				t.Errorf("mdEscapeLine(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestMarkdownNoteWithNewlinesStaysInItsItem(t *testing.T) {
	in := demoInput()
	in.Annotations = in.Annotations[:1]
	in.Annotations[0].Note = "first\n\n- second\n# third"
	md := render(t, appraise.FormatMarkdown, in)
	want := "1. “All three patients showed a reduction of at least 50% in EPDS score by week 8 of treatment.” (p. 3)\\\n" +
		"   **Note:** first\\\n   \\- second\\\n   \\# third\\\n   — Maren Holt\n"
	if !strings.Contains(md, want) {
		t.Errorf("item not written as one paragraph with escaped lines; got:\n%s", md)
	}
}
