package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// pageView shows the open paper's PDF pages with its highlights on them.
// Pages are rendered by the library (a worker process) off the UI
// goroutine, one at a time, always the page most wanted now: the visible
// ones first, then one either side. Only those are kept, so a long paper
// at a high zoom never holds every page's pixels. Each page is rendered
// at the zoom times the canvas scale, in device pixels, so the GPU never
// scales it smoothly. Highlights and the selection are translucent
// rectangles over the image, placed from the extraction's glyph
// positions; the selection is the reader's, so every command that acts
// on a selection acts on one made here.
type pageView struct {
	widget.BaseWidget
	u *appUI

	bar    *fyne.Container
	arrows [2]*widget.Button // hidden when the view is too narrow for them
	zoomL  *widget.Label
	pageE  *pageEntry
	countL *widget.Label
	banner *widget.Label
	scroll *container.Scroll
	sheet  *pageSheet
	prep   *fyne.Container
	prepL  *widget.Label

	v     *docView
	paper appraise.PaperID
	path  string
	sizes [][2]float32
	geom  pageGeom
	viewW float32 // the width geom was made for
	zoom  float32 // a multiple of fit width
	marks pageMarks
	imgs  map[int]*pageImage // by page index: visible pages ± 1

	gen     int // bumps when the paper changes; older renders are dropped
	busy    bool
	ctx     context.Context
	cancel  context.CancelFunc
	warm    bool      // a render has come back since the app started
	shownAt time.Time // when the view was switched to, until its first page
	missing error     // the PDF cannot be read at all (moved, changed)
	focused bool
	press   pagePress

	onScrolled func()   // the user scrolled (side by side follows)
	ready      []func() // run once the pages are laid out
	// modifiers are the keyboard modifiers held now (Ctrl+wheel zooms);
	// tests hold their own.
	modifiers func() fyne.KeyModifier
}

// pageImage is a rendered page, or why it could not be.
type pageImage struct {
	img   *image.RGBA
	scale float64 // device pixels per point it was rendered at
	err   error
	obj   *canvas.Image
}

var (
	_ fyne.Focusable = (*pageView)(nil)
	_ fyne.Widget    = (*pageView)(nil)
)

