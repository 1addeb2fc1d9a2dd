package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pageSheet is the scrolled content of the page view: as large as every
// page at the zoom (so the scroll container scrolls), drawing only the
// pages on screen and one either side. It turns mouse input on a page
// into text offsets through the extraction's glyph positions and drives
// the reader's selection with them.
type pageSheet struct {
	widget.BaseWidget
	pv    *pageView
	shown [2]int // first and last page index drawn
}

// pagePress follows one mouse press on a page.
type pagePress struct {
	active  bool
	dragged bool
	page    int // 1-based
	x, y    float64
	offset  int
	hasText bool
}

var (
	_ desktop.Mouseable      = (*pageSheet)(nil)
	_ desktop.Cursorable     = (*pageSheet)(nil)
	_ fyne.Draggable         = (*pageSheet)(nil)
	_ fyne.SecondaryTappable = (*pageSheet)(nil)
	_ fyne.Scrollable        = (*pageSheet)(nil)
)

func newPageSheet(pv *pageView) *pageSheet {
	s := &pageSheet{pv: pv, shown: [2]int{0, -1}}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer is part of fyne.Widget.
func (s *pageSheet) CreateRenderer() fyne.WidgetRenderer {
	return &pageSheetRenderer{s: s}
}

// shownRange is the first and last page index the sheet draws.
func (s *pageSheet) shownRange() [2]int { return s.shown }

// pointAt maps a position on the sheet to a page (1-based) and a point
// on it, in points. Between pages it gives the nearer page's edge.
func (s *pageSheet) pointAt(p fyne.Position) (page int, x, y float64, ok bool) {
	g := s.pv.geom
	if len(g.tops) == 0 || g.z == 0 {
		return 0, 0, 0, false
	}
	i := g.indexAtY(p.Y)
	px, py, w, h := g.rect(i, s.Size().Width)
	if p.Y > py+h+pageGap/2 && i+1 < len(g.tops) {
		i++
		px, py, w, h = g.rect(i, s.Size().Width)
	}
	fx := max(0, min(p.X-px, w)) / g.z
	fy := max(0, min(p.Y-py, h)) / g.z
	return i + 1, float64(fx), float64(fy), true
}

// MouseDown is part of desktop.Mouseable.
func (s *pageSheet) MouseDown(ev *desktop.MouseEvent) {
	pv := s.pv
	pv.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary || pv.v == nil {
		return
	}
	page, x, y, ok := s.pointAt(ev.Position)
	if !ok {
		return
	}
	off, hasText := pv.v.doc.OffsetAt(page, x, y)
	sel := pv.u.reader.sel
	if hasText && ev.Modifier&fyne.KeyModifierShift != 0 && sel.anchor >= 0 {
		pv.press = pagePress{}
		sel.extendToPassage(pv.v.passageAt(off))
		pv.u.reader.selectionChanged()
		return
	}
	pv.press = pagePress{active: true, page: page, x: x, y: y, offset: off, hasText: hasText}
}

// MouseUp is part of desktop.Mouseable: a click selects the highlight
// under it, else the sentence, as in the text view.
func (s *pageSheet) MouseUp(ev *desktop.MouseEvent) {
	pv := s.pv
	p := pv.press
	pv.press = pagePress{}
	if !p.active || p.dragged || ev.Button != desktop.MouseButtonPrimary {
		return
	}
	if id, ok := pv.marks.hit(p.page, p.x, p.y); ok {
		pv.u.selectAnnotation(id)
		return
	}
	if !p.hasText {
		pv.u.noTextOnPage()
		return
	}
	pv.u.reader.sel.selectPassage(pv.v.passageAt(p.offset))
	pv.u.reader.selectionChanged()
}

// Dragged is part of fyne.Draggable: a drag selects the words from the
// press to the pointer.
func (s *pageSheet) Dragged(ev *fyne.DragEvent) {
	pv := s.pv
	if !pv.press.active || !pv.press.hasText {
		return
	}
	pos := ev.Position
	// Past the view's top or bottom edge, scroll to follow the pointer.
	d := fyne.CurrentApp().Driver()
	sp, ss := d.AbsolutePositionForObject(pv.scroll), pv.scroll.Size()
	switch {
	case ev.AbsolutePosition.Y < sp.Y:
		pv.scrollToY(pv.scroll.Offset.Y - (sp.Y - ev.AbsolutePosition.Y))
	case ev.AbsolutePosition.Y > sp.Y+ss.Height:
		pv.scrollToY(pv.scroll.Offset.Y + (ev.AbsolutePosition.Y - sp.Y - ss.Height))
	}
	page, x, y, ok := s.pointAt(pos)
	if !ok {
		return
	}
	off, ok := pv.v.doc.OffsetAt(page, x, y)
	if !ok {
		return
	}
	lo, hi := min(off, pv.press.offset), max(off, pv.press.offset)
	if hi == lo {
		return
	}
	pv.press.dragged = true
	// Offsets here are boundaries between characters: the last one
	// selected is the one before hi.
	pv.u.reader.sel.selectWords(lo, hi-1)
	pv.u.reader.selectionChanged()
}

// DragEnd is part of fyne.Draggable.
func (s *pageSheet) DragEnd() { s.pv.press = pagePress{} }

// TappedSecondary opens the context menu on the sentence under the
// pointer, or on the selection when the pointer is in it.
func (s *pageSheet) TappedSecondary(ev *fyne.PointEvent) {
	pv := s.pv
	pv.requestFocus()
	if pv.v == nil {
		return
	}
	if page, x, y, ok := s.pointAt(ev.Position); ok {
		if off, ok := pv.v.doc.OffsetAt(page, x, y); ok {
			sel := pv.u.reader.sel
			if a, e := sel.span(); sel.empty() || off < a || off >= e {
				sel.selectPassage(pv.v.passageAt(off))
				pv.u.reader.selectionChanged()
			}
		}
	}
	pv.u.showContextMenu(ev.AbsolutePosition)
}

// Scrolled zooms with Ctrl+wheel and scrolls otherwise.
func (s *pageSheet) Scrolled(ev *fyne.ScrollEvent) {
	if s.pv.modifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		switch {
		case ev.Scrolled.DY > 0:
			s.pv.stepZoom(1)
		case ev.Scrolled.DY < 0:
			s.pv.stepZoom(-1)
		}
		return
	}
	s.pv.scroll.Scrolled(ev)
}

