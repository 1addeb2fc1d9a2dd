package pdfextract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Joining a block's lines and undoing end-of-line hyphenation.
//
// A line ending in a hyphen after a letter, followed by a line starting
// in lower case, is a hyphenated word ("treat-" "ment") unless it is a
// real compound. Without a dictionary the paper itself decides, in order:
//  1. the joined word occurs elsewhere in the paper → join ("treatment");
//  2. the hyphenated form occurs elsewhere in the paper → keep the hyphen
//     ("follow-up");
//  3. both parts occur in the paper as words of three letters or more and
//     the joined word does not → keep the hyphen ("case-control");
//  4. otherwise join: most line-end hyphens are hyphenation.
//
// A hyphen followed by a capital or a digit is kept, with no space
// ("COVID-19", "anti-TNF"); so are dashes. A soft hyphen at a line end is
// removed. URLs and DOIs broken after "/" or "." are joined without a
// space.

// vocabulary counts the paper's words (lower case) and hyphenated
// compounds, from whole tokens inside lines.
type vocabulary struct {
	words     map[string]int
	compounds map[string]int
}

func newVocabulary(lines []*textLine) vocabulary {
	v := vocabulary{words: map[string]int{}, compounds: map[string]int{}}
	afterHyphen := false
	for _, l := range lines {
		fields := strings.Fields(l.text)
		for i, f := range fields {
			if i == 0 && afterHyphen {
				continue // the tail of a hyphenated word
			}
			if i == len(fields)-1 && endsWithHyphen(f) {
				continue // the head of one
			}
			w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
			if w == "" {
				continue
			}
			if strings.ContainsAny(w, "-‐") {
				v.compounds[w]++
				for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' }) {
					v.words[part]++
				}
				continue
			}
			v.words[w]++
		}
		afterHyphen = len(fields) > 0 && endsWithHyphen(fields[len(fields)-1])
	}
	return v
}

func endsWithHyphen(s string) bool {
	return strings.HasSuffix(s, "-") || strings.HasSuffix(s, "‐") || strings.HasSuffix(s, "\u00AD")
}

// joinLines joins a block's line texts into its text, and says where each
// line starts in it (code points; a line without text starts where the
// next one does).
func (v vocabulary) joinLines(ls []*textLine) (string, []int) {
	text, starts, _ := v.joinLinesCut(ls)
	return text, starts
}

// joinLinesCut is joinLines, and also says how many bytes were cut from
// the end of each line's text (a hyphen undone).
func (v vocabulary) joinLinesCut(ls []*textLine) (string, []int, []int) {
	var b []byte
	starts := make([]int, len(ls)) // bytes into b, then code points
	cuts := make([]int, len(ls))
	prev, prevAt := "", 0
	for i, l := range ls {
		t := l.text
		if t == "" {
			starts[i] = -1
			continue
		}
		if prev != "" {
			cut, sep := v.lineJoin(prev, t)
			b = append(b[:len(b)-cut], sep...)
			cuts[prevAt] = cut
		}
		starts[i] = len(b)
		b = append(b, t...)
		prev, prevAt = t, i
	}
	// Byte offsets to code points of the text without soft hyphens.
	runes, at := 0, 0
	for i := range starts {
		if starts[i] < 0 {
			continue
		}
		for _, r := range string(b[at:starts[i]]) {
			if r != '\u00AD' {
				runes++
			}
		}
		at, starts[i] = starts[i], runes
	}
	next := runes
	for _, r := range string(b[at:]) {
		if r != '\u00AD' {
			next++
		}
	}
	for i := len(starts) - 1; i >= 0; i-- {
		if starts[i] < 0 {
			starts[i] = next
		}
		next = starts[i]
	}
	return strings.ReplaceAll(string(b), "\u00AD", ""), starts, cuts
}

// lineJoin decides how line next follows line prev: how many bytes to cut
// from the end of prev (a hyphen) and what to put between them.
func (v vocabulary) lineJoin(prev, next string) (cut int, sep string) {
	last, size := utf8.DecodeLastRuneInString(prev)
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-size])
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case last == '\u00AD':
		return size, ""
	case last == '-' || last == '‐':
		if !unicode.IsLetter(before) && !unicode.IsDigit(before) {
			return 0, " "
		}
		if !unicode.IsLower(first) || !unicode.IsLetter(before) {
			return 0, ""
		}
		if v.keepHyphen(prev[:len(prev)-size], next) {
			return 0, ""
		}
		return size, ""
	case last == '–' || last == '—':
		if unicode.IsLetter(before) || unicode.IsDigit(before) {
			return 0, ""
		}
	case isBrokenURL(prev):
		return 0, ""
	}
	return 0, " "
}

// keepHyphen applies rules 1–3 to the word ending head and the one
// starting tail.
func (v vocabulary) keepHyphen(head, tail string) bool {
	w1 := trailingLetters(head)
	w2 := leadingLetters(tail)
	if w1 == "" || w2 == "" {
		return false
	}
	l1, l2 := strings.ToLower(w1), strings.ToLower(w2)
	if v.words[l1+l2] > 0 {
		return false
	}
	if v.compounds[l1+"-"+l2] > 0 {
		return true
	}
	return utf8.RuneCountInString(l1) >= 3 && utf8.RuneCountInString(l2) >= 3 && v.words[l1] > 0 && v.words[l2] > 0
}

func trailingLetters(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

func leadingLetters(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// isBrokenURL: the line's last token is a URL or DOI cut after a
// separator.
func isBrokenURL(line string) bool {
	tok := lastToken(line)
	if !strings.Contains(tok, "://") && !strings.HasPrefix(tok, "www.") && !strings.Contains(tok, "doi.org") && !strings.HasPrefix(tok, "10.") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(tok)
	return strings.ContainsRune("/._-=?&#", r)
}
