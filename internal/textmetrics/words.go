package textmetrics

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words splits text into normalised words in order: NFKC-folded (so "ﬁ"
// counts as "fi" and "²" as "2"), lower-cased, with every rune that is not
// a letter, digit or combining mark removed. Runs separated only by
// punctuation inside a whitespace-delimited token stay one word
// ("follow-up" → "followup"), which makes a kept hyphen and a removed one
// score alike and leaves hyphenation differences to show up as the words
// they really are.
func Words(text string) []string {
	text = norm.NFKC.String(text)
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	flush()
	return words
}

// Counts is a bag of words: how often each word occurs.
type Counts map[string]int

// CountWords builds the bag of an already split word sequence.
func CountWords(words []string) Counts {
	c := make(Counts, len(words)/2)
	for _, w := range words {
		c[w]++
	}
	return c
}

// Total is the number of words in the bag, repeats included.
func (c Counts) Total() int {
	n := 0
	for _, k := range c {
		n += k
	}
	return n
}

// Overlap is the size of the multiset intersection of two bags: for each
// word, the smaller of its two counts, summed.
func Overlap(a, b Counts) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for w, ka := range a {
		n += min(ka, b[w])
	}
	return n
}