// MouseIn is part of desktop.Hoverable.
func (s *pageSheet) MouseIn(*desktop.MouseEvent) {}

// MouseMoved is part of desktop.Hoverable.
func (s *pageSheet) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (s *pageSheet) MouseOut() {}

// Cursor is part of desktop.Cursorable.
func (s *pageSheet) Cursor() desktop.Cursor { return desktop.TextCursor }

// pointOf is where on the sheet the point (x, y) of page (1-based) is.
func (s *pageSheet) pointOf(page int, x, y float64) fyne.Position {
	g := s.pv.geom
	px, py, _, _ := g.rect(page-1, s.Size().Width)
	return fyne.NewPos(px+float32(x)*g.z, py+float32(y)*g.z)
}

// pageSheetRenderer draws the pages in shown and what lies on them.
type pageSheetRenderer struct {
	s      *pageSheet
	rects  []*canvas.Rectangle
	texts  []*canvas.Text
	labels []*widget.Label
	objs   []fyne.CanvasObject
	ri     int
	ti     int
	li     int
}

func (r *pageSheetRenderer) Destroy() {}

func (r *pageSheetRenderer) MinSize() fyne.Size {
	g := r.s.pv.geom
	return fyne.NewSize(g.width, g.height)
}

func (r *pageSheetRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *pageSheetRenderer) Layout(fyne.Size) { r.build() }

func (r *pageSheetRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.s)
}

func (r *pageSheetRenderer) rect(c color.Color, stroke color.Color, x, y, w, h float32) {
	if w <= 0 || h <= 0 {
		return
	}
	if r.ri == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(c))
	}
	rc := r.rects[r.ri]
	r.ri++
	rc.FillColor = c
	rc.StrokeColor = stroke
	rc.StrokeWidth = 0
	if stroke != nil {
		rc.StrokeWidth = 1
	}
	rc.Move(fyne.NewPos(x, y))
	rc.Resize(fyne.NewSize(w, h))
	r.objs = append(r.objs, rc)
}

func (r *pageSheetRenderer) text(s string, c color.Color, size, x, y float32) {
	if r.ti == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", c))
	}
	t := r.texts[r.ti]
	r.ti++
	t.Text, t.Color, t.TextSize = s, c, size
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	r.objs = append(r.objs, t)
}

