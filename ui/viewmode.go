package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// The reader's three views: the text in reading order, the PDF's pages,
// and both side by side, scrolled together. The view is remembered per
// paper in Paper.View, saved with SavePaper like the reading position, so
// it travels with the library file rather than staying with one machine's
// preferences, and opening a paper on another machine shows it as left.

// viewMode is how the reader shows the open paper.
type viewMode int

const (
	viewText viewMode = iota
	viewPage
	viewSide
)

var viewModes = [...]struct {
	key, label string
}{
	viewText: {"", "Text"},
	viewPage: {"page", "Page"},
	viewSide: {"side", "Side by side"},
}

// viewModeOf reads Paper.View; anything unknown is the text view.
func viewModeOf(s string) viewMode {
	for m, v := range viewModes {
		if v.key == s {
			return viewMode(m)
		}
	}
	return viewText
}

func (m viewMode) label() string { return viewModes[m].label }

// viewLabels are the toolbar's choices, in cycling order.
func viewLabels() []string {
	out := make([]string, len(viewModes))
	for i, v := range viewModes {
		out[i] = v.label
	}
	return out
}

// followPause is how long after one side of side by side moved the
// other the first ignores the second's own movement, so the two do not
// chase each other.
const followPause = 300 * time.Millisecond

// viewParts are the containers the views swap between.
type viewParts struct {
	box  *fyne.Container  // holds the reader, the page view, or side
	side *container.Split // text | pages
	// led is when the page view last moved the text (side by side).
	led       time.Time
	following bool // the page view is moving the text now
	pending   bool // a text-follows scroll is queued
	toldLines map[appraise.PaperID]bool
	// libraryMadeRoom is set while the library list is hidden because
	// side by side needed its width; leaving side by side shows it again.
	libraryMadeRoom bool
}

// sideBySideRoom is the window width (in Fyne units) below which side by
// side hides the library list: text, page and annotations need it more.
const sideBySideRoom = 1400

func (u *appUI) newViewParts() {
	u.pv = newPageView(u)
	u.pv.onScrolled = func() { u.textFollowPage(true) }
	u.views.box = container.NewStack(u.reader)
	u.views.side = container.NewHSplit(widget.NewLabel(""), widget.NewLabel(""))
	u.views.toldLines = map[appraise.PaperID]bool{}
	u.reader.onScroll = u.readerScrolled
	u.reader.onPageLink = u.goToPage
	u.reader.focusOther = func() bool {
		if u.mode == viewPage && u.cur != nil {
			u.pv.requestFocus()
			return true
		}
		return false
	}
}

// setView shows the open paper in view m; remember saves it as the
// paper's view.
func (u *appUI) setView(m viewMode, remember bool) {
	from := u.mode
	u.mode = m
	switch m {
	case viewPage:
		u.views.box.Objects = []fyne.CanvasObject{u.pv}
	case viewSide:
		u.views.side.Leading, u.views.side.Trailing = u.reader, u.pv
		u.views.side.Refresh()
		u.views.box.Objects = []fyne.CanvasObject{u.views.side}
	default:
		u.views.box.Objects = []fyne.CanvasObject{u.reader}
	}
	u.views.box.Refresh()
	u.toolbar.setView(m)
	u.makeRoomForSideBySide(from, m)
	if u.cur == nil {
		return
	}
	if remember && u.cur.paper.View != viewModes[m].key {
		p := u.cur.paper
		p.View = viewModes[m].key
		u.cur.paper = p
		u.savePaper(p, false)
	}
	if m == viewText {
		u.reader.requestFocus()
		return
	}
	switch {
	case from == viewText:
		u.pv.shownAt = time.Now()
		u.pageFollowText()
	case from == viewPage && m == viewSide:
		u.textFollowPage(false)
	}
	u.pv.schedule()
	u.tellNoLines()
	if m == viewPage {
		u.pv.requestFocus()
	} else {
		u.reader.requestFocus()
	}
}

// makeRoomForSideBySide hides the library list on entering side by side
// in a window too narrow for four columns, saying so once, and brings it
// back on leaving, unless the user showed or hid it themselves meanwhile.
func (u *appUI) makeRoomForSideBySide(from, to viewMode) {
	switch {
	case to == viewSide && from != viewSide:
		if u.libraryVisible() && u.win.Canvas().Size().Width < sideBySideRoom {
			u.showLibrary(false)
			u.views.libraryMadeRoom = true
			u.status.message("Library hidden to make room for the text and the page; Ctrl+L shows it.")
		}
	case from == viewSide && to != viewSide && u.views.libraryMadeRoom:
		u.views.libraryMadeRoom = false
		u.showLibrary(true)
	}
}

