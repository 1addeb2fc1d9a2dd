package ui

import (
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// pagedPaper has three pages with printed lines: a title and a paragraph
// on page 1, two paragraphs on page 2, one on page 3.
func pagedPaper() appraise.Document {
	b := newDocBuilder("Troponin pathways compared", "Okafor A")
	b.add(appraise.KindTitle, "Troponin pathways compared")
	b.add(appraise.KindParagraph, "We enrolled 1,204 adults with chest pain.", "Patients were randomised to two pathways.")
	b.newPage()
	b.add(appraise.KindParagraph, "Allocation could not be concealed from the treating clinicians.", "The trial was not powered for mortality.")
	b.add(appraise.KindParagraph, "Dialysis patients were excluded from the study.")
	b.newPage()
	b.add(appraise.KindParagraph, "An early rule-out strategy is safe in low-risk patients.")
	return withLines(b.build())
}

// offsetOf is where s starts in the open paper's text.
func (h *harness) offsetOf(s string) int {
	h.t.Helper()
	i := strings.Index(string(h.u.cur.v.runes), s)
	if i < 0 {
		h.t.Fatalf("%q is not in the paper", s)
	}
	return len([]rune(string(h.u.cur.v.runes)[:i]))
}

// charPoint is the middle of the character at offset off as printed: its
// page and where on the page sheet it is drawn.
func (h *harness) charPoint(off int) fyne.Position {
	h.t.Helper()
	rs := h.u.cur.v.doc.SpanRects(off, off+1)
	if len(rs) == 0 {
		h.t.Fatalf("offset %d is not printed", off)
	}
	r := rs[0].Rect
	return h.u.pv.sheet.pointOf(rs[0].Page, (r.X0+r.X1)/2, (r.Y0+r.Y1)/2)
}

// pageClick presses and releases on the page sheet at p.
func (h *harness) pageClick(p fyne.Position) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	ev.Position = p
	ev.AbsolutePosition = fyne.CurrentApp().Driver().AbsolutePositionForObject(h.u.pv.sheet).Add(p)
	h.u.pv.sheet.MouseDown(ev)
	h.u.pv.sheet.MouseUp(ev)
	h.settle()
}

// pageDrag drags on the page sheet from one point to another, as Fyne
// delivers it.
func (h *harness) pageDrag(from, to fyne.Position) {
	s := h.u.pv.sheet
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
	down := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	down.Position, down.AbsolutePosition = from, abs.Add(from)
	s.MouseDown(down)
	ev := &fyne.DragEvent{}
	ev.Position, ev.AbsolutePosition = to, abs.Add(to)
	s.Dragged(ev)
	up := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	up.Position, up.AbsolutePosition = to, abs.Add(to)
	s.MouseUp(up)
	s.DragEnd()
	h.settle()
}

// sheetRects returns the page sheet's rectangles drawn in colour c.
func (h *harness) sheetRects(c color.NRGBA) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(h.u.pv.sheet).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && color.NRGBAModel.Convert(r.FillColor) == c {
			out = append(out, r)
		}
	}
	return out
}

