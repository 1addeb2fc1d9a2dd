package ui

import (
	"image/color"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// blockRow draws one block of the paper: its wrapped lines, the tag
// highlights behind them (a translucent fill per span and a stripe per
// tag, so a span with several tags shows each), find matches, the
// selection, the sentence cursor and, on the first block of a page, a
// "p. N" marker in the margin. It turns mouse input into code-point
// offsets and hands them to the reader, which owns the selection.
type blockRow struct {
	widget.BaseWidget
	r     *reader
	block int // -1 when not bound to a block
}

var (
	_ desktop.Mouseable      = (*blockRow)(nil)
	_ desktop.Hoverable      = (*blockRow)(nil)
	_ desktop.Cursorable     = (*blockRow)(nil)
	_ fyne.Draggable         = (*blockRow)(nil)
	_ fyne.SecondaryTappable = (*blockRow)(nil)
)

func newBlockRow(r *reader) *blockRow {
	w := &blockRow{r: r, block: -1}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer is part of fyne.Widget.
func (w *blockRow) CreateRenderer() fyne.WidgetRenderer {
	return &blockRowRenderer{row: w, mark: canvas.NewRectangle(color.Transparent)}
}

// MouseDown is part of desktop.Mouseable.
func (w *blockRow) MouseDown(ev *desktop.MouseEvent) { w.r.rowMouseDown(w, ev) }

// MouseUp is part of desktop.Mouseable.
func (w *blockRow) MouseUp(ev *desktop.MouseEvent) { w.r.rowMouseUp(w, ev) }

// Dragged is part of fyne.Draggable.
func (w *blockRow) Dragged(ev *fyne.DragEvent) { w.r.rowDragged(ev) }

// DragEnd is part of fyne.Draggable.
func (w *blockRow) DragEnd() { w.r.rowDragEnd() }

// TappedSecondary opens the context menu.
func (w *blockRow) TappedSecondary(ev *fyne.PointEvent) { w.r.rowContext(w, ev) }

// MouseIn is part of desktop.Hoverable; rows take hover so the list does
// not tint whole paragraphs under the pointer.
func (w *blockRow) MouseIn(*desktop.MouseEvent) {}

// MouseMoved is part of desktop.Hoverable.
func (w *blockRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (w *blockRow) MouseOut() {}

// Cursor shows a text cursor over the reader.
func (w *blockRow) Cursor() desktop.Cursor { return desktop.TextCursor }

// geometry returns what the row needs to place text, or ok=false when the
// row shows nothing.
func (w *blockRow) geometry() (ks *kindStyle, text []rune, starts []int32, x0 float32, ok bool) {
	rd := w.r
	if rd.v == nil || rd.lay == nil || w.block < 0 || w.block >= len(rd.v.blocks) {
		return nil, nil, nil, 0, false
	}
	b := rd.v.blocks[w.block]
	ks = rd.lay.style(b.Kind)
	return ks, rd.v.blockRunes(w.block), rd.lay.lines[w.block], rd.lay.textX + ks.indent, true
}

// offsetAt returns the document offset under p (row coordinates): the
// character whose left half or right half p is over, clamped to the block.
func (w *blockRow) offsetAt(p fyne.Position) (int, bool) {
	ks, text, starts, x0, ok := w.geometry()
	if !ok {
		return 0, false
	}
	base := w.r.v.blocks[w.block].Start
	lay := w.r.lay
	vl := int((p.Y - ks.padTop) / ks.lineH)
	vl = max(0, min(vl, lay.visualLines(w.block)-1))
	ln := lay.segAtPoint(w.block, vl, p.X-x0)
	s, e := int(starts[ln]), lineEnd(text, starts, ln)
	x := p.X - x0 - lay.segX(w.block, ln)
	adv := lay.segAdv(w.block, ln, ks)
	var acc float32
	for i := s; i < e; i++ {
		adv := adv.of(text[i])
		if x < acc+adv/2 {
			return base + i, true
		}
		acc += adv
	}
	if e == len(text) || e <= s {
		return base + max(s, e-1), true
	}
	return base + e, true
}

// pageMarkAt reports whether p (row coordinates) is on the "p. N" marker
// in the margin of a page's first block, and which page it links to.
func (w *blockRow) pageMarkAt(p fyne.Position) (int, bool) {
	ks, _, _, _, ok := w.geometry()
	if !ok || !w.r.isPageStart(w.block) {
		return 0, false
	}
	t := w.Theme().Size(theme.SizeNameText)
	if p.X >= w.r.lay.textX-t*0.9 || p.Y > ks.padTop+ks.lineH {
		return 0, false
	}
	return w.r.v.blocks[w.block].Page, true
}

// pointOf returns where, in row coordinates, the middle of the character
// at document offset off is drawn; tests click there.
func (w *blockRow) pointOf(off int) (fyne.Position, bool) {
	ks, text, starts, x0, ok := w.geometry()
	if !ok {
		return fyne.Position{}, false
	}
	i := off - w.r.v.blocks[w.block].Start
	if i < 0 || i >= len(text) {
		return fyne.Position{}, false
	}
	lay := w.r.lay
	ln := max(0, sort.Search(len(starts), func(k int) bool { return int(starts[k]) > i })-1)
	adv := lay.segAdv(w.block, ln, ks)
	x := x0 + lay.segX(w.block, ln) + adv.width(text[starts[ln]:i]) + adv.of(text[i])/2
	y := ks.padTop + float32(lay.segLine(w.block, ln))*ks.lineH + ks.lineH/2
	return fyne.NewPos(x, y), true
}

type blockRowRenderer struct {
	row     *blockRow
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	changed []*canvas.Text // texts whose content build changed
	mark    *canvas.Rectangle
	objs    []fyne.CanvasObject
	size    fyne.Size
}

func (r *blockRowRenderer) Destroy() {}

func (r *blockRowRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *blockRowRenderer) MinSize() fyne.Size { return fyne.NewSize(10, 10) }

func (r *blockRowRenderer) Layout(size fyne.Size) {
	if size != r.size {
		r.size = size
		r.build()
	}
}

// Refresh repaints the row. It tells the canvas only about the text
// whose content changed: refreshing the whole row would make the GL
// painter rasterise every line again, and selection changes repaint every
// row on screen.
func (r *blockRowRenderer) Refresh() {
	r.build()
	for _, t := range r.changed {
		canvas.Refresh(t)
	}
	canvas.Refresh(r.mark) // a zero-size rectangle: repaints without re-rasterising text
}

// rowPainter hands out pooled canvas objects in paint order.
type rowPainter struct {
	r      *blockRowRenderer
	ri, ti int
}

func (p *rowPainter) rect(c color.Color, x, y, w, h float32) {
	if w <= 0 || h <= 0 {
		return
	}
	if p.ri == len(p.r.rects) {
		p.r.rects = append(p.r.rects, canvas.NewRectangle(c))
	}
	rc := p.r.rects[p.ri]
	p.ri++
	rc.FillColor = c
	rc.CornerRadius = 0
	rc.Move(fyne.NewPos(x, y))
	rc.Resize(fyne.NewSize(w, h))
	p.r.objs = append(p.r.objs, rc)
}

func (p *rowPainter) text(s string, c color.Color, size float32, style fyne.TextStyle, x, y float32) {
	if strings.ContainsAny(s, "\t\n") {
		// A table block's cell and row separators, measured as spaces by
		// the wrapper, are drawn as spaces.
		s = strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
	}
	if p.ti == len(p.r.texts) {
		p.r.texts = append(p.r.texts, canvas.NewText("", c))
	}
	t := p.r.texts[p.ti]
	p.ti++
	if t.Text != s || t.Color != c || t.TextSize != size || t.TextStyle != style {
		t.Text, t.Color, t.TextSize, t.TextStyle = s, c, size, style
		p.r.changed = append(p.r.changed, t)
	}
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	p.r.objs = append(p.r.objs, t)
}

// build paints the row from the reader's current state.
func (r *blockRowRenderer) build() {
	r.objs = append(r.objs[:0], r.mark)
	r.changed = r.changed[:0]
	w := r.row
	ks, text, starts, x0, ok := w.geometry()
	if !ok {
		return
	}
	rd := w.r
	th := w.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	dark := isDark(th)
	p := &rowPainter{r: r}
	lay := rd.lay
	// lineTop is where line (segment) ln is drawn: a table's cells sit
	// side by side on one visual line.
	lineTop := func(ln int) float32 { return ks.padTop + float32(lay.segLine(w.block, ln))*ks.lineH }
	// segs calls fn for each line part of [s, e) (block-relative).
	segs := func(s, e int, fn func(ln int, xs, xe float32)) {
		if e <= s {
			return
		}
		first := sort.Search(len(starts), func(k int) bool { return int(starts[k]) > s }) - 1
		for ln := max(first, 0); ln < len(starts) && int(starts[ln]) < e; ln++ {
			ls, le := int(starts[ln]), lineEnd(text, starts, ln)
			a, b := max(s, ls), min(e, le)
			if b <= a {
				continue
			}
			adv := lay.segAdv(w.block, ln, ks)
			xs := x0 + lay.segX(w.block, ln) + adv.width(text[ls:a])
			fn(ln, xs, xs+adv.width(text[a:b]))
		}
	}
	marks := rd.marks[w.block]
	for _, m := range marks {
		if len(m.tags) == 0 {
			continue
		}
		fill := tagFill(rd.tagColor(m.tags[0]), dark)
		segs(m.start, m.end, func(ln int, xs, xe float32) {
			p.rect(fill, xs, lineTop(ln)+1, xe-xs, ks.lineH-2)
		})
	}
	base := rd.v.blocks[w.block].Start
	if len(rd.findHits) > 0 {
		blockEnd := base + len(text)
		i := sort.SearchInts(rd.findHits, base-rd.findLen+1)
		for ; i < len(rd.findHits) && rd.findHits[i] < blockEnd; i++ {
			c := color.NRGBA{R: 0xf1, G: 0xc4, B: 0x0f, A: 0x70}
			if i == rd.findCur {
				c.A = 0xd0
			}
			h := rd.findHits[i] - base
			segs(max(h, 0), h+rd.findLen, func(ln int, xs, xe float32) {
				p.rect(c, xs, lineTop(ln)+1, xe-xs, ks.lineH-2)
			})
		}
	}
	if rd.sel != nil && !rd.sel.empty() {
		s, e := rd.sel.span()
		sel := selectionFill(th.Color(theme.ColorNameForeground, variant))
		segs(s-base, e-base, func(ln int, xs, xe float32) {
			p.rect(sel, xs, lineTop(ln), xe-xs, ks.lineH)
		})
	}
	r.stripes(p, marks, segs, lineTop, ks)
	if f := rd.cursorBlockSpan(w.block); f[1] > f[0] {
		c := th.Color(theme.ColorNameDisabled, variant)
		if rd.focused {
			c = th.Color(theme.ColorNamePrimary, variant)
		}
		l0 := max(0, sort.Search(len(starts), func(k int) bool { return int(starts[k]) > f[0] })-1)
		l1 := sort.Search(len(starts), func(k int) bool { return int(starts[k]) > max(f[1]-1, f[0]) }) - 1
		v0, v1 := lay.segLine(w.block, l0), lay.segLine(w.block, l0)
		for ln := l0; ln <= l1; ln++ {
			v1 = max(v1, lay.segLine(w.block, ln))
		}
		p.rect(c, rd.lay.textX-th.Size(theme.SizeNameText)*0.7, lineTop(l0)+2, 3, float32(v1-v0+1)*ks.lineH-4)
	}
	fg := th.Color(theme.ColorNameForeground, variant)
	if ks.muted {
		fg = th.Color(theme.ColorNamePlaceHolder, variant)
	}
	dy := (ks.lineH - ks.textH) / 2
	if g := lay.grids[w.block]; g != nil && g.header > 0 {
		p.rect(th.Color(theme.ColorNameSeparator, variant), x0, ks.padTop+float32(g.header)*ks.lineH-1, g.width, 1)
	}
	for ln := range starts {
		ls, le := int(starts[ln]), lineEnd(text, starts, ln)
		if le <= ls {
			continue
		}
		style := ks.style
		if lay.segAdv(w.block, ln, ks) != ks.adv {
			style.Bold = true
		}
		p.text(string(text[ls:le]), fg, ks.size, style, x0+lay.segX(w.block, ln), lineTop(ln)+dy)
	}
	if rd.isPageStart(w.block) {
		t := th.Size(theme.SizeNameText)
		size := t * 0.8
		label := "p. " + itoaPage(rd.v.blocks[w.block].Page)
		lw := fyne.MeasureText(label, size, fyne.TextStyle{}).Width
		x := rd.lay.textX - t*1.1 - lw
		p.text(label, th.Color(theme.ColorNamePlaceHolder, variant), size, fyne.TextStyle{}, max(x, 2), lineTop(0)+dy+(ks.size-size)*0.6)
	}
	rd.noteFirstText(len(starts) > 0 && len(text) > 0)
}

// stripes draws one solid stripe per tag under each tagged span, stacked
// upwards from the bottom of the line in the library's tag order.
func (r *blockRowRenderer) stripes(p *rowPainter, marks []mark, segs func(int, int, func(int, float32, float32)), lineTop func(int) float32, ks *kindStyle) {
	if len(marks) == 0 {
		return
	}
	rd := r.row.r
	var present []string
	seen := map[string]bool{}
	for _, m := range marks {
		for _, t := range m.tags {
			if !seen[t] {
				seen[t] = true
				present = append(present, t)
			}
		}
	}
	sort.SliceStable(present, func(i, j int) bool { return rd.tagSlot(present[i]) < rd.tagSlot(present[j]) })
	level := make(map[string]int, len(present))
	for i, t := range present {
		level[t] = i
	}
	const thick, step = 2, 3
	for _, m := range marks {
		for _, t := range m.tags {
			c := tagStripe(rd.tagColor(t))
			k := float32(level[t])
			segs(m.start, m.end, func(ln int, xs, xe float32) {
				p.rect(c, xs, lineTop(ln)+ks.lineH-thick-1-k*step, xe-xs, thick)
			})
		}
	}
}

func itoaPage(n int) string {
	if n <= 0 {
		return "?"
	}
	return strconv.Itoa(n)
}