func newPageView(u *appUI) *pageView {
	pv := &pageView{u: u, zoom: 1, imgs: map[int]*pageImage{}, modifiers: heldModifiers}
	pv.ExtendBaseWidget(pv)
	pv.sheet = newPageSheet(pv)
	pv.scroll = container.NewScroll(pv.sheet)
	pv.scroll.OnScrolled = func(fyne.Position) { pv.scrolled(true) }

	small := func(icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	pv.zoomL = widget.NewLabel("100%")
	pv.pageE = newPageEntry(pv)
	pv.countL = widget.NewLabel("/ 0")
	fit := small(theme.ZoomFitIcon(), func() { pv.setZoom(1) })
	pv.arrows = [2]*widget.Button{
		small(theme.NavigateBackIcon(), func() { pv.stepPage(-1) }),
		small(theme.NavigateNextIcon(), func() { pv.stepPage(1) }),
	}
	pv.bar = container.NewHBox(
		pv.arrows[0],
		container.NewGridWrap(fyne.NewSize(64, pv.pageE.MinSize().Height), pv.pageE), pv.countL,
		pv.arrows[1],
		widget.NewSeparator(),
		small(theme.ZoomOutIcon(), func() { pv.stepZoom(-1) }), pv.zoomL,
		small(theme.ZoomInIcon(), func() { pv.stepZoom(1) }), fit)
	pv.banner = widget.NewLabel("")
	pv.banner.Wrapping = fyne.TextWrapWord
	pv.banner.Importance = widget.WarningImportance
	pv.banner.Hide()

	pv.prepL = widget.NewLabelWithStyle("Preparing page view…", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	bar := widget.NewProgressBarInfinite()
	hint := widget.NewLabelWithStyle("The first time takes a few seconds.", fyne.TextAlignCenter, fyne.TextStyle{})
	hint.Importance = widget.LowImportance
	card := container.NewVBox(pv.prepL, bar, hint)
	panel := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	panel.CornerRadius = theme.Size(theme.SizeNameSelectionRadius) * 2
	pv.prep = container.NewCenter(container.NewStack(panel, container.NewPadded(
		container.NewGridWrap(fyne.NewSize(320, card.MinSize().Height), card))))
	pv.prep.Hide()
	return pv
}

// setPaper shows c's pages (or none), at fit width, from the first page.
func (pv *pageView) setPaper(c *current) {
	if pv.cancel != nil {
		pv.cancel()
	}
	pv.gen++
	pv.busy = false
	for i := range pv.imgs {
		pv.forget(i)
	}
	pv.missing = nil
	pv.press = pagePress{}
	pv.ready = nil
	pv.zoom = 1
	pv.viewW = 0
	pv.ctx, pv.cancel = context.WithCancel(context.Background())
	pv.v, pv.paper, pv.path, pv.sizes = nil, "", "", nil
	pv.marks = pageMarks{}
	pv.setBanner("")
	if c != nil {
		pv.v, pv.paper, pv.path = c.v, c.paper.ID, c.paper.Path
		pv.sizes = pageSizes(c.v.doc.Pages)
		if len(pv.sizes) == 0 && c.paper.Pages > 0 {
			pv.sizes = pageSizes(make([]appraise.Page, c.paper.Pages))
		}
	}
	pv.scroll.ScrollToOffset(fyne.Position{})
	pv.relayout()
}

// stop cancels the render in flight: the app is closing.
func (pv *pageView) stop() {
	if pv.cancel != nil {
		pv.cancel()
	}
}

// setMarks replaces the highlights.
func (pv *pageView) setMarks(m pageMarks) {
	pv.marks = m
	pv.sheet.Refresh()
}

// selectionChanged repaints the selection.
func (pv *pageView) selectionChanged() { pv.sheet.Refresh() }

// setBanner shows a sentence above the pages, or hides it.
func (pv *pageView) setBanner(s string) {
	if s == "" {
		if pv.banner.Visible() {
			pv.banner.Hide()
			pv.Refresh()
		}
		return
	}
	if pv.banner.Text == s && pv.banner.Visible() {
		return
	}
	pv.banner.SetText(s)
	pv.banner.Show()
	pv.Refresh()
}

// relayout recomputes the geometry for the current width and zoom,
// keeping the point at the top of the view where it is.
func (pv *pageView) relayout() {
	page, frac := pv.topAnchor()
	pv.viewW = pv.scroll.Size().Width
	pv.geom = newPageGeom(pv.sizes, pv.viewW, pv.zoom)
	pv.zoomL.SetText(fmt.Sprintf("%d%%", int(math.Round(float64(pv.geom.z*100)))))
	pv.countL.SetText("/ " + strconv.Itoa(len(pv.sizes)))
	pv.sheet.Refresh()
	pv.scroll.Refresh()
	if len(pv.sizes) > 0 && pv.geom.z > 0 {
		_, _, _, h := pv.geom.rect(page, pv.geom.width)
		pv.scrollToY(pv.geom.tops[page] + frac*h - pageMargin)
	}
	pv.scrolled(false)
	if pv.laidOut() && len(pv.ready) > 0 {
		fs := pv.ready
		pv.ready = nil
		for _, f := range fs {
			f()
		}
	}
}

// laidOut reports whether the pages have places on screen.
func (pv *pageView) laidOut() bool {
	return pv.v != nil && len(pv.geom.tops) > 0 && pv.geom.z > 0 && pv.scroll.Size().Height > 0
}

// whenReady runs f now if the pages are laid out, else once they are:
// a view just switched to has no size until the next layout.
func (pv *pageView) whenReady(f func()) {
	if pv.laidOut() {
		f()
		return
	}
	pv.ready = append(pv.ready, f)
}

// topAnchor is the page at the top of the view and how far down it the
// view's top is (0–1), so zooming keeps the reader's place.
func (pv *pageView) topAnchor() (int, float32) {
	if len(pv.geom.tops) == 0 || pv.geom.z == 0 {
		return 0, 0
	}
	y := pv.scroll.Offset.Y + pageMargin
	i := pv.geom.indexAtY(y)
	_, _, _, h := pv.geom.rect(i, pv.geom.width)
	return i, max(0, min(1, (y-pv.geom.tops[i])/h))
}

// scrollToY puts content y at the top of the view.
func (pv *pageView) scrollToY(y float32) {
	view := pv.scroll.Size().Height
	y = max(0, min(y, pv.geom.height-view))
	pv.scroll.ScrollToOffset(fyne.NewPos(pv.scroll.Offset.X, y))
	pv.scrolled(false)
}

// visible returns the first and last page index on screen.
func (pv *pageView) visible() (int, int) {
	if len(pv.geom.tops) == 0 {
		return 0, -1
	}
	y := pv.scroll.Offset.Y
	return pv.geom.indexAtY(y), pv.geom.indexAtY(y + max(pv.scroll.Size().Height-1, 0))
}

// currentPage is the page index the page box shows: the one at the top,
// or the next one when less than a third of it is left on screen.
func (pv *pageView) currentPage() int {
	i, frac := pv.topAnchor()
	if frac > 0.67 && i+1 < len(pv.sizes) {
		return i + 1
	}
	return i
}

// scrolled follows a scroll: the page box, which pages to keep and
// render, and (byUser) the text beside it.
func (pv *pageView) scrolled(byUser bool) {
	if pv.v == nil {
		return
	}
	pv.pageE.show(pv.currentPage() + 1)
	first, last := pv.visible()
	changed := false
	for i := range pv.imgs {
		if i < first-1 || i > last+1 {
			pv.forget(i)
			changed = true
		}
	}
	if changed || pv.sheet.shownRange() != [2]int{max(first-1, 0), min(last+1, len(pv.sizes)-1)} {
		pv.sheet.Refresh()
	}
	pv.schedule()
	if byUser && pv.onScrolled != nil {
		pv.onScrolled()
	}
}

// forget drops page i's image and its texture. Fyne keeps an image's
// texture (main memory under a software renderer) for a minute after the
// image leaves the screen; a refresh frees it at the next paint instead,
// so paging through a long paper holds only the pages around the view.
func (pv *pageView) forget(i int) {
	if im := pv.imgs[i]; im != nil && im.obj != nil {
		im.obj.Image = nil
		im.obj.Refresh()
	}
	delete(pv.imgs, i)
}

// goToPage scrolls so page n (1-based) starts at the top.
func (pv *pageView) goToPage(n int) {
	if len(pv.sizes) == 0 {
		return
	}
	i := max(0, min(n-1, len(pv.sizes)-1))
	pv.scrollToY(pv.geom.tops[i] - pageMargin)
}

// stepPage moves a page down (1) or up (-1).
func (pv *pageView) stepPage(d int) {
	pv.goToPage(pv.currentPage() + 1 + d)
}

// stepZoom zooms in (1) or out (-1) to the next step.
func (pv *pageView) stepZoom(d int) {
	i := 0
	for k, s := range zoomSteps {
		if s <= pv.zoom+1e-3 {
			i = k
		}
	}
	if d < 0 && zoomSteps[i] < pv.zoom-1e-3 {
		d = 0 // between steps: out goes to the step below
	}
	pv.setZoom(zoomSteps[max(0, min(i+d, len(zoomSteps)-1))])
}

// setZoom sets the zoom as a multiple of fit width.
func (pv *pageView) setZoom(z float32) {
	if z == pv.zoom {
		return
	}
	pv.zoom = z
	pv.relayout()
}

// reveal scrolls the text [start, end) into view, a third of the way
// down, and reports whether it is printed anywhere.
func (pv *pageView) reveal(start, end int) bool {
	if pv.v == nil {
		return false
	}
	rs := pv.v.doc.SpanRects(start, max(end, start+1))
	if len(rs) == 0 {
		if b := pv.v.blockAt(start); b >= 0 {
			pv.goToPage(pv.v.blocks[b].PageAt(start))
		}
		return false
	}
	i := rs[0].Page - 1
	if i < 0 || i >= len(pv.sizes) {
		return false
	}
	y := pv.geom.tops[i] + float32(rs[0].Rect.Y0)*pv.geom.z
	view := pv.scroll.Size().Height
	if cur := pv.scroll.Offset.Y; y < cur || y+float32(rs[0].Rect.Y1-rs[0].Rect.Y0)*pv.geom.z > cur+view {
		pv.scrollToY(y - view/3)
	}
	return true
}

// showAtTop scrolls so the line holding text offset off is at the top.
func (pv *pageView) showAtTop(off int) {
	if pv.v == nil {
		return
	}
	rs := pv.v.doc.SpanRects(off, off+1)
	if len(rs) == 0 || rs[0].Page < 1 || rs[0].Page > len(pv.sizes) {
		if b := pv.v.blockAt(off); b >= 0 {
			pv.goToPage(pv.v.blocks[b].PageAt(off))
		}
		return
	}
	i := rs[0].Page - 1
	y := pv.geom.tops[i] + float32(rs[0].Rect.Y0)*pv.geom.z - pageMargin
	if pv.firstLineOnPage(off) {
		y = pv.geom.tops[i] - pageMargin // the whole page, from its top
	}
	pv.scrollToY(y)
}

// firstLineOnPage reports whether offset off is on the first printed
// line of its page.
func (pv *pageView) firstLineOnPage(off int) bool {
	ls := pv.v.doc.Lines
	for k := range ls {
		if ls[k].End > off || k+1 == len(ls) {
			return k == 0 || ls[k-1].Page != ls[k].Page
		}
	}
	return false
}

// topOffset is the text offset printed at the top of the view, for the
// text beside it to follow: the first line (in reading order) of the top
// page that reaches below the view's top, else the next page's first.
func (pv *pageView) topOffset() (int, bool) {
	if pv.v == nil || len(pv.sizes) == 0 || pv.geom.z == 0 {
		return 0, false
	}
	y := pv.scroll.Offset.Y + pageMargin
	i := pv.geom.indexAtY(y)
	yPt := float64((y - pv.geom.tops[i]) / pv.geom.z)
	for _, l := range pv.v.doc.Lines {
		if l.Page == i+1 && l.Rect.Y1 >= yPt || l.Page > i+1 {
			return l.Start, true
		}
	}
	for _, b := range pv.v.blocks {
		if b.Page >= i+1 {
			return b.Start, true
		}
	}
	return 0, false
}

// canvasScale is the device pixels per canvas unit.
func (pv *pageView) canvasScale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(pv); c != nil {
		return c.Scale()
	}
	if pv.u.win != nil {
		return pv.u.win.Canvas().Scale()
	}
	return 1
}

// renderScale is the device pixels per point a page is rendered at.
func (pv *pageView) renderScale() float64 {
	return float64(pv.geom.z * pv.canvasScale())
}

// minRenderWidth is the narrowest view (canvas units) pages are rendered
// for.
const minRenderWidth = 120

// schedule starts rendering the page most wanted now, if none is being
// rendered: the visible pages top first, then the one after and the one
// before. Each result schedules the next, so the newest view always wins.
func (pv *pageView) schedule() {
	if pv.busy || pv.v == nil || pv.missing != nil || pv.u.mode == viewText || pv.geom.z == 0 {
		return
	}
	if pv.scroll.Size().Width < minRenderWidth {
		return // a split still settling its sizes: nothing worth drawing yet
	}
	lib := pv.u.pages
	if lib == nil {
		pv.setBanner("Page view is not available: this Appraise was started without its PDF renderer.")
		return
	}
	first, last := pv.visible()
	order := make([]int, 0, last-first+3)
	for i := first; i <= last; i++ {
		order = append(order, i)
	}
	order = append(order, last+1, first-1)
	scale := pv.renderScale()
	for _, i := range order {
		if i < 0 || i >= len(pv.sizes) {
			continue
		}
		if im := pv.imgs[i]; im != nil && (im.err != nil || math.Abs(im.scale-scale) < scale*0.01) {
			continue
		}
		pv.busy = true
		if !pv.warm {
			pv.prep.Show()
		}
		gen, id, ctx := pv.gen, pv.paper, pv.ctx
		pv.u.bg.spawn(func() {
			start := time.Now()
			img, err := lib.RenderPage(ctx, id, i+1, scale)
			took := time.Since(start)
			pv.u.post(func() {
				pv.u.trace("page view: page %d at %.2f px/pt in %d ms", i+1, scale, took.Milliseconds())
				pv.delivered(gen, i, scale, img, err)
			})
		})
		return
	}
}

// delivered takes a rendered page (or its error) and starts the next.
func (pv *pageView) delivered(gen, i int, scale float64, img *image.RGBA, err error) {
	if gen != pv.gen {
		return // another paper since
	}
	pv.busy = false
	pv.warm = true
	pv.prep.Hide()
	if !pv.shownAt.IsZero() {
		pv.u.trace("page view: first page %d ms after switching", time.Since(pv.shownAt).Milliseconds())
		pv.shownAt = time.Time{}
	}
	switch {
	case err != nil && errors.Is(err, context.Canceled):
		return
	case err != nil && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, appraise.ErrNoSuchFile)):
		pv.missing = err
		pv.setBanner(missingPDFText(pv.path))
	case err != nil && (errors.Is(err, appraise.ErrPaperFileChanged) || errors.Is(err, appraise.ErrNoRenderer)):
		// Every page would fail the same way: say it once.
		pv.missing = err
		pv.setBanner(sentence(err))
	case err == nil && img == nil:
		err = errors.New("the renderer returned no image")
	}
	first, last := pv.visible()
	if i >= first-1 && i <= last+1 {
		pv.forget(i)
		pv.imgs[i] = &pageImage{img: img, scale: scale, err: err}
		pv.sheet.Refresh()
	}
	pv.schedule()
}