// sheetText returns the text of the labels and texts on the page sheet.
func (h *harness) sheetText() string {
	var parts []string
	for _, o := range test.WidgetRenderer(h.u.pv.sheet).Objects() {
		switch t := o.(type) {
		case *widget.Label:
			parts = append(parts, t.Text)
		case *canvas.Text:
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// pageKey types a named key into the page view.
func (h *harness) pageKey(name fyne.KeyName) {
	h.u.pv.TypedKey(&fyne.KeyEvent{Name: name})
	h.settle()
}

// pageRunes types runes into the page view.
func (h *harness) pageRunes(s string) {
	for _, r := range s {
		h.u.pv.TypedRune(r)
		h.settle()
	}
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.51 }

func TestVCyclesViewsAndTheToolbarFollows(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	want := []struct {
		mode  viewMode
		label string
		shows fyne.CanvasObject
	}{
		{viewPage, "Page", h.u.pv},
		{viewSide, "Side by side", h.u.views.side},
		{viewText, "Text", h.u.reader},
	}
	for _, w := range want {
		h.typeKeys("v")
		if h.u.mode != w.mode {
			t.Fatalf("after v: mode %d, want %d", h.u.mode, w.mode)
		}
		if got := h.u.views.box.Objects; len(got) != 1 || got[0] != w.shows {
			t.Errorf("%s view shows %T", w.label, got[0])
		}
		if h.u.toolbar.view.Selected != w.label {
			t.Errorf("toolbar says %q, want %q", h.u.toolbar.view.Selected, w.label)
		}
	}
	h.u.toolbar.view.SetSelected("Side by side")
	h.settle()
	if h.u.mode != viewSide {
		t.Errorf("choosing Side by side in the toolbar: mode %d", h.u.mode)
	}
}

func TestViewIsRememberedPerPaper(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/b.pdf", withLines(smallPaper()))
	h.openDoc("a", pagedPaper())
	a := h.u.cur.paper.ID
	h.typeKeys("v")
	if got := lib.paper(a).View; got != "page" {
		t.Fatalf("saved view %q, want page", got)
	}
	h.open("/papers/b.pdf")
	if h.u.mode != viewText {
		t.Errorf("another paper opens in mode %d, want the text view", h.u.mode)
	}
	h.open("/papers/a.pdf")
	if h.u.mode != viewPage || h.u.views.box.Objects[0] != h.u.pv {
		t.Errorf("paper a reopens in mode %d, want the page view it was left in", h.u.mode)
	}
}

func TestPageViewRendersVisiblePagesAtDeviceScale(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	b := newDocBuilder("Long", "A")
	for i := 0; i < 12; i++ {
		if i > 0 {
			b.newPage()
		}
		b.add(appraise.KindParagraph, fmt.Sprintf("Paragraph on page %d.", i+1))
	}
	h.openDoc("long", withLines(b.build()))
	h.typeKeys("v")
	pv := h.u.pv
	// Fit width: the widest page spans the view less the margins.
	wantZ := (pv.scroll.Size().Width - 2*pageMargin) / 612
	if !near(pv.geom.z*612, wantZ*612) {
		t.Errorf("fit width: %.3f units a point, want %.3f", pv.geom.z, wantZ)
	}
	calls := lib.renderCalls()
	if len(calls) == 0 || calls[0].page != 1 {
		t.Fatalf("renders %v, want page 1 first", calls)
	}
	if math.Abs(calls[0].scale-float64(pv.geom.z*pv.canvasScale())) > 1e-6 {
		t.Errorf("rendered at %.4f pixels a point, want zoom × canvas scale %.4f", calls[0].scale, pv.geom.z*pv.canvasScale())
	}
	first, last := pv.visible()
	for i := range pv.imgs {
		if i < first-1 || i > last+1 {
			t.Errorf("page %d kept, but only %d–%d are on screen", i+1, first+1, last+1)
		}
	}
	var shown []*canvas.Image
	for _, im := range pv.imgs {
		if im.obj != nil {
			shown = append(shown, im.obj)
		}
	}
	if len(shown) == 0 {
		t.Fatal("no page image on screen before End")
	}
	h.pageKey(fyne.KeyEnd)
	// The pages left behind let go of their pixels, so the toolkit frees
	// their textures now rather than a minute later.
	for _, obj := range shown {
		if obj.Image != nil {
			t.Error("a page scrolled out of view still holds its image")
		}
	}
	first, last = pv.visible()
	if last != 11 {
		t.Fatalf("End shows pages %d–%d, want the last", first+1, last+1)
	}
	for i := range pv.imgs {
		if i < first-1 {
			t.Errorf("page %d still kept after End", i+1)
		}
	}
	if pv.imgs[11] == nil || pv.imgs[11].img == nil {
		t.Error("the last page was not rendered after End")
	}
}

func TestZoomKeysStepAndRerender(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	pv := h.u.pv
	fit := pv.geom.z
	h.pageRunes("+")
	if pv.zoom != 1.25 || !near(pv.geom.z*100, fit*125) {
		t.Fatalf("+ zoom %.2f z %.3f, want 1.25 × fit %.3f", pv.zoom, pv.geom.z, fit)
	}
	calls := lib.renderCalls()
	if last := calls[len(calls)-1]; math.Abs(last.scale-float64(pv.geom.z)) > 1e-6 {
		t.Errorf("after zooming rendered at %.3f, want %.3f", last.scale, pv.geom.z)
	}
	if pv.zoomL.Text != fmt.Sprintf("%d%%", int(math.Round(float64(pv.geom.z*100)))) {
		t.Errorf("zoom box says %q at %.3f", pv.zoomL.Text, pv.geom.z)
	}
	h.pageRunes("--")
	if pv.zoom != 0.8 {
		t.Errorf("+ then - - gives zoom %.2f, want 0.8", pv.zoom)
	}
	if pv.sheet.MinSize().Width >= pv.scroll.Size().Width {
		t.Error("zoomed out, the pages are still as wide as the view")
	}
	// Ctrl+wheel zooms; the wheel alone scrolls.
	held := fyne.KeyModifier(fyne.KeyModifierControl)
	pv.modifiers = func() fyne.KeyModifier { return held }
	pv.sheet.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 1)})
	if pv.zoom != 1 {
		t.Errorf("Ctrl+wheel up from 0.8 gives zoom %.2f, want 1", pv.zoom)
	}
	held = 0
	y := pv.scroll.Offset.Y
	pv.sheet.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -50)})
	h.settle()
	if pv.zoom != 1 || pv.scroll.Offset.Y <= y {
		t.Errorf("the wheel alone: zoom %.2f, offset %.0f → %.0f; want a scroll", pv.zoom, y, pv.scroll.Offset.Y)
	}
	h.pageRunes("-")
	// In the text view + does nothing to the pages.
	h.typeKeys("vv")
	h.typeKeys("+")
	if pv.zoom != 0.8 {
		t.Errorf("+ in the text view changed the page zoom to %.2f", pv.zoom)
	}
}

