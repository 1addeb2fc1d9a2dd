package ui

import (
	"fyne.io/fyne/v2"
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

	win          fyne.Window // for focus
	onRune       func(rune)
	onKey        func(*fyne.KeyEvent)
	onSelChanged func()
	onContext    func(abs fyne.Position)
	onFirstText  func()
	wantText     bool
	// onScroll is told when other blocks come on screen; onPageLink when
	// a "p. N" page marker is clicked; focusOther, when set and true,
	// has given the keyboard to the view shown instead of the text.
	onScroll   func()
	onPageLink func(page int)
	focusOther func() bool
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
	if r.focusOther != nil && r.focusOther() {
		return
	}
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
			if r.onScroll != nil {
				r.onScroll()
			}
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

type readerRenderer struct {
	r    *reader
	objs []fyne.CanvasObject
}

func (rr *readerRenderer) Destroy() {}

func (rr *readerRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 120) }

func (rr *readerRenderer) Objects() []fyne.CanvasObject { return rr.objs }

func (rr *readerRenderer) Layout(size fyne.Size) {
	r := rr.r
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