// missingPDFText says that a paper's PDF is gone and what to do.
func missingPDFText(path string) string {
	where := "where it was"
	if path != "" {
		where = "at " + path
	}
	return "The PDF is no longer " + where + ", so its pages cannot be shown. Open the file again with File → Open… " +
		"(Appraise recognises it by its content, so your annotations stay)."
}

// pageError is the sentence a page that could not render shows.
func pageError(n int, err error) string {
	return "Page " + strconv.Itoa(n) + " cannot be shown. " + strings.TrimSuffix(sentence(err), ".") + "."
}

// heldModifiers asks a desktop driver which modifier keys are held.
func heldModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// CreateRenderer is part of fyne.Widget.
func (pv *pageView) CreateRenderer() fyne.WidgetRenderer { return &pageViewRenderer{pv: pv} }

// FocusGained is part of fyne.Focusable.
func (pv *pageView) FocusGained() { pv.focused = true }

// FocusLost is part of fyne.Focusable.
func (pv *pageView) FocusLost() { pv.focused = false }

// TypedRune zooms with + and -; every other key does what it does in the
// text view.
func (pv *pageView) TypedRune(ch rune) {
	switch ch {
	case '+', '=':
		pv.stepZoom(1)
	case '-':
		pv.stepZoom(-1)
	default:
		pv.u.typedRune(ch)
	}
}

