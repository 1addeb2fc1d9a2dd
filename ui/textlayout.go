package ui

import "unicode"

// advances caches the advance width of each code point for one font size
// and style, so wrapping a 3,000-paragraph paper is arithmetic, not 3,000
// calls into the text shaper. Per-rune advances ignore kerning; over a
// full line that drifts a few tenths of a percent from what the shaper
// draws, which the reader absorbs with a small right margin.
type advances struct {
	measure func(string) float32
	ascii   [128]float32
	other   map[rune]float32
}

func newAdvances(measure func(string) float32) *advances {
	a := &advances{measure: measure, other: map[rune]float32{}}
	for r := rune(0); r < 128; r++ {
		a.ascii[r] = -1
	}
	return a
}

// of returns r's advance width.
func (a *advances) of(r rune) float32 {
	if r >= 0 && r < 128 {
		w := a.ascii[r]
		if w < 0 {
			w = a.measureRune(r)
			a.ascii[r] = w
		}
		return w
	}
	w, ok := a.other[r]
	if !ok {
		w = a.measureRune(r)
		a.other[r] = w
	}
	return w
}

func (a *advances) measureRune(r rune) float32 {
	if r == '\n' || r == '\t' || unicode.IsControl(r) {
		return a.measure(" ")
	}
	return a.measure(string(r))
}

// width returns the advance width of rs.
func (a *advances) width(rs []rune) float32 {
	var w float32
	for _, r := range rs {
		w += a.of(r)
	}
	return w
}

// wrap breaks text into lines no wider than width and returns each line's
// first code point (the first is always 0). It breaks after spaces, and
// after hyphens, dashes and slashes between characters; a word wider than
// a line is cut where it overflows. A '\n' always ends a line.
func wrap(text []rune, width float32, adv *advances) []int32 {
	starts := []int32{0}
	if len(text) == 0 {
		return starts
	}
	lineStart := 0
	var x float32
	lastBreak := -1 // index of the first rune after the last break opportunity
	var widthAtBreak float32
	for i := 0; i < len(text); i++ {
		r := text[i]
		if r == '\n' {
			if i+1 < len(text) {
				starts = append(starts, int32(i+1))
			}
			lineStart, x, lastBreak = i+1, 0, -1
			continue
		}
		w := adv.of(r)
		if x+w > width && i > lineStart && r != ' ' {
			if lastBreak > lineStart {
				starts = append(starts, int32(lastBreak))
				x -= widthAtBreak
				lineStart = lastBreak
			} else {
				starts = append(starts, int32(i))
				x = 0
				lineStart = i
			}
			lastBreak = -1
		}
		x += w
		if r == ' ' || (isBreakAfter(r) && i+1 < len(text) && text[i+1] != ' ' && i > lineStart) {
			lastBreak = i + 1
			widthAtBreak = x
		}
	}
	return starts
}

func isBreakAfter(r rune) bool {
	switch r {
	case '-', '/', '‐', '–', '—':
		return true
	}
	return false
}

// lineEnd returns where line l of a wrapped text ends, without the
// trailing spaces, newline and tab (a table cell's end) that wrapping
// leaves on it.
func lineEnd(text []rune, starts []int32, l int) int {
	end := len(text)
	if l+1 < len(starts) {
		end = int(starts[l+1])
	}
	for end > int(starts[l]) && (text[end-1] == ' ' || text[end-1] == '\n' || text[end-1] == '\t') {
		end--
	}
	return end
}
