package ui

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// docView is an opened Document indexed for the reader: its text as code
// points (so offsets index it directly), its blocks and passages clamped to
// the text, and per-block passage ranges. It never changes after
// newDocView, so any goroutine may read it.
type docView struct {
	doc      appraise.Document
	runes    []rune
	lower    []rune // runes folded to lower case, for find in paper
	blocks   []appraise.Block
	passages []appraise.Passage // sorted by Start
	// blockPass[i] is the half-open range of passages that start in block i.
	blockPass [][2]int
}

// newDocView indexes d. Offsets that fall outside the text (a damaged or
// foreign Document) are clamped, and a block with no passage gets one
// passage covering it, so every block can be clicked.
func newDocView(d appraise.Document) *docView {
	v := &docView{doc: d, runes: []rune(d.Text)}
	n := len(v.runes)
	v.lower = make([]rune, n)
	for i, r := range v.runes {
		v.lower[i] = unicode.ToLower(r)
	}
	clamp := func(a, b int) (int, int) {
		a = max(0, min(a, n))
		b = max(a, min(b, n))
		return a, b
	}
	// Blocks come in reading order; one that starts before the previous
	// one ends is cut so that offsets stay sorted (lookups search them).
	v.blocks = make([]appraise.Block, len(d.Blocks))
	prevEnd := 0
	for i, b := range d.Blocks {
		b.Index = i
		b.Start, b.End = clamp(max(b.Start, prevEnd), b.End)
		prevEnd = b.End
		v.blocks[i] = b
	}
	perBlock := make([][]appraise.Passage, len(v.blocks))
	for _, p := range d.Passages {
		if p.Block < 0 || p.Block >= len(v.blocks) {
			continue
		}
		b := v.blocks[p.Block]
		p.Start, p.End = clamp(p.Start, p.End)
		p.Start, p.End = max(p.Start, b.Start), min(p.End, b.End)
		if p.End <= p.Start {
			continue
		}
		perBlock[p.Block] = append(perBlock[p.Block], p)
	}
	v.blockPass = make([][2]int, len(v.blocks))
	for i, b := range v.blocks {
		ps := perBlock[i]
		if len(ps) == 0 && b.End > b.Start {
			ps = []appraise.Passage{{ID: blockPassageID(i), Block: i, Page: b.Page, Start: b.Start, End: b.End}}
		}
		sort.SliceStable(ps, func(x, y int) bool { return ps[x].Start < ps[y].Start })
		first := len(v.passages)
		v.passages = append(v.passages, ps...)
		v.blockPass[i] = [2]int{first, len(v.passages)}
	}
	return v
}

func blockPassageID(block int) string { return "b" + strconv.Itoa(block) }

// blockRunes returns block i's text.
func (v *docView) blockRunes(i int) []rune {
	b := v.blocks[i]
	return v.runes[b.Start:b.End]
}

// text returns the text in [start, end), clamped.
func (v *docView) text(start, end int) string {
	start = max(0, min(start, len(v.runes)))
	end = max(start, min(end, len(v.runes)))
	return string(v.runes[start:end])
}

// blockAt returns the block containing offset, or the nearest block before
// it (offsets in the gaps between blocks belong to the block before), or -1
// when there are no blocks.
func (v *docView) blockAt(offset int) int {
	i := sort.Search(len(v.blocks), func(i int) bool { return v.blocks[i].Start > offset })
	if i == 0 {
		if len(v.blocks) == 0 {
			return -1
		}
		return 0
	}
	return i - 1
}

// passageAt returns the index of the passage containing offset; between
// passages it returns the one before, and -1 when there are none.
func (v *docView) passageAt(offset int) int {
	i := sort.Search(len(v.passages), func(i int) bool { return v.passages[i].Start > offset })
	if i == 0 {
		if len(v.passages) == 0 {
			return -1
		}
		return 0
	}
	return i - 1
}

// firstPassageOfBlock returns the first passage at or after block b, or -1.
func (v *docView) firstPassageOfBlock(b int) int {
	for ; b >= 0 && b < len(v.blocks); b++ {
		if r := v.blockPass[b]; r[1] > r[0] {
			return r[0]
		}
	}
	return -1
}

// wordSpan returns the word around offset as [start, end): letters, digits
// and joiners ('-', '\”, '.', ',' between digits). Off a word it returns
// the single character.
func (v *docView) wordSpan(offset int) (int, int) {
	n := len(v.runes)
	if n == 0 {
		return 0, 0
	}
	offset = max(0, min(offset, n-1))
	if !isWordRune(v.runes[offset]) && !isJoiner(v.runes, offset) {
		return offset, offset + 1
	}
	s, e := offset, offset+1
	for s > 0 && (isWordRune(v.runes[s-1]) || isJoiner(v.runes, s-1)) {
		s--
	}
	for e < n && (isWordRune(v.runes[e]) || isJoiner(v.runes, e)) {
		e++
	}
	return s, e
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isJoiner reports whether rs[i] joins the word runes on both its sides.
func isJoiner(rs []rune, i int) bool {
	switch rs[i] {
	case '-', '\'', '’', '.', ',', '·':
	default:
		return false
	}
	return i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1])
}

// find returns the start offsets of every case-insensitive occurrence of
// query, at most limit of them.
func (v *docView) find(query string, limit int) []int {
	q := []rune(strings.ToLower(query))
	if len(q) == 0 {
		return nil
	}
	var out []int
	for i := 0; i+len(q) <= len(v.lower) && len(out) < limit; i++ {
		if v.lower[i] != q[0] {
			continue
		}
		match := true
		for j := 1; j < len(q); j++ {
			if v.lower[i+j] != q[j] {
				match = false
				break
			}
		}
		if match {
			out = append(out, i)
			i += len(q) - 1
		}
	}
	return out
}
