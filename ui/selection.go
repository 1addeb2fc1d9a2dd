package ui

// selection is the reader's document-level selection. The reader's rows
// are recycled as the list scrolls, so no row can own a selection that
// spans paragraphs; this controller does, in code points into the
// document's text.
//
// A selection is either a run of whole passages (sentences) from anchor to
// focus, made by clicking, shift-clicking and the j/k/J/K keys, or a span of
// words made by dragging. focus is the sentence cursor either way.
type selection struct {
	v             *docView
	anchor, focus int // passage indices; -1 when nothing is selected
	start, end    int // the selected span; start == end when empty
}

func newSelection(v *docView) *selection {
	return &selection{v: v, anchor: -1, focus: -1}
}

// empty reports whether nothing is selected.
func (s *selection) empty() bool { return s.end <= s.start }

// span returns the selected span [start, end).
func (s *selection) span() (int, int) { return s.start, s.end }

// clear selects nothing and forgets the cursor.
func (s *selection) clear() {
	s.anchor, s.focus = -1, -1
	s.start, s.end = 0, 0
}

// selectPassage selects passage i alone and puts the cursor on it.
func (s *selection) selectPassage(i int) {
	if i < 0 || i >= len(s.v.passages) {
		return
	}
	s.anchor, s.focus = i, i
	s.spanPassages()
}

// extendToPassage selects every passage from the anchor to i; with no
// anchor it selects i alone.
func (s *selection) extendToPassage(i int) {
	if i < 0 || i >= len(s.v.passages) {
		return
	}
	if s.anchor < 0 {
		s.selectPassage(i)
		return
	}
	s.focus = i
	s.spanPassages()
}

// move puts the cursor delta passages away and selects that passage alone.
// It reports whether the cursor moved.
func (s *selection) move(delta int) bool {
	if s.focus < 0 {
		return false
	}
	i := max(0, min(s.focus+delta, len(s.v.passages)-1))
	if i == s.focus && s.anchor == s.focus && s.matchesPassages() {
		return false
	}
	s.selectPassage(i)
	return true
}

// extend moves the cursor delta passages away, keeping the anchor.
func (s *selection) extend(delta int) bool {
	if s.focus < 0 {
		return false
	}
	i := max(0, min(s.focus+delta, len(s.v.passages)-1))
	if i == s.focus {
		return false
	}
	s.extendToPassage(i)
	return true
}

// selectWords selects the words from the one at offset a to the one at
// offset b, in either order: a drag across text.
func (s *selection) selectWords(a, b int) {
	if len(s.v.runes) == 0 {
		return
	}
	if b < a {
		a, b = b, a
	}
	as, _ := s.v.wordSpan(a)
	_, be := s.v.wordSpan(b)
	s.start, s.end = as, be
	s.anchor = s.v.passageAt(as)
	s.focus = s.v.passageAt(max(as, be-1))
}

// selectSpan selects [start, end) exactly, e.g. an annotation's span or a
// find match, with the cursor on its first passage.
func (s *selection) selectSpan(start, end int) {
	n := len(s.v.runes)
	start = max(0, min(start, n))
	end = max(start, min(end, n))
	s.start, s.end = start, end
	s.anchor = s.v.passageAt(start)
	s.focus = s.anchor
}

func (s *selection) spanPassages() {
	lo, hi := min(s.anchor, s.focus), max(s.anchor, s.focus)
	s.start, s.end = s.v.passages[lo].Start, s.v.passages[hi].End
}

func (s *selection) matchesPassages() bool {
	if s.anchor < 0 || s.focus < 0 {
		return false
	}
	lo, hi := min(s.anchor, s.focus), max(s.anchor, s.focus)
	return s.start == s.v.passages[lo].Start && s.end == s.v.passages[hi].End
}
