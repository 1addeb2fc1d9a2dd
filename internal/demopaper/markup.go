package demopaper

import (
	"fmt"
	"strings"
	"unicode"
)

// style is a font face of the Go family.
type style uint8

const (
	regular style = iota
	bold
	italic
	boldItalic
)

// fpdfStyle is the style string fpdf's SetFont takes.
func (s style) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[s]
}

func makeStyle(b, i bool) style {
	switch {
	case b && i:
		return boldItalic
	case b:
		return bold
	case i:
		return italic
	}
	return regular
}

// run is a stretch of text in one face; super runs are set small and
// raised (citation and affiliation markers).
type run struct {
	text  string
	st    style
	super bool
}

// parseMarkup reads the content's inline markup: **bold**, _italic_ and
// ^{superscript}. Unbalanced markers are an error in the content.
func parseMarkup(s string) ([]run, error) {
	var (
		runs         []run
		cur          strings.Builder
		isB, isI     bool
		flushCurrent = func() {
			if cur.Len() > 0 {
				runs = append(runs, run{text: cur.String(), st: makeStyle(isB, isI)})
				cur.Reset()
			}
		}
	)
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "**"):
			flushCurrent()
			isB = !isB
			i += 2
		case s[i] == '_':
			flushCurrent()
			isI = !isI
			i++
		case strings.HasPrefix(s[i:], "^{"):
			flushCurrent()
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("markup %q: unterminated ^{", s)
			}
			runs = append(runs, run{text: s[i+2 : i+end], super: true})
			i += end + 1
		default:
			cur.WriteByte(s[i])
			i++
		}
	}
	flushCurrent()
	if isB || isI {
		return nil, fmt.Errorf("markup %q: unbalanced ** or _", s)
	}
	return runs, nil
}

// truthText is the text an ideal extractor gives for runs: markup removed,
// and each superscript marker written as pdfextract's layout writes
// citation and affiliation markers (pdfextract/CONTRACT.md, "demo truth"):
// in square brackets as a word of its own — a space before it unless it
// begins the text, a space after it when a letter or digit follows
// directly, punctuation staying attached: "thin [1,2].", "[1] Department".
func truthText(runs []run) string {
	var b strings.Builder
	for i, r := range runs {
		if !r.super {
			b.WriteString(r.text)
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
		b.WriteString("[" + r.text + "]")
		if i+1 < len(runs) {
			next := []rune(runs[i+1].text)
			if len(next) > 0 && (unicode.IsLetter(next[0]) || unicode.IsDigit(next[0])) {
				b.WriteByte(' ')
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// word is what sits between two spaces: one or more runs, a superscript
// marker included.
type word struct{ runs []run }

// plain is the word's characters without markup.
func (w word) plain() string {
	var b strings.Builder
	for _, r := range w.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// splitWords cuts runs at spaces into words.
func splitWords(runs []run) []word {
	var (
		out []word
		cur []run
	)
	for _, r := range runs {
		if r.super {
			cur = append(cur, r)
			continue
		}
		parts := strings.Split(r.text, " ")
		for j, p := range parts {
			if j > 0 && len(cur) > 0 {
				out = append(out, word{cur})
				cur = nil
			}
			if p != "" {
				cur = append(cur, run{text: p, st: r.st})
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, word{cur})
	}
	return out
}
