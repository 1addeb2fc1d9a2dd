package textmetrics

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Sentence integrity: a clinician tags sentences, so a sentence broken by
// a caption, a sidebar or a column jump is wrong even when every word is
// present. SentenceIntegrity is the share of the reference's sentences of
// MinIntegrityWords words or more whose letters and digits appear
// contiguously in the extraction, blind to spacing, punctuation and case
// (so a dehyphenated or re-spaced sentence is whole, one interrupted by
// anything else is not).
//
// The reference is split by a rule of its own, independent of the
// extractor's segmenter (internal/segment), so the score cannot be raised
// by changing the segmenter: paragraphs are separated by blank lines; a
// sentence ends at ".", "!" or "?" (after any closing quotes or brackets)
// followed by white space and an upper-case letter, digit or opening
// bracket, except after a short list of abbreviations and single-letter
// initials. A wrong split only makes two shorter sentences; each still has
// to be whole.

// MinIntegrityWords is the shortest reference sentence SentenceIntegrity
// counts: shorter ones (headings, labels, table cells) would be found by
// chance.
const MinIntegrityWords = 8

// Integrity is the sentence-integrity count of one extraction.
type Integrity struct {
	Whole, Total int // sentences found whole; sentences counted
}

// Share is Whole/Total; 1 when no sentence counts.
func (i Integrity) Share() float64 {
	if i.Total == 0 {
		return 1
	}
	return float64(i.Whole) / float64(i.Total)
}

// SentenceIntegrity counts the reference sentences of MinIntegrityWords
// words or more that appear whole in got.
func SentenceIntegrity(got, ref string) Integrity {
	i, _ := BrokenSentences(got, ref)
	return i
}

// BrokenSentences is SentenceIntegrity that also returns the reference
// sentences counted and not found whole, for a developer to read.
func BrokenSentences(got, ref string) (Integrity, []string) {
	hay := letterDigits(got)
	var out Integrity
	var broken []string
	for _, s := range Sentences(ref) {
		if len(Words(s)) < MinIntegrityWords {
			continue
		}
		out.Total++
		if strings.Contains(hay, letterDigits(s)) {
			out.Whole++
		} else {
			broken = append(broken, s)
		}
	}
	return out, broken
}

// letterDigits is text NFKC-folded and lower-cased with everything but
// letters, digits and marks removed.
func letterDigits(text string) string {
	text = norm.NFKC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Sentences splits a reference text into sentences by the rule in the
// comment above, each with its white space collapsed.
func Sentences(ref string) []string {
	var out []string
	for _, para := range splitParagraphs(ref) {
		out = append(out, splitSentences(strings.Join(strings.Fields(para), " "))...)
	}
	return out
}

// splitParagraphs splits at blank lines (lines holding only white space).
func splitParagraphs(text string) []string {
	var paras []string
	var cur []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, "\n"))
	}
	return paras
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g.": true, "i.e.": true, "al.": true, "fig.": true, "figs.": true, "vs.": true,
	"cf.": true, "dr.": true, "no.": true, "eq.": true, "ref.": true, "refs.": true,
	"approx.": true, "ca.": true, "st.": true, "mr.": true, "mrs.": true, "prof.": true,
	"vol.": true, "pp.": true, "etc.": true, "resp.": true, "tab.": true,
}

// splitSentences splits one paragraph whose white space is single spaces.
func splitSentences(p string) []string {
	r := []rune(p)
	var out []string
	start := 0
	for i := 0; i < len(r); i++ {
		if r[i] != '.' && r[i] != '!' && r[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(r) && strings.ContainsRune(`"')]”’`, r[j]) {
			j++
		}
		if j+1 >= len(r) || r[j] != ' ' || !opensSentence(r[j+1]) {
			continue
		}
		if r[i] == '.' && notAnEnd(r[start:i+1]) {
			continue
		}
		out = append(out, string(r[start:j]))
		start = j + 1
		i = j
	}
	if start < len(r) {
		out = append(out, string(r[start:]))
	}
	return out
}

// opensSentence reports whether c can be a sentence's first character.
func opensSentence(c rune) bool {
	return unicode.IsUpper(c) || unicode.IsDigit(c) || strings.ContainsRune(`"'([“‘`, c)
}

// notAnEnd reports whether s, text ending in a full stop, ends in an
// abbreviation or a single-letter initial.
func notAnEnd(s []rune) bool {
	k := len(s) - 1
	for k > 0 && s[k-1] != ' ' {
		k--
	}
	last := strings.ToLower(string(s[k:]))
	if abbreviations[last] {
		return true
	}
	letters := []rune(strings.TrimSuffix(last, "."))
	return len(letters) == 1 && unicode.IsLetter(letters[0])
}