func TestPageDownAndThePageBox(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	pv := h.u.pv
	if pv.pageE.Text != "1" || pv.countL.Text != "/ 3" {
		t.Fatalf("page box %q %q, want 1 / 3", pv.pageE.Text, pv.countL.Text)
	}
	h.pageKey(fyne.KeyPageDown)
	if pv.currentPage() != 1 || pv.pageE.Text != "2" {
		t.Errorf("PgDn: page %d, box %q, want 2", pv.currentPage()+1, pv.pageE.Text)
	}
	if top := pv.scroll.Offset.Y; !near(top, pv.geom.tops[1]-pageMargin) {
		t.Errorf("PgDn: top at %.1f, want page 2's top %.1f", top, pv.geom.tops[1]-pageMargin)
	}
	h.pageKey(fyne.KeyPageUp)
	if pv.pageE.Text != "1" {
		t.Errorf("PgUp: box %q, want 1", pv.pageE.Text)
	}
	pv.pageE.SetText("3")
	pv.pageE.OnSubmitted(pv.pageE.Text)
	h.settle()
	if pv.currentPage() != 2 || pv.pageE.Text != "3" {
		t.Errorf("typing 3 + Return: page %d, box %q", pv.currentPage()+1, pv.pageE.Text)
	}
	if h.w.Canvas().Focused() != pv {
		t.Errorf("after the page box the keyboard is with %T, want the page view", h.w.Canvas().Focused())
	}
}

func TestHighlightIsDrawnOverItsWordsInTagColour(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	quote := "Allocation could not be concealed from the treating clinicians."
	s := h.offsetOf(quote)
	h.u.reader.sel.selectSpan(s, s+len([]rune(quote)))
	h.typeKeys("l")
	h.typeKeys("v")
	pv := h.u.pv
	fill := tagFill(tagColorOf(appraise.TagLimitation), false)
	got := h.sheetRects(fill)
	if len(got) != 1 {
		t.Fatalf("%d rectangles in the limitation colour, want 1 (one line)", len(got))
	}
	// The line is on page 2 at x = 72, first line of the page, one
	// 6-point character per code point.
	x, y, _, _ := pv.geom.rect(1, pv.sheet.Size().Width)
	z := pv.geom.z
	wantPos := fyne.NewPos(x+fakeLeft*z, y+fakeTop*z)
	wantSize := fyne.NewSize(float32(len([]rune(quote)))*fakeCharW*z, (fakeLineH-2)*z)
	if !near(got[0].Position().X, wantPos.X) || !near(got[0].Position().Y, wantPos.Y) ||
		!near(got[0].Size().Width, wantSize.Width) || !near(got[0].Size().Height, wantSize.Height) {
		t.Errorf("highlight at %v size %v, want %v size %v", got[0].Position(), got[0].Size(), wantPos, wantSize)
	}
	stripe := h.sheetRects(tagStripe(tagColorOf(appraise.TagLimitation)))
	if len(stripe) != 1 {
		t.Errorf("%d limitation stripes, want 1", len(stripe))
	}
	// A second tag on the same span adds its own stripe, as in the text view.
	h.pageRunes("c")
	if n := len(h.sheetRects(tagStripe(tagColorOf(appraise.TagClaim)))); n != 1 {
		t.Errorf("%d claim stripes after adding claim, want 1", n)
	}
}

