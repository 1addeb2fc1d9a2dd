package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The reader's mouse handling. Rows report presses, drags and right
// clicks with positions in their own coordinates; the reader turns them
// into document offsets and drives the selection, which it owns because
// the list recycles rows as they scroll away.

func (r *reader) rowMouseDown(row *blockRow, ev *desktop.MouseEvent) {
	r.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	if page, ok := row.pageMarkAt(ev.Position); ok && r.onPageLink != nil {
		r.press = pressState{}
		r.onPageLink(page)
		return
	}
	off, ok := row.offsetAt(ev.Position)
	if !ok {
		return
	}
	if ev.Modifier&fyne.KeyModifierShift != 0 && r.sel.anchor >= 0 {
		r.press = pressState{}
		r.sel.extendToPassage(r.v.passageAt(off))
		r.selectionChanged()
		return
	}
	r.press = pressState{active: true, offset: off}
}

func (r *reader) rowMouseUp(row *blockRow, ev *desktop.MouseEvent) {
	p := r.press
	r.press = pressState{}
	if !p.active || p.dragged || ev.Button != desktop.MouseButtonPrimary {
		return
	}
	r.sel.selectPassage(r.v.passageAt(p.offset))
	r.selectionChanged()
}

func (r *reader) rowDragged(ev *fyne.DragEvent) {
	if !r.press.active {
		return
	}
	off, ok := r.offsetAtAbs(ev.AbsolutePosition)
	if !ok {
		return
	}
	r.press.dragged = true
	r.sel.selectWords(r.press.offset, off)
	r.selectionChanged()
}

func (r *reader) rowDragEnd() { r.press = pressState{} }

func (r *reader) rowContext(row *blockRow, ev *fyne.PointEvent) {
	r.requestFocus()
	if off, ok := row.offsetAt(ev.Position); ok {
		if s, e := r.sel.span(); r.sel.empty() || off < s || off >= e {
			r.sel.selectPassage(r.v.passageAt(off))
			r.selectionChanged()
		}
	}
	if r.onContext != nil {
		r.onContext(ev.AbsolutePosition)
	}
}

// offsetAtAbs maps a window position to a document offset through the
// row under it, scrolling when the pointer is dragged past the reader's
// top or bottom edge. Above the first row on screen it gives that row's
// first offset; below the last, the last row's end.
func (r *reader) offsetAtAbs(abs fyne.Position) (int, bool) {
	if r.list == nil || r.lay == nil {
		return 0, false
	}
	d := fyne.CurrentApp().Driver()
	lp := d.AbsolutePositionForObject(r.list)
	ls := r.list.Size()
	switch {
	case abs.Y < lp.Y:
		r.list.ScrollToOffset(max(0, r.list.GetScrollOffset()-(lp.Y-abs.Y)))
	case abs.Y > lp.Y+ls.Height:
		r.list.ScrollToOffset(r.list.GetScrollOffset() + (abs.Y - lp.Y - ls.Height))
	}
	y := min(max(abs.Y, lp.Y), lp.Y+ls.Height-1)
	var best *blockRow
	var bestPos fyne.Position
	for row := range r.rows {
		if row.block < 0 || !row.Visible() {
			continue
		}
		pos := d.AbsolutePositionForObject(row)
		h := row.Size().Height
		if y >= pos.Y && y < pos.Y+h+r.lay.pad {
			best, bestPos = row, pos
			break
		}
	}
	if best == nil {
		// Between rows or off the list: use the layout directly.
		cy := y - lp.Y + r.list.GetScrollOffset()
		b := r.lay.blockAtY(cy)
		blk := r.v.blocks[b]
		if cy > r.lay.tops[b]+r.lay.heights[b] {
			return max(blk.Start, blk.End-1), true
		}
		return blk.Start, true
	}
	return best.offsetAt(fyne.NewPos(abs.X-bestPos.X, y-bestPos.Y))
}
