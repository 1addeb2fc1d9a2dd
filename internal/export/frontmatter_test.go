package export

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"appraise.app/appraise/internal/appraise"
)

// frontMatter is the YAML block as a note-taking tool reads it.
type frontMatter struct {
	Title   string   `yaml:"title"`
	Authors []string `yaml:"authors"`
	Year    int      `yaml:"year"`
	DOI     string   `yaml:"doi"`
	Design  string   `yaml:"design"`
	Tags    []string `yaml:"tags"`
	PaperID string   `yaml:"paper_id"`
}

// splitFrontMatter asserts that md starts with a YAML front matter block
// that parses (gopkg.in/yaml.v3) to exactly the paper's properties, and
// returns the Markdown after it.
func splitFrontMatter(tb testing.TB, md string, in Input) string {
	tb.Helper()
	rest, ok := strings.CutPrefix(md, "---\n")
	if !ok {
		tb.Fatalf("Markdown does not start with front matter: %q", short(md))
	}
	block, body, ok := strings.Cut(rest, "\n---\n\n")
	if !ok {
		tb.Fatalf("front matter is not closed by a --- line: %q", short(rest))
	}
	var fm frontMatter
	if err := yaml.Unmarshal([]byte(block), &fm); err != nil {
		tb.Fatalf("front matter is not YAML: %v\n%s", err, block)
	}
	var raw map[string]any
	yaml.Unmarshal([]byte(block), &raw)
	for k := range raw {
		if !slices.Contains([]string{"title", "authors", "year", "doi", "design", "tags", "paper_id"}, k) {
			tb.Errorf("front matter has an unexpected key %q (user text broke out of a value?)", k)
		}
	}
	p := in.Paper
	valid := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	want := frontMatter{Title: valid(paperTitleRaw(p)), Year: p.Meta.Year, DOI: valid(p.Meta.DOI),
		Design: valid(designLabel(p.Appraisal)), PaperID: string(p.ID)}
	for _, a := range p.Meta.Authors {
		want.Authors = append(want.Authors, valid(a))
	}
	for _, s := range sections(in) {
		if s.Tag.Name != "" && len(s.Items) > 0 {
			want.Tags = append(want.Tags, strings.Join(strings.Fields(valid(s.Tag.Name)), "-"))
		}
	}
	if fm.Title != want.Title || fm.Year != want.Year || fm.DOI != want.DOI || fm.Design != want.Design ||
		fm.PaperID != want.PaperID || !slices.Equal(fm.Authors, want.Authors) || !slices.Equal(fm.Tags, want.Tags) {
		tb.Errorf("front matter reads back as\n%+v\nwant\n%+v", fm, want)
	}
	return body
}

func TestFrontMatterOfTheDemoPaper(t *testing.T) {
	in := demoInput()
	md := render(t, appraise.FormatMarkdown, in)
	splitFrontMatter(t, md, in)
	for _, line := range []string{
		`title: "Interpersonal psychotherapy with adjunctive bright-light exposure for postpartum depression: a retrospective case series"`,
		"year: 2024", `doi: "10.5555/jccs.2024.0173"`, `  - "Tomás Ibarra"`, `  - "adverse-events"`,
	} {
		if !strings.Contains(md, "\n"+line+"\n") {
			t.Errorf("front matter lacks the line %q", line)
		}
	}
}

func TestFrontMatterTitlesThatLookLikeYAML(t *testing.T) {
	titles := []string{
		"Yes", "no", "null", "~", "2024", "0x1F", "1e3", ".inf", "2024-03-01",
		"Title: with a colon", "# not a comment", "- not a list", "[not, a, list]", "{not: a map}",
		"&anchor *alias !tag |block >folded", "'single' \"double\" \\backslash\\",
		"---", "...", "line one\nline two\r\nline three", "tab\there", "%YAML 1.2",
		"NEL\u0085LS\u2028PS\u2029BOM\uFEFFDEL\x7fNUL\x00ESC\x1b", "bad UTF-8 \xff\xfe",
		"emoji 🧪 and 中文 and é", "\U0010FFFF last code point", "\uFFFE non-character",
		"  leading and trailing spaces  ", "",
	}
	for _, title := range titles {
		in := demoInput()
		in.Paper.Meta.Title = title
		in.Paper.Meta.Authors = []string{title, "- " + title}
		in.Paper.Meta.DOI = title
		md := render(t, appraise.FormatMarkdown, in)
		splitFrontMatter(t, md, in)
	}
}

func TestYAMLQuote(t *testing.T) {
	cases := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`C:\path`, `"C:\\path"`},
		{"a\nb", `"a\nb"`},
		{"\x00\x7f\u0085", `"\x00\x7F\x85"`},
		{"\u2028\uFEFF", `"\u2028\uFEFF"`},
		{"é中🧪", `"é中🧪"`},
	}
	for _, c := range cases {
		if got := yamlQuote(c.in); got != c.want {
			t.Errorf("yamlQuote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