func TestClickingAHighlightSelectsItsAnnotation(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	quote := "The trial was not powered for mortality."
	s := h.offsetOf(quote)
	h.u.reader.sel.selectSpan(s, s+len([]rune(quote)))
	h.typeKeys("l")
	id := h.lib.liveAnns(h.u.cur.paper.ID)[0].ID
	h.u.reader.sel.clear()
	h.u.selAnn = ""
	h.typeKeys("v")
	h.pageClick(h.charPoint(s + 5))
	if h.u.selAnn != id {
		t.Errorf("selected annotation %q, want %q", h.u.selAnn, id)
	}
	if h.selected() != quote {
		t.Errorf("selection %q, want the annotation's quote", h.selected())
	}
	if h.u.annp.ed.id != id {
		t.Errorf("the panel's editor shows %q, want %q", h.u.annp.ed.id, id)
	}
	// A click on text that is not highlighted selects its sentence.
	other := h.offsetOf("Dialysis patients")
	h.pageClick(h.charPoint(other + 3))
	if h.selected() != "Dialysis patients were excluded from the study." {
		t.Errorf("click on plain text selected %q, want its sentence", h.selected())
	}
}

func TestDragOnPageSelectsWordsAndTagKeysWork(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	from := h.offsetOf("randomised")
	to := h.offsetOf("pathways.") + 3
	h.pageDrag(h.charPoint(from+2), h.charPoint(to))
	if got := h.selected(); got != "randomised to two pathways" {
		t.Fatalf("drag selected %q", got)
	}
	if h.w.Canvas().Focused() != h.u.pv {
		t.Fatalf("the keyboard is with %T, want the page view", h.w.Canvas().Focused())
	}
	h.pageRunes("p")
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Anchor.Exact != "randomised to two pathways" || anns[0].Tags[0] != appraise.TagPopulation {
		t.Fatalf("annotations after p: %+v", anns)
	}
	// The highlight shows at once on the page, one box per line it
	// covers (the sentence wraps).
	a := anns[0]
	if n, want := len(h.sheetRects(tagFill(tagColorOf(appraise.TagPopulation), false))), len(h.u.cur.v.doc.SpanRects(a.Anchor.Start, a.Anchor.End)); n != want || want != 2 {
		t.Errorf("%d population highlights on the page, want %d (2 lines)", n, want)
	}
	// Undo works from the page too.
	h.u.undo()
	h.settle()
	if n := len(h.lib.liveAnns(h.u.cur.paper.ID)); n != 0 {
		t.Errorf("%d annotations after undo", n)
	}
}

func TestRenderErrorShowsPlaceholderWithSentence(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.failPage(2, errors.New("the page's content stream is damaged"))
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	txt := h.sheetText()
	if !strings.Contains(txt, "Page 2 cannot be shown. Render page 2: the page's content stream is damaged.") {
		t.Errorf("page sheet text:\n%s", txt)
	}
	if h.u.pv.imgs[0] == nil || h.u.pv.imgs[0].img == nil {
		t.Error("page 1 was not shown beside the broken page 2")
	}
}

func TestMissingPDFSaysHowToFix(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	for p := 1; p <= 3; p++ {
		lib.failPage(p, fmt.Errorf("open /papers/paged.pdf: %w", fs.ErrNotExist))
	}
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	b := h.u.pv.banner
	if !b.Visible() || !strings.Contains(b.Text, "no longer at /papers/paged.pdf") || !strings.Contains(b.Text, "File → Open…") {
		t.Errorf("banner (shown %v): %q", b.Visible(), b.Text)
	}
	if n := len(lib.renderCalls()); n != 1 {
		t.Errorf("%d renders tried after the file was found missing, want 1", n)
	}
}

func TestNoRendererSaysSo(t *testing.T) {
	lib := newFakeLibrary()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefAuthor, "Dr Test")
	a.Preferences().SetBool(prefAuthorAsked, true)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	u := newAppUI(a, w, Config{Library: textOnly{lib}}, q.post)
	u.bg.setNotify(q.wake)
	w.Resize(fyne.NewSize(1280, 800))
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	t.Cleanup(func() { u.bg.close(); q.runPending() })
	h.openDoc("paged", pagedPaper())
	h.typeKeys("v")
	if !strings.Contains(u.pv.banner.Text, "not available") {
		t.Errorf("banner %q", u.pv.banner.Text)
	}
}

