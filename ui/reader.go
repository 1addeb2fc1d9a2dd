package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// reader shows a paper's text in reading order, one list row per block.
// The rows are virtualised: only those on screen exist, and row heights
// come from a readerLayout computed with cached glyph advances, so a
// 3,000-paragraph paper never lays out as a whole in Fyne. Changing width
// or text size rebuilds the layout (and the list, because widget.List
// refreshes every visible row on each SetItemHeight once it is shown).
//
// The reader is focusable: single-key commands arrive through TypedRune
// and TypedKey and go to the app through onRune and onKey.
type reader struct {
	widget.BaseWidget

	v      *docView
	sel    *selection
	marks  markIndex
	tags   map[string]appraise.Tag
	slots  map[string]int
	lay    *readerLayout
	styles map[appraise.BlockKind]*kindStyle // reused while the text size stays
	list   *widget.List
	rows   map[*blockRow]struct{}

	findHits []int
	findLen  int
	findCur  int

	focused  bool
	pending  int // block to bring to the top when the list is next built
	scrollTo int // code point to bring into view when the list is next built, or -1
	press    pressState
	size     fyne.Size

	win          fyne.Window // for focus
	onRune       func(rune)
	onKey        func(*fyne.KeyEvent)
	onSelChanged func()
	onContext    func(abs fyne.Position)
	onFirstText  func()
	wantText     bool
}

// pressState follows one mouse press in the reader.
type pressState struct {
	active  bool
	offset  int
	dragged bool
}

var (
	_ fyne.Focusable = (*reader)(nil)
	_ fyne.Widget    = (*reader)(nil)
)

func newReader() *reader {
	r := &reader{rows: map[*blockRow]struct{}{}, scrollTo: -1, tags: map[string]appraise.Tag{}}
	r.ExtendBaseWidget(r)
	return r
}

// setDocument shows v, with block top at the top and nothing selected.
func (r *reader) setDocument(v *docView, top int) {
	r.v = v
	r.sel = newSelection(v)
	r.marks = markIndex{}
	r.findHits, r.findCur = nil, -1
	r.lay = nil
	r.pending = max(0, top)
	r.scrollTo = -1
	r.press = pressState{}
	r.wantText = v != nil && len(v.blocks) > 0
	r.Refresh()
}

// setTags tells the reader the library's tags and their colours.
func (r *reader) setTags(tags []appraise.Tag) {
	r.tags = make(map[string]appraise.Tag, len(tags))
	for _, t := range tags {
		r.tags[t.Name] = t
	}
	r.slots = tagSlots(tags)
	r.refreshRows()
}

// setMarks replaces the highlighted spans.
func (r *reader) setMarks(m markIndex) {
	r.marks = m
	r.refreshRows()
}

func (r *reader) tagColor(name string) string {
	if t, ok := r.tags[name]; ok {
		return t.Color
	}
	return "#888888"
}

func (r *reader) tagSlot(name string) int {
	if s, ok := r.slots[name]; ok {
		return s
	}
	return len(r.slots)
}

// themeChanged drops layouts measured with the old text size.
func (r *reader) themeChanged() {
	r.styles = nil
	r.relayout()
}

