package export

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// YAML front matter for the Markdown export: the block between "---" lines
// at the top of a note that Obsidian and other note-taking tools read as
// the note's properties. Every string is written as a YAML double-quoted
// scalar (yamlQuote), so no title can end the block, start a comment or a
// list, or be read as a number, a date or a boolean.

// writeFrontMatter writes the paper's properties: title, authors, year,
// DOI, study design, the tags its annotations carry, and its paper id.
func writeFrontMatter(b *strings.Builder, in Input) {
	p := in.Paper
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", yamlQuote(paperTitleRaw(p)))
	yamlList(b, "authors", p.Meta.Authors)
	if p.Meta.Year > 0 {
		fmt.Fprintf(b, "year: %d\n", p.Meta.Year)
	}
	if p.Meta.DOI != "" {
		fmt.Fprintf(b, "doi: %s\n", yamlQuote(p.Meta.DOI))
	}
	if d := designLabel(p.Appraisal); d != "" {
		fmt.Fprintf(b, "design: %s\n", yamlQuote(d))
	}
	yamlList(b, "tags", frontMatterTags(in))
	fmt.Fprintf(b, "paper_id: %s\n", yamlQuote(string(p.ID)))
	b.WriteString("---\n\n")
}

// frontMatterTags are the tags the paper's annotations use, in section
// order, as note-taking tools take tags: Obsidian's may not hold spaces,
// so "adverse events" is written "adverse-events".
func frontMatterTags(in Input) []string {
	var tags []string
	for _, s := range sections(in) {
		if s.Tag.Name != "" && len(s.Items) > 0 {
			tags = append(tags, strings.Join(strings.Fields(s.Tag.Name), "-"))
		}
	}
	return tags
}

// yamlList writes key as a block sequence of quoted strings, or nothing
// when values is empty.
func yamlList(b *strings.Builder, key string, values []string) {
	if len(values) == 0 {
		return
	}
	b.WriteString(key + ":\n")
	for _, v := range values {
		b.WriteString("  - " + yamlQuote(v) + "\n")
	}
}

// yamlQuote writes s as a YAML double-quoted scalar on one line: invalid
// UTF-8 becomes U+FFFD; quotes, backslashes, and every character YAML does
// not allow as printable or reads as a line break (C0 and C1 controls,
// DEL, NEL, U+2028, U+2029, U+FEFF, non-characters) are escaped.
func yamlQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case yamlPrintable(r):
			b.WriteRune(r)
		case r <= 0xFF:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPrintable reports whether YAML 1.2 allows r as it is in a
// double-quoted scalar, without reading it as a line break.
func yamlPrintable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7E:
		return true
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= utf8.MaxRune:
		return true
	}
	return false
}
