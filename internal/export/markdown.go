package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// writeMarkdown writes the handout as CommonMark (with GitHub's extensions
// in mind): YAML front matter with the paper's properties, then the same
// parts as the HTML handout, every piece of user text escaped so it
// renders as the text it is.
func writeMarkdown(w io.Writer, in Input) error {
	var b strings.Builder
	writeFrontMatter(&b, in)
	fmt.Fprintf(&b, "# %s\n\n", mdLine(paperTitle(in.Paper)))
	if c := mdCitation(citation(in.Paper.Meta)); c != "" {
		b.WriteString(c + "\n\n")
	}
	b.WriteString("*Journal club handout*\n\n")

	b.WriteString("## Appraisal\n\n")
	a := in.Paper.Appraisal
	appr := buildAppraisal(in.Appraisal)
	fields := []struct{ label, value string }{
		{"Study design", designLabel(a)},
		{"Sample size", a.SampleSize},
		{"Setting", a.Setting},
		{"Bottom line", a.BottomLine},
	}
	if appr != nil {
		fields = append(fields[:1], append([]struct{ label, value string }{{"Evidence level", appr.Level}}, fields[1:]...)...)
	}
	for _, f := range fields {
		lines := mdLines(f.value)
		if len(lines) == 0 {
			lines = []string{"*not recorded*"}
		}
		lines[0] = "**" + f.label + ":** " + lines[0]
		b.WriteString(mdItem("- ", lines))
	}
	b.WriteString("\n")
	if appr != nil {
		mdAppraisal(&b, appr)
	}

	secs := sections(in)
	if len(in.Annotations) == 0 {
		b.WriteString("*No passages are tagged in this paper yet. Open it in Appraise and tag who was studied, what it claims and what it cannot show; they will appear here.*\n\n")
	} else {
		var counts []string
		for _, s := range secs {
			counts = append(counts, fmt.Sprintf("%s %d", mdLine(s.Title), len(s.Items)))
		}
		fmt.Fprintf(&b, "**Tagged passages:** %s\n\n", strings.Join(counts, " · "))
	}

	for _, s := range secs {
		fmt.Fprintf(&b, "## %s (%d)\n\n", mdLine(s.Title), len(s.Items))
		if d := mdLine(s.Tag.Description); d != "" {
			fmt.Fprintf(&b, "*%s*\n\n", d)
		}
		if len(s.Items) == 0 {
			fmt.Fprintf(&b, "No passage is tagged “%s”.\n\n", mdLine(s.Tag.Name))
			continue
		}
		for i, an := range s.Items {
			b.WriteString(mdItem(strconv.Itoa(i+1)+". ", mdAnnotation(an.Anchor.Exact, an.Anchor.Page, an.Note, an.Author, statusLabel(an.Status))))
		}
		b.WriteString("\n")
	}

	b.WriteString("---\n\n")
	gen := "Generated"
	if d := day(in.Generated); d != "" {
		gen += " " + d
	}
	fmt.Fprintf(&b, "%s with %s. Quotes are verbatim from the text Appraise extracted from the PDF; page numbers refer to the PDF.\n",
		gen, mdLine(appName(in.AppVersion)))
	_, err := io.WriteString(w, b.String())
	return err
}

// mdAnnotation is the lines of one item: the quote and its page, the note,
// and who tagged it.
func mdAnnotation(quote string, page int, note, author, status string) []string {
	q := mdLines(quote)
	if len(q) == 0 {
		q = []string{""}
	}
	q[0] = "“" + q[0]
	q[len(q)-1] += "”"
	if p := pageLabel(page); p != "" {
		q[len(q)-1] += " (" + p + ")"
	}
	lines := q
	if n := mdLines(note); len(n) > 0 {
		n[0] = "**Note:** " + n[0]
		lines = append(lines, n...)
	}
	var by []string
	if a := mdLine(author); a != "" {
		by = append(by, "— "+a)
	}
	if status != "" {
		by = append(by, "**⚠ "+status+"**")
	}
	if len(by) > 0 {
		lines = append(lines, strings.Join(by, " · "))
	}
	return lines
}

// mdItem writes a list item whose lines form one paragraph joined by hard
// line breaks, continuation lines indented under the marker so they stay
// inside the item.
func mdItem(marker string, lines []string) string {
	indent := strings.Repeat(" ", len(marker))
	return marker + strings.Join(lines, "\\\n"+indent) + "\n"
}

func mdCitation(c citationParts) string {
	var parts []string
	for _, s := range []string{c.Authors, c.Journal, c.Year} {
		if s != "" {
			parts = append(parts, mdEscapeLine(strings.TrimSuffix(s, "."))+".")
		}
	}
	switch {
	case c.DOIURL != "":
		parts = append(parts, "[doi:"+mdLine(c.DOI)+"](<"+c.DOIURL+">)")
	case c.DOI != "":
		parts = append(parts, "doi:"+mdLine(c.DOI))
	}
	return strings.Join(parts, " ")
}

// mdLines splits user text into escaped lines, dropping blank ones (a
// blank line would end the list item the text belongs to).
func mdLines(s string) []string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = mdEscapeLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// mdLine escapes user text that must stay on one line and does not start
// a line of the document.
func mdLine(s string) string {
	return balanceBidi(mdEscapeInline(oneLine(s)))
}

// mdSpecial are the characters escaped wherever they occur: each can open
// or close inline markup in CommonMark or GitHub Flavored Markdown (code,
// emphasis, links, images, footnotes, raw HTML, entities, tables,
// strikethrough, math, e-mail autolinks) or, at a line start, a heading, a
// block quote or a fence.
const mdSpecial = "\\`*_[]<>|~&$#@{}"

