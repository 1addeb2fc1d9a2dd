package ui

import "appraise.app/appraise/internal/appraise"

// The reader's scrolling: where the view is in the paper, and moving it to
// show an offset. Content positions come from the readerLayout, so none of
// this lays text out.

// topBlock returns the block at the top of the view: the reading position.
func (r *reader) topBlock() int {
	if r.list == nil || r.lay == nil {
		return r.pending
	}
	return r.lay.blockAtY(r.list.GetScrollOffset() + 1)
}

// firstPassageOnScreen returns the first passage whose block is at least
// partly on screen, starting from its first visible line.
func (r *reader) firstPassageOnScreen() int {
	if r.v == nil {
		return -1
	}
	b := r.topBlock()
	if r.list != nil && r.lay != nil {
		y := r.list.GetScrollOffset()
		ks := r.lay.style(r.v.blocks[b].Kind)
		vl := int((y - r.lay.tops[b] - ks.padTop) / ks.lineH)
		if vl > 0 && vl < r.lay.visualLines(b) {
			off := r.v.blocks[b].Start + int(r.lay.lines[b][r.lay.segAtLine(b, vl)])
			if p := r.v.passageAt(off); p >= 0 && r.v.passages[p].End > off && r.v.passages[p].Block == b {
				if r.v.passages[p].Start < off && p+1 < r.v.blockPass[b][1] {
					return p + 1
				}
				return p
			}
		}
	}
	return r.v.firstPassageOfBlock(b)
}

// lineOfOffset returns the content y and height of the line holding
// document offset off. Before the list is built it records off for build
// to reveal and reports false.
func (r *reader) lineOfOffset(off int) (y, h float32, ok bool) {
	if r.v == nil {
		return 0, 0, false
	}
	if r.list == nil || r.lay == nil {
		r.scrollTo = off
		r.pending = max(0, r.v.blockAt(off))
		return 0, 0, false
	}
	b := r.v.blockAt(off)
	if b < 0 {
		return 0, 0, false
	}
	y, h = r.lay.lineY(r.v, b, r.lay.lineOf(b, off-r.v.blocks[b].Start))
	return y, h, true
}

// revealOffset scrolls so the line holding document offset off is on
// screen, leaving it where it is when it already is.
func (r *reader) revealOffset(off int) {
	y, h, ok := r.lineOfOffset(off)
	if !ok {
		return
	}
	view := r.list.Size().Height
	cur := r.list.GetScrollOffset()
	switch {
	case y < cur:
		r.list.ScrollToOffset(max(0, y-h))
	case y+h > cur+view:
		r.list.ScrollToOffset(y + 2*h - view)
	}
}

// centreOffset scrolls so offset off sits a third of the way down.
func (r *reader) centreOffset(off int) {
	if y, _, ok := r.lineOfOffset(off); ok {
		r.list.ScrollToOffset(max(0, y-r.list.Size().Height/3))
	}
}

// scrollPage scrolls by pages (negative: up), keeping a line of context.
func (r *reader) scrollPage(pages int) {
	if r.list == nil || r.lay == nil {
		return
	}
	view := r.list.Size().Height
	step := max(view-r.styles[appraise.KindParagraph].lineH*2, view/2)
	y := r.list.GetScrollOffset() + float32(pages)*step
	y = max(0, min(y, r.lay.contentHeight()-view))
	r.list.ScrollToOffset(y)
}

// showAtTop scrolls so the line holding offset off is at the top.
func (r *reader) showAtTop(off int) {
	if y, _, ok := r.lineOfOffset(off); ok {
		r.list.ScrollToOffset(max(0, min(y, r.lay.contentHeight()-r.list.Size().Height)))
	}
}