// cycleView is v: text, page, side by side, text…
func (u *appUI) cycleView() {
	if u.cur == nil {
		return
	}
	u.setView((u.mode+1)%viewMode(len(viewModes)), true)
}

// tellNoLines says once per paper that an extraction without glyph
// positions shows pages but no highlights on them.
func (u *appUI) tellNoLines() {
	if u.cur == nil || len(u.cur.v.doc.Lines) > 0 || len(u.cur.v.blocks) == 0 || u.views.toldLines[u.cur.paper.ID] {
		return
	}
	u.views.toldLines[u.cur.paper.ID] = true
	u.status.message(noLinesText)
}

const noLinesText = "This paper was read without positions on the page, so its highlights cannot be drawn there. Open its PDF again (File → Open…) to read it again."

// noTextOnPage answers a click on a page whose text has no positions.
func (u *appUI) noTextOnPage() {
	if u.cur != nil && len(u.cur.v.doc.Lines) == 0 {
		u.status.message(noLinesText)
	}
}

// showOnPage is g: the page view shows the selection, or the annotation
// picked in the panel, switching from the text view to the page view.
func (u *appUI) showOnPage() {
	if u.cur == nil {
		return
	}
	s, e := u.reader.sel.span()
	if u.reader.sel.empty() {
		a, ok := u.annotationByID(u.selAnn)
		if !ok {
			u.status.message("Select a passage or an annotation first, then show it on the page with g.")
			return
		}
		s, e = a.Anchor.Start, a.Anchor.End
	}
	if u.mode == viewText {
		u.setView(viewPage, true)
	}
	u.views.led = u.now()
	u.pv.whenReady(func() {
		if !u.pv.reveal(s, e) {
			u.status.message(noLinesText)
		}
	})
}

// goToPage is a "p. N" link in the text view: the page view shows page n.
func (u *appUI) goToPage(n int) {
	if u.cur == nil {
		return
	}
	if u.mode == viewText {
		u.setView(viewPage, true)
	}
	u.views.led = u.now()
	u.pv.whenReady(func() { u.pv.goToPage(n) })
}

// selectAnnotation selects an annotation clicked on a page, as clicking
// it in the panel does, without moving the page.
func (u *appUI) selectAnnotation(id string) {
	a, ok := u.annotationByID(id)
	if !ok {
		return
	}
	u.selAnn = id
	u.reader.sel.selectSpan(a.Anchor.Start, a.Anchor.End)
	if u.mode == viewSide {
		u.views.led = u.now()
		u.reader.centreOffset(a.Anchor.Start)
	}
	u.reader.selectionChanged()
	u.annp.showSelected()
}

// readerScrolled follows the text with the pages when side by side.
func (u *appUI) readerScrolled() {
	if u.mode != viewSide || u.views.following || u.views.pending || u.now().Sub(u.views.led) < followPause {
		return
	}
	// The list reports this while laying out: follow once it is done.
	u.views.pending = true
	u.post(func() {
		u.views.pending = false
		if u.mode == viewSide && u.now().Sub(u.views.led) >= followPause {
			u.pageFollowText()
		}
	})
}

// pageFollowText scrolls the pages to the passage at the top of the text.
func (u *appUI) pageFollowText() {
	if u.cur == nil {
		return
	}
	p := u.reader.firstPassageOnScreen()
	if p < 0 {
		return
	}
	off := u.cur.v.passages[p].Start
	u.pv.whenReady(func() { u.pv.showAtTop(off) })
}

// textFollowPage scrolls the text to what is printed at the top of the
// pages when side by side; lead (the user moved the pages) keeps the text
// from moving the pages back for a moment.
func (u *appUI) textFollowPage(lead bool) {
	if u.mode != viewSide || u.cur == nil {
		return
	}
	off, ok := u.pv.topOffset()
	if !ok {
		return
	}
	if lead {
		u.views.led = u.now()
	}
	u.views.following = true
	u.reader.showAtTop(off)
	u.views.following = false
}