// mdEscapeLine escapes one line of user text so it renders as the text it
// is, even at the start of a line. Leading and trailing white
// space is dropped (leading spaces could make an indented code block,
// trailing ones a hard break), and bidi controls the line leaves open are
// closed.
func mdEscapeLine(l string) string {
	l = strings.TrimRightFunc(strings.TrimLeftFunc(l, isBreakingSpace), isBreakingSpace)
	if l == "" {
		return ""
	}
	out := mdEscapeInline(l)
	// Line starts that open a block: list items ("-", "+", "1.", "1)"),
	// setext underlines and thematic breaks ("=", "-"). "#", ">", "*",
	// "_", "`", "~", "|" and "<" are escaped already.
	switch out[0] {
	case '-', '+', '=':
		out = "\\" + out
	default:
		if n := leadingDigits(out); n > 0 && n <= 9 && n < len(out) && (out[n] == '.' || out[n] == ')') {
			out = out[:n] + "\\" + out[n:]
		}
	}
	return balanceBidi(out)
}

// mdEscapeInline escapes the characters of l that could open or close
// inline markup.
func mdEscapeInline(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case strings.IndexByte(mdSpecial, c) >= 0:
			b.WriteByte('\\')
		case c == ':' && strings.HasPrefix(l[i:], "://"):
			// "https://…" would become a link (GFM autolink).
			b.WriteByte('\\')
		case c == '.' && i >= 3 && strings.EqualFold(l[i-3:i], "www") && (i == 3 || !isWordByte(l[i-4])):
			// "www.example.com" would become a link (GFM autolink).
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// mdAppraisal writes the PICO, the checklist (a table: traffic light,
// answer, comment and evidence), the items not reported, and each claim's
// certainty with what lowered it.
func mdAppraisal(b *strings.Builder, m *appraisalModel) {
	if len(m.PICO) > 0 {
		b.WriteString("## PICO\n\n")
		for _, f := range m.PICO {
			lines := mdLines(f.Value)
			lines[0] = "**" + f.Label + ":** " + lines[0]
			b.WriteString(mdItem("- ", lines))
		}
		b.WriteString("\n")
	}
	if c := m.Checklist; c != nil {
		fmt.Fprintf(b, "## Checklist: %s\n\n", mdLine(c.Name))
		src := ""
		if c.Source != "" {
			src = "Paraphrased from: " + mdLine(c.Source) + ". "
		}
		fmt.Fprintf(b, "*%sVersion %s. %d of %d items answered.*\n\n", src, mdLine(c.Version), c.Answered, len(c.Rows))
		b.WriteString("| # | Rating | Question | Answer | Comment and evidence |\n|---|---|---|---|---|\n")
		for _, r := range c.Rows {
			ans := mdCell(r.Answer)
			if ans == "" {
				ans = "*not answered*"
			}
			if r.NotReported {
				ans += " (not reported)"
			}
			var notes []string
			if r.Comment != "" {
				notes = append(notes, mdCell(r.Comment))
			}
			for _, q := range r.Evidence {
				notes = append(notes, mdQuoteCell(q))
			}
			fmt.Fprintf(b, "| %d | %s %s | %s | %s | %s |\n", r.Number, lightSymbol(r.Light), r.LightLabel, mdCell(r.Text), ans, strings.Join(notes, "<br>"))
		}
		b.WriteString("\n")
		if len(c.NotReported) > 0 {
			b.WriteString("### Not reported in the paper\n\n")
			for _, r := range c.NotReported {
				line := fmt.Sprintf("Item %d: %s", r.Number, mdLine(r.Text))
				if r.Comment != "" {
					line += " — " + mdLine(r.Comment)
				}
				b.WriteString("- " + line + "\n")
			}
			b.WriteString("\n")
		}
	}
	if len(m.Claims) > 0 {
		b.WriteString("## Certainty of each claim\n\n")
		for i, c := range m.Claims {
			lines := mdAnnotation(c.Quote, 0, "", "", "")
			if c.Page != "" {
				lines[len(lines)-1] += " (" + c.Page + ")"
			}
			lines = append(lines, fmt.Sprintf("Starts %s; certainty **%s**", c.Start, c.Final))
			for _, d := range c.Lowered {
				lines = append(lines, "Rated down: "+d.Label+" ("+d.Level+")"+mdQuotes(d.Reasons))
			}
			for _, d := range c.Raised {
				lines = append(lines, "Rated up: "+d.Label+" ("+d.Level+")"+mdQuotes(d.Reasons))
			}
			if len(c.LimitedBy) > 0 {
				lines = append(lines, "Limited by"+mdQuotes(c.LimitedBy))
			}
			if len(c.About) > 0 {
				lines = append(lines, "About"+mdQuotes(c.About))
			}
			b.WriteString(mdItem(strconv.Itoa(i+1)+". ", lines))
		}
		b.WriteString("\n")
	}
}

// lightSymbol is the traffic light as a character that survives plain
// text.
func lightSymbol(class string) string {
	switch class {
	case "good":
		return "🟢"
	case "bad":
		return "🔴"
	case "unclear":
		return "🟡"
	case "na":
		return "⚪"
	}
	return "◌"
}

// mdCell is user text inside a table cell: one line, escaped ("|" too).
func mdCell(s string) string { return mdLine(s) }

func mdQuoteCell(q quoteModel) string {
	if q.Missing {
		return "*a linked annotation was deleted*"
	}
	s := "“" + mdCell(q.Quote) + "”"
	if q.Page != "" {
		s += " (" + q.Page + ")"
	}
	return s
}

func mdQuotes(qs []quoteModel) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, mdQuoteCell(q))
	}
	if len(parts) == 0 {
		return ""
	}
	return " — " + strings.Join(parts, "; ")
}