func TestFirstRenderShowsPreparing(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("paged", pagedPaper())
	gate := make(chan struct{})
	lib.pg.gate = gate
	released := false
	t.Cleanup(func() {
		if !released {
			close(gate)
		}
	})
	h.u.reader.TypedRune('v') // no settle: the render is waiting
	if !h.u.pv.prep.Visible() {
		t.Fatal("no progress shown while the first page renders")
	}
	close(gate)
	released = true
	h.settle()
	if h.u.pv.prep.Visible() {
		t.Error("progress still shown after the first page came back")
	}
}

func TestNoLinesSaysSoOnce(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("old", smallPaper()) // no Lines: an old extraction
	h.typeKeys("v")
	if got := h.u.status.msg.Text; got != noLinesText {
		t.Errorf("status %q, want the re-extraction sentence", got)
	}
	if len(h.u.pv.imgs) == 0 {
		t.Error("pages of an old extraction did not render")
	}
	h.u.status.message("")
	h.typeKeys("vv")
	if got := h.u.status.msg.Text; got == noLinesText {
		t.Errorf("said again: %q", got)
	}
}

func TestShowOnPageFromTheText(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	s := h.offsetOf("An early rule-out")
	h.u.reader.sel.selectSpan(s, s+10)
	h.typeKeys("g")
	if h.u.mode != viewPage {
		t.Fatalf("g: mode %d, want the page view", h.u.mode)
	}
	first, last := h.u.pv.visible()
	if first > 2 || last < 2 {
		t.Errorf("g shows pages %d–%d, want page 3 on screen", first+1, last+1)
	}
	if n := len(h.sheetRects(pageSelect)); n != 1 {
		t.Errorf("%d selection boxes on the page, want 1", n)
	}
}

func TestShowOnPageFromTheAnnotationPanel(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	s := h.offsetOf("An early rule-out")
	h.u.reader.sel.selectSpan(s, s+10)
	h.typeKeys("c")
	h.u.reader.sel.clear()
	h.u.annp.ed.onPage.OnTapped()
	h.settle()
	if h.u.mode != viewPage || h.u.pv.currentPage() != 2 {
		t.Errorf("Show on page: mode %d, page %d; want page 3 in the page view", h.u.mode, h.u.pv.currentPage()+1)
	}
}

func TestPageMarkerInTheTextLinksToThePage(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	b := h.u.cur.v.blockAt(h.offsetOf("Allocation"))
	row := h.row(b)
	ks, _, _, _, _ := row.geometry()
	th := row.Theme().Size("text")
	p := fyne.NewPos(h.u.reader.lay.textX-th*2, ks.padTop+ks.lineH/2)
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	ev.Position = p
	row.MouseDown(ev)
	row.MouseUp(ev)
	h.settle()
	if h.u.mode != viewPage || h.u.pv.currentPage() != 1 {
		t.Errorf("clicking p. 2: mode %d, page %d", h.u.mode, h.u.pv.currentPage()+1)
	}
}

func TestSideBySideTextFollowsThePages(t *testing.T) {
	b := newDocBuilder("Long", "A")
	for i := 0; i < 10; i++ {
		if i > 0 {
			b.newPage()
		}
		for j := 0; j < 6; j++ {
			b.add(appraise.KindParagraph, fmt.Sprintf("Paragraph %d on page %d says something long enough to wrap over a line or two of text.", j+1, i+1))
		}
	}
	h := newHarness(t, newFakeLibrary())
	h.openDoc("long", withLines(b.build()))
	h.typeKeys("vv")
	if h.u.mode != viewSide {
		t.Fatal("not side by side")
	}
	pv := h.u.pv
	// The user scrolls the pages down to page 6.
	for pv.currentPage() < 5 {
		pv.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)})
		h.settle()
	}
	top := h.u.reader.topBlock()
	if pg := h.u.cur.v.blocks[top].Page; pg != 6 && pg != 7 {
		t.Errorf("text at block %d on page %d, want the page the pages show (6)", top, pg)
	}
}

