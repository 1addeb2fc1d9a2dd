package segment

import (
	"strings"
	"unicode"
)

// isAlwaysAbbrev reports abbreviations (lower case, without the final
// full stop) that introduce something and so never end a sentence in
// papers: "Fig. 2", "Dr. Smith", "e.g. MRI", "vs. placebo", "No. 5",
// "(ref. 12)".
func isAlwaysAbbrev(lw string) bool {
	switch lw {
	case "dr", "mr", "mrs", "ms", "prof", "st",
		"fig", "figs", "eq", "eqs", "ref", "refs",
		"no", "nos", "vol", "pp", "sect", "suppl",
		"vs", "approx", "ca", "cf", "viz", "resp",
		"e.g", "i.e", "incl", "tab", "chap", "ed":
		return true
	}
	return false
}

// isStarter reports words (lower case) that often begin a sentence in
// papers. After an ambiguous abbreviation ("et al.", "U.S.", an initial) a
// capitalised next word ends the sentence only when it is one of these.
func isStarter(lw string) bool {
	switch lw {
	case "a", "an", "the", "this", "these", "those", "that", "there", "their", "they", "it", "its",
		"in", "on", "at", "of", "to", "for", "from", "by", "with", "as", "after", "before",
		"during", "while", "when", "where", "although", "though",
		"however", "moreover", "furthermore", "thus", "therefore", "hence", "here", "finally",
		"first", "second", "third", "similarly", "overall", "additionally", "conversely",
		"nevertheless", "nonetheless", "notably", "importantly", "indeed", "instead", "also",
		"both", "each", "every", "all", "some", "most", "many", "several", "such", "none",
		"one", "two", "we", "our", "us", "i", "he", "she", "his", "her", "if", "because",
		"since", "despite", "given", "using", "further", "other", "another",
		"patients", "participants", "results", "data", "future", "taken", "together":
		return true
	}
	return false
}

// sentenceStarter reports whether tok (opening punctuation stripped) is a
// capitalised frequent sentence starter.
func sentenceStarter(tok string) bool {
	r := []rune(tok)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	w := strings.ToLower(strings.TrimRightFunc(tok, func(c rune) bool { return !unicode.IsLetter(c) }))
	return isStarter(w)
}

// isInitial reports a single capital letter: "J" of "J. K. Rowling".
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// isDottedAbbrev reports letter-dot sequences such as "U.S" or "a.m".
func isDottedAbbrev(w string) bool {
	r := []rune(w)
	if len(r) < 3 || len(r)%2 == 0 {
		return false
	}
	for i, c := range r {
		if i%2 == 0 && !unicode.IsLetter(c) || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// isEnumerator reports a list number: one or two digits.
func isEnumerator(w string) bool {
	return len(w) >= 1 && len(w) <= 2 && isASCIIDigit(rune(w[0])) && isASCIIDigit(rune(w[len(w)-1]))
}

// hasLaterUpper reports an upper-case letter after the first rune ("mRNA").
func hasLaterUpper(tok string) bool {
	for i, c := range tok {
		if i > 0 && unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

func isTerminator(c rune) bool { return c == '.' || c == '?' || c == '!' || c == '…' }

func isCloser(c rune) bool { return strings.ContainsRune(")]}\"'”’»›", c) }

func isOpener(c rune) bool { return strings.ContainsRune("([{\"'“‘«‹", c) }

func isCitationRune(c rune) bool {
	return isASCIIDigit(c) || c == ',' || c == ' ' || c == '–' || c == '-' || c == '—'
}

func isSuperscriptDigit(c rune) bool {
	return strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", c)
}

func isASCIIDigit(c rune) bool { return c >= '0' && c <= '9' }

// isPanelLabel reports a bracketed figure-panel or list label: "(c)",
// "(A)", "(ii)", "(3)".
func isPanelLabel(tok string) bool {
	r := []rune(tok)
	if len(r) < 3 || len(r) > 5 || r[0] != '(' || r[len(r)-1] != ')' {
		return false
	}
	for _, c := range r[1 : len(r)-1] {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}
