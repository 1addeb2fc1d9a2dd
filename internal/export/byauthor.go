package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
)

//go:embed byauthor.html.tmpl
var byAuthorTemplateText string

//go:embed byauthor.css
var byAuthorCSS string

var byAuthorTemplate = template.Must(template.New("byauthor").Parse(byAuthorTemplateText))

// member is one author of the exported annotations.
type member struct {
	Name, Initials, Class, color string
	Count                        int
}

// passage is a stretch of text one or more members tagged: annotations
// whose spans overlap, joined.
type passage struct {
	Start, End int
	Page       int
	anns       []appraise.Annotation
}

type byAuthorPage struct {
	Title            string
	Cite             citationParts
	Members          []member
	Passages         []byAuthorPassage
	Total            int
	Generated, App   string
	CSS              template.CSS
	CSP              string
	MembersCountText string
}

type byAuthorPassage struct {
	Quote, Page, Consensus string
	Shared                 bool // tagged by more than one member
	Readings               []byAuthorReading
}

type byAuthorReading struct {
	Member member
	Tags   []byAuthorTag
	Notes  []string
	Status string
}

type byAuthorTag struct{ Name, Class string }

// writeByAuthorHTML writes the lead's handout grouped by passage: each
// passage any member tagged, once, with every member's tags and notes on
// it and how many members tagged it (consensus).
func writeByAuthorHTML(w io.Writer, in Input) error {
	members, memberOf := membersOf(in.Annotations)
	secs := sections(in)
	tagClass := map[string]string{}
	for _, s := range secs {
		if s.Tag.Name != "" {
			tagClass[s.Tag.Name] = s.Class
		}
	}
	var css strings.Builder
	css.WriteString(handoutCSS)
	css.WriteString(byAuthorCSS)
	for _, s := range secs {
		fmt.Fprintf(&css, ".%s{--tag:%s}\n", s.Class, s.Tag.Color)
	}
	for _, m := range members {
		fmt.Fprintf(&css, ".%s{--who:%s}\n", m.Class, m.color)
	}
	p := byAuthorPage{
		Title: paperTitle(in.Paper), Cite: citation(in.Paper.Meta), Members: members,
		Total: len(in.Annotations), Generated: day(in.Generated), App: appName(in.AppVersion),
		CSS: template.CSS(css.String()), CSP: fmt.Sprintf(cspFormat, styleHash(css.String())),
		MembersCountText: plural(len(members), "member"),
	}
	for _, ps := range passagesOf(in.Annotations) {
		bp := byAuthorPassage{Quote: clean(ps.quote()), Page: pageLabel(ps.Page)}
		byMember := map[int]*byAuthorReading{}
		var order []int
		for _, a := range ps.anns {
			mi := memberOf[authors.Key(a.Author)]
			r := byMember[mi]
			if r == nil {
				r = &byAuthorReading{Member: members[mi]}
				byMember[mi] = r
				order = append(order, mi)
			}
			for _, t := range uniqueTags(a.Tags) {
				if !slices.ContainsFunc(r.Tags, func(x byAuthorTag) bool { return x.Name == t }) {
					cls := tagClass[t]
					if cls == "" {
						cls = "tx"
					}
					r.Tags = append(r.Tags, byAuthorTag{Name: oneLine(t), Class: cls})
				}
			}
			if n := clean(a.Note); strings.TrimSpace(n) != "" {
				r.Notes = append(r.Notes, n)
			}
			if a.Status != appraise.Attached {
				r.Status = statusLabel(a.Status)
			}
		}
		slices.Sort(order)
		for _, mi := range order {
			bp.Readings = append(bp.Readings, *byMember[mi])
		}
		bp.Shared = len(order) > 1
		bp.Consensus = fmt.Sprintf("%d of %s", len(order), plural(len(members), "member"))
		p.Passages = append(p.Passages, bp)
	}
	if err := byAuthorTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("handout by author template: %w", err)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// membersOf lists the annotations' authors by name (folded as
// authors.Key), with their marks and counts, and maps each folded name to
// its index.
func membersOf(as []appraise.Annotation) ([]member, map[string]int) {
	index := map[string]int{}
	var out []member
	for _, a := range as {
		k := authors.Key(a.Author)
		if i, ok := index[k]; ok {
			out[i].Count++
			continue
		}
		name := oneLine(a.Author)
		if name == "" {
			name = authors.Unknown
		}
		index[k] = len(out)
		out = append(out, member{Name: name, Initials: authors.Initials(a.Author), color: authors.Color(a.Author), Count: 1})
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(strings.ToLower(out[a].Name), strings.ToLower(out[b].Name)) })
	sorted := make([]member, len(out))
	for newI, oldI := range order {
		sorted[newI] = out[oldI]
		sorted[newI].Class = fmt.Sprintf("m%d", newI)
	}
	for k, oldI := range index {
		index[k] = slices.Index(order, oldI)
	}
	return sorted, index
}

// passagesOf joins annotations whose spans overlap into passages, in text
// order. Annotations without a span (orphaned) each make their own.
func passagesOf(as []appraise.Annotation) []passage {
	var out []passage
	for _, a := range sortedAnnotations(as) {
		n := len(out)
		if n > 0 && a.Anchor.End > a.Anchor.Start && a.Anchor.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, a.Anchor.End)
			out[n-1].anns = append(out[n-1].anns, a)
			continue
		}
		out = append(out, passage{Start: a.Anchor.Start, End: a.Anchor.End, Page: a.Anchor.Page, anns: []appraise.Annotation{a}})
	}
	return out
}

// quote rebuilds the passage's text from its annotations' exact quotes,
// which are the text at their offsets; where an offset does not fit its
// quote (a damaged or foreign annotation) the longest quote is used.
func (p passage) quote() string {
	if len(p.anns) == 1 {
		return p.anns[0].Anchor.Exact
	}
	n := p.End - p.Start
	if n <= 0 || n > 1<<20 {
		return p.longest()
	}
	text := make([]rune, n)
	have := make([]bool, n)
	for _, a := range p.anns {
		ex := []rune(a.Anchor.Exact)
		if len(ex) != a.Anchor.End-a.Anchor.Start {
			return p.longest()
		}
		for i, r := range ex {
			j := a.Anchor.Start - p.Start + i
			if have[j] && text[j] != r {
				return p.longest()
			}
			text[j], have[j] = r, true
		}
	}
	if slices.Contains(have, false) {
		return p.longest()
	}
	return string(text)
}

func (p passage) longest() string {
	best := ""
	for _, a := range p.anns {
		if len(a.Anchor.Exact) > len(best) {
			best = a.Anchor.Exact
		}
	}
	return best
}