// TypedKey pages with PgUp/PgDn, Home and End.
func (pv *pageView) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyPageDown:
		pv.stepPage(1)
	case fyne.KeyPageUp:
		pv.stepPage(-1)
	case fyne.KeyHome:
		pv.goToPage(1)
	case fyne.KeyEnd:
		pv.goToPage(len(pv.sizes))
	case fyne.KeySpace:
		pv.scrollToY(pv.scroll.Offset.Y + pv.scroll.Size().Height*0.9)
	default:
		pv.u.typedKey(ev)
	}
}

// requestFocus gives the page view the keyboard.
func (pv *pageView) requestFocus() {
	if pv.u.win != nil {
		pv.u.win.Canvas().Focus(pv)
	}
}

type pageViewRenderer struct {
	pv   *pageView
	objs []fyne.CanvasObject
}

func (r *pageViewRenderer) Destroy() {}

// MinSize leaves room for the bar without its arrows (PgUp and PgDn do
// what they do), so side by side fits a small window.
func (r *pageViewRenderer) MinSize() fyne.Size {
	b := r.pv.bar.MinSize()
	w := b.Width
	for _, a := range r.pv.arrows {
		if a.Visible() {
			w -= a.MinSize().Width + theme.Padding()
		}
	}
	return fyne.NewSize(w, b.Height+80)
}