// relayout rebuilds the layout at the current size, keeping the top block.
func (r *reader) relayout() {
	if r.lay != nil {
		r.pending = r.topBlock()
	}
	r.lay = nil
	r.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (r *reader) CreateRenderer() fyne.WidgetRenderer { return &readerRenderer{r: r} }

// FocusGained is part of fyne.Focusable.
func (r *reader) FocusGained() { r.focused = true; r.refreshRows() }

// FocusLost is part of fyne.Focusable.
func (r *reader) FocusLost() { r.focused = false; r.refreshRows() }

// TypedRune is part of fyne.Focusable.
func (r *reader) TypedRune(ch rune) {
	if r.onRune != nil {
		r.onRune(ch)
	}
}

// TypedKey is part of fyne.Focusable.
func (r *reader) TypedKey(ev *fyne.KeyEvent) {
	if r.onKey != nil {
		r.onKey(ev)
	}
}

// Tapped takes focus when the reader's background is clicked.
func (r *reader) Tapped(*fyne.PointEvent) { r.requestFocus() }

// requestFocus gives the reader the keyboard. It asks the window's canvas:
// the driver only knows the canvas of an object it has drawn, and the
// reader is hidden until a paper opens.
func (r *reader) requestFocus() {
	if r.win != nil {
		r.win.Canvas().Focus(r)
	} else if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
}

// build makes the layout and list for size.
func (r *reader) build(size fyne.Size) {
	if r.v == nil || size.Width <= 0 || size.Height <= 0 {
		r.list, r.lay = nil, nil
		return
	}
	th := r.Theme()
	if r.styles == nil || r.lay == nil && r.styles[appraise.KindParagraph].size != th.Size(theme.SizeNameText) {
		r.styles = readerStyles(th.Size(theme.SizeNameText))
	}
	r.lay = newReaderLayout(r.v, size.Width, th, r.styles)
	r.rows = map[*blockRow]struct{}{}
	l := widget.NewList(
		func() int { return len(r.v.blocks) },
		func() fyne.CanvasObject {
			row := newBlockRow(r)
			r.rows[row] = struct{}{}
			return row
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*blockRow)
			row.block = id
			row.Refresh()
		})
	l.HideSeparators = true
	for i, h := range r.lay.heights {
		l.SetItemHeight(i, h)
	}
	r.list = l
	l.Resize(size)
	top := min(r.pending, len(r.v.blocks)-1)
	if top > 0 {
		l.ScrollToOffset(r.lay.tops[top])
	}
	if r.scrollTo >= 0 {
		r.revealOffset(r.scrollTo)
		r.scrollTo = -1
	}
}

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
		ln := int((y - r.lay.tops[b] - ks.padTop) / ks.lineH)
		if ln > 0 && ln < len(r.lay.lines[b]) {
			off := r.v.blocks[b].Start + int(r.lay.lines[b][ln])
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

// revealOffset scrolls so the line holding document offset off is on
// screen, leaving it where it is when it already is.
func (r *reader) revealOffset(off int) {
	if r.v == nil {
		return
	}
	if r.list == nil || r.lay == nil {
		r.scrollTo = off
		r.pending = max(0, r.v.blockAt(off))
		return
	}
	b := r.v.blockAt(off)
	if b < 0 {
		return
	}
	ln := r.lay.lineOf(b, off-r.v.blocks[b].Start)
	y, h := r.lay.lineY(r.v, b, ln)
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
	if r.v == nil {
		return
	}
	if r.list == nil || r.lay == nil {
		r.scrollTo = off
		r.pending = max(0, r.v.blockAt(off))
		return
	}
	b := r.v.blockAt(off)
	if b < 0 {
		return
	}
	y, _ := r.lay.lineY(r.v, b, r.lay.lineOf(b, off-r.v.blocks[b].Start))
	r.list.ScrollToOffset(max(0, y-r.list.Size().Height/3))
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

// refreshRows repaints the rows on screen (the list keeps a few spare).
func (r *reader) refreshRows() {
	for row := range r.rows {
		if row.block >= 0 {
			row.Refresh()
		}
	}
}

func (r *reader) isPageStart(b int) bool {
	return b == 0 || r.v.blocks[b-1].Page != r.v.blocks[b].Page
}

// cursorBlockSpan returns the block-relative span of the cursor's passage
// when it is in block b.
func (r *reader) cursorBlockSpan(b int) [2]int {
	if r.sel == nil || r.sel.focus < 0 || r.sel.focus >= len(r.v.passages) {
		return [2]int{}
	}
	p := r.v.passages[r.sel.focus]
	if p.Block != b {
		return [2]int{}
	}
	base := r.v.blocks[b].Start
	return [2]int{p.Start - base, p.End - base}
}

// noteFirstText reports, once per document, that text reached the screen.
func (r *reader) noteFirstText(drawn bool) {
	if drawn && r.wantText {
		r.wantText = false
		if r.onFirstText != nil {
			r.onFirstText()
		}
	}
}

// selectionChanged repaints and tells the app.
func (r *reader) selectionChanged() {
	r.refreshRows()
	if r.onSelChanged != nil {
		r.onSelChanged()
	}
}

func (r *reader) rowMouseDown(row *blockRow, ev *desktop.MouseEvent) {
	r.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
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

type readerRenderer struct {
	r    *reader
	objs []fyne.CanvasObject
}

func (rr *readerRenderer) Destroy() {}

func (rr *readerRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 120) }

func (rr *readerRenderer) Objects() []fyne.CanvasObject { return rr.objs }

func (rr *readerRenderer) Layout(size fyne.Size) {
	r := rr.r
	r.size = size
	if r.v == nil {
		r.list, r.lay = nil, nil
	} else if r.lay == nil || r.lay.width != size.Width || r.list == nil {
		if r.lay != nil && r.list != nil {
			r.pending = r.topBlock()
		}
		r.build(size)
	} else {
		r.list.Resize(size)
	}
	rr.sync()
}

func (rr *readerRenderer) Refresh() {
	rr.Layout(rr.r.Size())
	for _, o := range rr.objs {
		o.Refresh()
	}
}

func (rr *readerRenderer) sync() {
	if rr.r.list == nil {
		rr.objs = nil
		return
	}
	if len(rr.objs) != 1 || rr.objs[0] != rr.r.list {
		rr.objs = []fyne.CanvasObject{rr.r.list}
	}
}