func TestExportAnnotatedPDFFollowsTheViewFilter(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("paged", pagedPaper())
	h.typeKeys("jc")
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	h.u.showExportPDF()
	fw := overlayObject[*widget.CheckGroup](h)
	if len(fw.Selected) != 3 {
		t.Fatalf("tags ticked %v", fw.Selected)
	}
	h.u.exportPDF(h.u.cur.paper.ID, appraise.ExportFilter{Author: "Dr Test"}, path)
	h.settle()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if got := h.u.status.msg.Text; !strings.Contains(got, "1 highlight") {
		t.Errorf("status %q, want the count", got)
	}
	if !strings.Contains(h.overlayText(), "with 1 highlight.") {
		t.Errorf("notice:\n%s", h.overlayText())
	}
	if calls := lib.pg.exports; len(calls) != 1 || calls[0].filter.Author != "Dr Test" || calls[0].dst != path {
		t.Errorf("export calls %+v", calls)
	}
}

func TestSideBySidePagesFollowTheText(t *testing.T) {
	b := newDocBuilder("Long", "A")
	for i := 0; i < 8; i++ {
		if i > 0 {
			b.newPage()
		}
		for j := 0; j < 6; j++ {
			b.add(appraise.KindParagraph, fmt.Sprintf("Paragraph %d on page %d says something long enough to wrap over a line or two of text.", j+1, i+1))
		}
	}
	h := newHarness(t, newFakeLibrary())
	h.openDoc("long", withLines(b.build()))
	h.typeKeys("vv")
	start := h.u.pv.currentPage()
	for h.u.cur.v.blocks[h.u.reader.topBlock()].Page < 5 {
		h.key(fyne.KeyPageDown)
	}
	p := h.u.cur.v.passages[h.u.reader.firstPassageOnScreen()]
	if got := h.u.pv.currentPage() + 1; start != 0 || got != p.Page {
		t.Errorf("text at page %d, pages show page %d (from %d)", p.Page, got, start+1)
	}
}

func TestFromPagesToSideBySideTheTextComesToThePage(t *testing.T) {
	b := newDocBuilder("Long", "A")
	for i := 0; i < 8; i++ {
		if i > 0 {
			b.newPage()
		}
		for j := 0; j < 6; j++ {
			b.add(appraise.KindParagraph, fmt.Sprintf("Paragraph %d on page %d says something long enough to wrap over a line or two of text.", j+1, i+1))
		}
	}
	h := newHarness(t, newFakeLibrary())
	h.openDoc("long", withLines(b.build()))
	h.typeKeys("v")
	for range 3 {
		h.pageKey(fyne.KeyPageDown)
	}
	h.pageRunes("v")
	if h.u.mode != viewSide {
		t.Fatalf("mode %d", h.u.mode)
	}
	if pg := h.u.pv.currentPage() + 1; pg != 4 {
		t.Errorf("pages at page %d after switching, want 4 as before", pg)
	}
	if pg := h.u.cur.v.blocks[h.u.reader.topBlock()].Page; pg != 4 {
		t.Errorf("text at page %d, want 4 as the pages", pg)
	}
}

func TestSideBySideMakesRoomInANarrowWindowAndGivesItBack(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("paged", pagedPaper())
	if !h.u.libraryVisible() {
		t.Fatal("the library list starts hidden")
	}
	h.typeKeys("vv") // side by side at 1280 wide
	if h.u.mode != viewSide || h.u.libraryVisible() {
		t.Fatalf("side by side at 1280 wide: mode %v, library shown %v; want it hidden to make room", h.u.mode, h.u.libraryVisible())
	}
	if !strings.Contains(h.u.status.msg.Text, "Ctrl+L") {
		t.Errorf("status %q does not say how to bring the library back", h.u.status.msg.Text)
	}
	if h.u.prefs.libraryHidden() {
		t.Error("making room was saved as the user's choice")
	}
	h.typeKeys("v") // back to text
	if !h.u.libraryVisible() {
		t.Error("leaving side by side did not bring the library back")
	}
	// Shown by hand while side by side, it stays.
	h.typeKeys("vv")
	h.u.setLibraryVisible(true)
	h.typeKeys("v")
	if !h.u.libraryVisible() {
		t.Error("the library the user showed went away")
	}
	// In a wide window nothing moves.
	h.w.Resize(fyne.NewSize(1600, 900))
	h.typeKeys("vv")
	if !h.u.libraryVisible() {
		t.Error("side by side hid the library in a 1600-wide window")
	}
}