func (r *pageViewRenderer) Objects() []fyne.CanvasObject {
	if r.objs == nil {
		pv := r.pv
		r.objs = []fyne.CanvasObject{pv.scroll, pv.bar, pv.banner, pv.prep}
	}
	return r.objs
}

func (r *pageViewRenderer) Layout(size fyne.Size) {
	pv := r.pv
	for _, a := range pv.arrows {
		a.Show()
	}
	if pv.bar.MinSize().Width > size.Width {
		for _, a := range pv.arrows {
			a.Hide()
		}
	}
	barH := pv.bar.MinSize().Height
	pv.bar.Move(fyne.Position{})
	pv.bar.Resize(fyne.NewSize(size.Width, barH))
	top := barH
	if pv.banner.Visible() {
		bh := pv.banner.MinSize().Height
		pv.banner.Move(fyne.NewPos(0, top))
		pv.banner.Resize(fyne.NewSize(size.Width, bh))
		top += bh
	}
	pv.scroll.Move(fyne.NewPos(0, top))
	pv.scroll.Resize(fyne.NewSize(size.Width, max(size.Height-top, 0)))
	pv.prep.Move(fyne.NewPos(0, top))
	pv.prep.Resize(pv.scroll.Size())
	// A split settling its sizes may lay the view out very narrow for a
	// moment: keep the pages as they are rather than lose the place.
	if w := pv.scroll.Size().Width; w != pv.viewW && (w >= minRenderWidth || pv.viewW == 0) {
		pv.relayout()
	} else {
		pv.scrolled(false)
	}
}

