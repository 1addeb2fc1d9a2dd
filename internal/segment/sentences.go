package segment

import (
	"strings"
	"unicode"
)

// span is a half-open range of code points.
type span struct{ Start, End int }

// labelMaxWords is how many words a leading label ("Methods.", "Figure 2.")
// may have and still be joined to the sentence it introduces.
const labelMaxWords = 2

// sentences splits r into sentences and returns their spans, without the
// whitespace around them, in order. Every code point of r is in exactly one
// span or is whitespace between spans.
func sentences(r []rune) []span {
	var out []span
	start := 0
	for i := 0; i < len(r); i++ {
		if !isTerminator(r[i]) || i > start && isTerminator(r[i-1]) {
			continue // a run of terminators is judged at its first one
		}
		end, next, ok := boundaryAt(r, i)
		if !ok {
			continue
		}
		if s, ok := trim(r, span{start, end}); ok {
			out = append(out, s)
		}
		start = next
		i = next - 1
	}
	if s, ok := trim(r, span{start, len(r)}); ok {
		out = append(out, s)
	}
	return joinLabels(r, out)
}

// boundaryAt decides whether the terminator at r[i] ends a sentence. If so,
// end is where the sentence ends (after closing quotes, brackets and a
// citation marker) and next where the following one may start.
func boundaryAt(r []rune, i int) (end, next int, ok bool) {
	j := i + 1
	for j < len(r) && isTerminator(r[j]) {
		j++
	}
	for j < len(r) && isCloser(r[j]) {
		j++
	}
	j = skipCitation(r, i, j)
	if j == len(r) {
		return j, j, true
	}
	if !unicode.IsSpace(r[j]) {
		// "…in 2008).The next": a sentence glued to the previous one by a
		// missing space, recognisable only after a closing bracket.
		if r[i] == '.' && j == i+1 && i > 0 && (r[i-1] == ')' || r[i-1] == ']') && startsWord(r, j) {
			return j, j, true
		}
		return 0, 0, false
	}
	k := j
	for k < len(r) && unicode.IsSpace(r[k]) {
		k++
	}
	if e := bracketCitationEnd(r, k); e > k && (e == len(r) || unicode.IsSpace(r[e])) {
		// A superscript citation written apart after the full stop
		// ("shown. [12] Next") belongs to the sentence it follows.
		j, k = e, e
		for k < len(r) && unicode.IsSpace(r[k]) {
			k++
		}
	}
	if k == len(r) {
		return j, k, true
	}
	if !breakBetween(r, i, k) {
		return 0, 0, false
	}
	return j, k, true
}

// startsWord reports a capitalised word of at least two letters at r[j]
// whose second letter is lower case ("The", not "A" or "DNA").
func startsWord(r []rune, j int) bool {
	return j+1 < len(r) && unicode.IsUpper(r[j]) && unicode.IsLower(r[j+1])
}

// skipCitation moves j past a citation marker glued to the full stop at
// r[i]: "[12]", "[3, 4]", "[5–7]" (repeatable), superscript digits, or plain
// digits right after a word's full stop ("performance.13 One"), when what
// follows the marker is whitespace or the end.
func skipCitation(r []rune, i, j int) int {
	for e := bracketCitationEnd(r, j); e > j; e = bracketCitationEnd(r, j) {
		j = e
	}
	k := j
	for k < len(r) && isSuperscriptDigit(r[k]) {
		k++
	}
	if k > j {
		return k
	}
	if r[i] == '.' && j == i+1 && i > 0 && unicode.IsLetter(r[i-1]) {
		for k < len(r) && k-j < 12 && (isASCIIDigit(r[k]) || r[k] == ',' || r[k] == '–' || r[k] == '-') {
			k++
		}
		if k > j && isASCIIDigit(r[j]) && isASCIIDigit(r[k-1]) && (k == len(r) || unicode.IsSpace(r[k])) {
			return k
		}
	}
	return j
}

