package demopaper

import (
	"strings"
	"unicode"
)

// breakPoint is a place a word may be broken at a line end: after rune
// Pos of the word's plain text; Soft breaks add a hyphen that the truth
// drops, hard ones follow a hyphen already in the word (a compound such as
// "follow-up"), which the truth keeps.
type breakPoint struct {
	Pos  int
	Soft bool
}

// hyphenator knows where words may be broken: hyphens in compounds, and
// syllable breaks from a small hand-made dictionary of the paper's long
// words.
type hyphenator struct{ dict map[string][]int }

func newHyphenator() hyphenator {
	h := hyphenator{dict: map[string][]int{}}
	for _, entry := range strings.Fields(hyphenationList) {
		var pos []int
		n := 0
		for _, r := range entry {
			if r == '-' {
				pos = append(pos, n)
				continue
			}
			n++
		}
		h.dict[strings.ReplaceAll(entry, "-", "")] = pos
	}
	return h
}

// minLeft and minRight are how many letters must stay on each side of a
// break.
const (
	minLeft  = 2
	minRight = 3
)

// points lists the word's break points in increasing order.
func (h hyphenator) points(w word) []breakPoint {
	text := []rune(w.plain())
	limit := len(text)
	// Never break inside or before a trailing superscript.
	if last := w.runs[len(w.runs)-1]; last.super {
		limit -= len([]rune(last.text))
	}
	var out []breakPoint
	segStart := 0
	for i := 0; i <= limit; i++ {
		if i < limit && text[i] != '-' {
			continue
		}
		out = append(out, h.segmentPoints(text[segStart:i], segStart)...)
		if i < limit && i >= minLeft && limit-(i+1) >= 2 && isAlnum(text[i-1]) && unicode.IsLetter(text[i+1]) {
			out = append(out, breakPoint{Pos: i + 1})
		}
		segStart = i + 1
	}
	return out
}

// segmentPoints finds dictionary breaks in one hyphen-free segment whose
// letters begin after any opening punctuation.
func (h hyphenator) segmentPoints(seg []rune, offset int) []breakPoint {
	start := 0
	for start < len(seg) && !unicode.IsLetter(seg[start]) {
		start++
	}
	end := start
	for end < len(seg) && unicode.IsLetter(seg[end]) {
		end++
	}
	core := strings.ToLower(string(seg[start:end]))
	var out []breakPoint
	for _, p := range h.dict[core] {
		if p >= minLeft && len([]rune(core))-p >= minRight {
			out = append(out, breakPoint{Pos: offset + start + p, Soft: true})
		}
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitWord cuts w after rune pos of its plain text; a soft break ends the
// head with a hyphen in the face of the letter before it.
func splitWord(w word, bp breakPoint) (head, tail word) {
	n := 0
	for i, r := range w.runs {
		rs := []rune(r.text)
		if n+len(rs) <= bp.Pos {
			head.runs = append(head.runs, r)
			n += len(rs)
			continue
		}
		cut := bp.Pos - n
		if cut > 0 {
			head.runs = append(head.runs, run{text: string(rs[:cut]), st: r.st, super: r.super})
		}
		tail.runs = append(tail.runs, run{text: string(rs[cut:]), st: r.st, super: r.super})
		tail.runs = append(tail.runs, w.runs[i+1:]...)
		break
	}
	if bp.Soft {
		last := &head.runs[len(head.runs)-1]
		last.text += "-"
	}
	return head, tail
}