func (r *pageViewRenderer) Refresh() {
	r.Layout(r.pv.Size())
	canvas.Refresh(r.pv)
}

// pageEntry is the page number box: type a number and Return.
type pageEntry struct {
	widget.Entry
	pv      *pageView
	editing bool // the user is typing: scrolling leaves the box alone
	setting bool
}

func newPageEntry(pv *pageView) *pageEntry {
	e := &pageEntry{pv: pv}
	e.ExtendBaseWidget(e)
	e.OnChanged = func(string) { e.editing = !e.setting }
	e.OnSubmitted = func(s string) {
		e.editing = false
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			pv.goToPage(n)
		}
		pv.scrolled(false)
		pv.requestFocus()
	}
	return e
}

// show puts page number n in the box unless the user is typing there.
func (e *pageEntry) show(n int) {
	if e.editing {
		return
	}
	if t := strconv.Itoa(n); t != e.Text {
		e.setting = true
		e.SetText(t)
		e.setting = false
	}
}

// FocusLost stops editing: the box shows the page again.
func (e *pageEntry) FocusLost() {
	e.editing = false
	e.Entry.FocusLost()
}

// TypedKey gives the page back the keyboard on Esc.
func (e *pageEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.editing = false
		e.pv.scrolled(false)
		e.pv.requestFocus()
		return
	}
	e.Entry.TypedKey(ev)
}