func (r *pageSheetRenderer) label(s string, x, y, w float32) {
	if r.li == len(r.labels) {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		r.labels = append(r.labels, l)
	}
	l := r.labels[r.li]
	r.li++
	if l.Text != s {
		l.SetText(s)
	}
	l.Move(fyne.NewPos(x, y))
	l.Resize(fyne.NewSize(w, l.MinSize().Height))
	r.objs = append(r.objs, l)
}

// paper is the colour of a page not drawn yet, and of the paper in
// either theme: pages are printed on white.
var (
	paper      = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	paperEdge  = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x80}
	pageSelect = color.NRGBA{R: 0x20, G: 0x20, B: 0x20, A: 0x38}
	pageMuted  = color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff}
)

// build lays out the objects for the pages on screen and one either side.
func (r *pageSheetRenderer) build() {
	r.objs, r.ri, r.ti, r.li = r.objs[:0], 0, 0, 0
	pv := r.s.pv
	g := pv.geom
	if pv.v == nil || len(g.tops) == 0 || g.z == 0 {
		r.s.shown = [2]int{0, -1}
		return
	}
	first, last := pv.visible()
	first, last = max(first-1, 0), min(last+1, len(g.tops)-1)
	r.s.shown = [2]int{first, last}
	width := max(r.s.Size().Width, g.width)
	th := r.s.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	var selS, selE int
	if sel := pv.u.reader.sel; sel != nil && !sel.empty() {
		selS, selE = sel.span()
	}
	sel := pv.v.doc.SpanRects(selS, selE)
	for i := first; i <= last; i++ {
		x, y, w, h := g.rect(i, width)
		im := pv.imgs[i]
		if im != nil && im.err != nil {
			r.rect(th.Color(theme.ColorNameInputBackground, variant), paperEdge, x, y, w, h)
			pad := th.Size(theme.SizeNamePadding) * 2
			r.label(pageError(i+1, im.err), x+pad, y+pad, max(w-2*pad, 40))
			continue
		}
		r.rect(paper, paperEdge, x, y, w, h)
		if im != nil && im.img != nil {
			if im.obj == nil {
				im.obj = canvas.NewImageFromImage(im.img)
				im.obj.FillMode = canvas.ImageFillStretch
				im.obj.ScaleMode = canvas.ImageScaleFastest
			}
			im.obj.Move(fyne.NewPos(x, y))
			im.obj.Resize(fyne.NewSize(w, h))
			r.objs = append(r.objs, im.obj)
		} else {
			ts := th.Size(theme.SizeNameText)
			r.text("Page "+itoaPage(i+1)+"…", pageMuted, ts, x+w/2-ts*2.5, y+h/3)
		}
		r.marks(i+1, x, y, g.z)
		for _, pr := range sel {
			if pr.Page == i+1 {
				rc := pr.Rect
				r.rect(pageSelect, nil, x+float32(rc.X0)*g.z, y+float32(rc.Y0)*g.z, float32(rc.X1-rc.X0)*g.z, float32(rc.Y1-rc.Y0)*g.z)
			}
		}
	}
}

// marks draws a page's highlights: a translucent fill in the first tag's
// colour and a stripe per tag along the bottom, as the text view does.
func (r *pageSheetRenderer) marks(page int, x, y, z float32) {
	pv := r.s.pv
	ms := pv.marks[page]
	if len(ms) == 0 {
		return
	}
	rd := pv.u.reader
	for _, m := range ms {
		rc := m.rect
		r.rect(tagFill(rd.tagColor(m.tags[0]), false), nil, x+float32(rc.X0)*z, y+float32(rc.Y0)*z, float32(rc.X1-rc.X0)*z, float32(rc.Y1-rc.Y0)*z)
	}
	level := pv.marks.tagsOnPage(page, rd.tagSlot)
	thick := max(2, z*1.2)
	for _, m := range ms {
		rc := m.rect
		for _, t := range m.tags {
			k := float32(level[t])
			r.rect(tagStripe(rd.tagColor(t)), nil, x+float32(rc.X0)*z, y+float32(rc.Y1)*z-thick-k*(thick+1), float32(rc.X1-rc.X0)*z, thick)
		}
	}
}