// bracketCitationEnd returns the end of a numeric citation in square
// brackets at r[j] ("[12]", "[3, 4]", "[5–7]"), or j when there is none.
func bracketCitationEnd(r []rune, j int) int {
	if j >= len(r) || r[j] != '[' {
		return j
	}
	k := j + 1
	for k < len(r) && k-j < 24 && isCitationRune(r[k]) {
		k++
	}
	if k >= len(r) || r[k] != ']' || k == j+1 || !isASCIIDigit(r[j+1]) {
		return j
	}
	return k + 1
}

// breakBetween decides, for the terminator at r[i] followed by whitespace
// and the next token at r[k], whether a sentence ends there.
func breakBetween(r []rune, i, k int) bool {
	next := tokenAt(r, k)
	nextCore := strings.TrimLeftFunc(next, isOpener)
	if nextCore == "" {
		return true
	}
	c := []rune(nextCore)[0]
	if strings.ContainsRune(",;:)]}%", c) {
		return false
	}
	if isPanelLabel(next) {
		return true // "n = 38. (c) The motility"
	}
	lowerNext := unicode.IsLower(c) && !hasLaterUpper(nextCore)
	if r[i] != '.' && r[i] != '…' {
		return !lowerNext // "?" and "!"
	}
	if lowerNext {
		return false
	}
	words := wordsBefore(r, i, 2)
	w := words[0]
	lw := strings.ToLower(w)
	switch {
	case w == "":
		return true
	case isAlwaysAbbrev(lw):
		return false
	case lw == "p" && isASCIIDigit(c):
		return false // "see p. 17"
	case lw == "al" && strings.ToLower(words[1]) == "et":
		return sentenceStarter(nextCore)
	case isDottedAbbrev(w):
		return sentenceStarter(nextCore)
	case isInitial(w):
		if isInitial(strings.TrimSuffix(next, ".")) && strings.HasSuffix(next, ".") {
			return false // "J. K. Rowling"
		}
		prev := words[1]
		if prev == "" || isInitial(prev) {
			return false
		}
		if unicode.IsLower([]rune(prev)[0]) {
			return true // "vitamin D. The"
		}
		return sentenceStarter(nextCore)
	case isEnumerator(w) && (strings.HasSuffix(words[1], ":") || strings.HasSuffix(words[1], ";")):
		return false // "as follows: 1. Patients"
	}
	return true
}

// tokenAt returns the whitespace-delimited token starting at r[k].
func tokenAt(r []rune, k int) string {
	e := k
	for e < len(r) && !unicode.IsSpace(r[e]) {
		e++
	}
	return string(r[k:e])
}

// wordsBefore returns the n tokens before r[i] (nearest first), with
// opening brackets and quotes stripped from their start; "" when absent.
func wordsBefore(r []rune, i, n int) []string {
	out := make([]string, n)
	e := i
	for w := 0; w < n; w++ {
		s := e
		for s > 0 && !unicode.IsSpace(r[s-1]) {
			s--
		}
		out[w] = strings.TrimLeftFunc(string(r[s:e]), isOpener)
		if w > 0 {
			out[w] = strings.TrimRight(out[w], ".")
		}
		e = s
		for e > 0 && unicode.IsSpace(r[e-1]) {
			e--
		}
		if e == 0 {
			break
		}
	}
	return out
}

// joinLabels merges a short leading label ("Methods.", "Figure 2.") into
// the sentence after it.
func joinLabels(r []rune, spans []span) []span {
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if i+1 < len(spans) && isLabel(r[s.Start:s.End]) {
			s.End = spans[i+1].End
			i++
		}
		out = append(out, s)
	}
	return out
}

// isLabel reports a capitalised or numbered fragment of at most
// labelMaxWords words that ends with a full stop.
func isLabel(s []rune) bool {
	if len(s) == 0 || s[len(s)-1] != '.' {
		return false
	}
	if !unicode.IsUpper(s[0]) && !unicode.IsDigit(s[0]) {
		return false
	}
	return len(strings.Fields(string(s))) <= labelMaxWords
}
