package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

func TestOpeningAPaperShowsIt(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	if !h.u.empty.box.Visible() || h.u.reader.Visible() {
		t.Fatal("with no paper the empty view should show, not the reader")
	}
	h.openDoc("small", smallPaper())
	if got := h.w.Title(); got != "Appraise — Rapid rule-out of myocardial infarction" {
		t.Errorf("title = %q", got)
	}
	if got := h.u.status.paper.Text; got != "2 pages · extracted in 42 ms · Rapid rule-out of myocardial infarction" {
		t.Errorf("status = %q", got)
	}
	if h.u.empty.box.Visible() || !h.u.reader.Visible() {
		t.Error("the reader is not showing")
	}
	if len(h.u.libp.papers) != 1 {
		t.Errorf("library lists %d papers", len(h.u.libp.papers))
	}
	if got := h.u.prefs.recent(); len(got) != 1 || got[0] != "/papers/small.pdf" {
		t.Errorf("recent files = %v", got)
	}
	// The rows on screen draw the text.
	var texts []string
	for _, o := range test.WidgetRenderer(h.row(2)).Objects() {
		if s := textOf(o); s != "" {
			texts = append(texts, s)
		}
	}
	if !strings.Contains(strings.Join(texts, " "), "We enrolled 1,204 adults") {
		t.Errorf("row 2 draws %q", texts)
	}
}

func TestReopeningRestoresReadingPositionAndAnnotations(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/long.pdf", genDoc("Long paper", 400))
	lib.addFile("/papers/other.pdf", smallPaper())
	h.open("/papers/long.pdf")
	h.u.reader.centreOffset(h.u.cur.v.blocks[200].Start)
	h.typeKeys("jl") // j picks the first sentence on screen
	top := h.u.reader.topBlock()
	if top < 150 {
		t.Fatalf("setup: top block %d", top)
	}
	id := h.u.cur.paper.ID
	h.open("/papers/other.pdf")
	if got := lib.paper(id).ReadingPos; got != top {
		t.Fatalf("switching papers saved reading position %d, want %d", got, top)
	}
	// Reopen from the library list.
	for i, s := range h.u.libp.papers {
		if s.Paper.ID == id {
			h.u.libp.list.Select(i)
		}
	}
	h.settle()
	if h.u.cur.paper.ID != id {
		t.Fatal("clicking the paper in the library did not open it")
	}
	if got := h.u.reader.topBlock(); got != top {
		t.Errorf("reopened at block %d, want %d", got, top)
	}
	if len(h.u.cur.anns) != 1 || len(h.u.reader.marks) != 1 {
		t.Errorf("reopened with %d annotations, %d highlighted blocks", len(h.u.cur.anns), len(h.u.reader.marks))
	}
	if !strings.Contains(h.u.status.paper.Text, "from the library") {
		t.Errorf("status = %q", h.u.status.paper.Text)
	}
}

func TestExtractionErrorsBecomeADialogWithTheSentence(t *testing.T) {
	for _, kind := range []error{appraise.ErrNoTextLayer, appraise.ErrNotPDF, appraise.ErrDamaged,
		appraise.ErrUnsupportedEncryption, appraise.ErrExtractTimeout, appraise.ErrTooLarge} {
		t.Run(kind.Error(), func(t *testing.T) {
			lib := newFakeLibrary()
			h := newHarness(t, lib)
			lib.addBroken("/papers/scan.pdf", kind)
			h.u.openPath("/papers/scan.pdf", "")
			h.settle()
			text := h.overlayText()
			if !strings.Contains(text, "Cannot open scan.pdf") {
				t.Errorf("dialog title missing:\n%s", text)
			}
			if !strings.Contains(text, upperFirst(kind.Error())+".") {
				t.Errorf("dialog does not say %q:\n%s", kind, text)
			}
			if strings.Contains(text, "extract /papers") {
				t.Errorf("dialog shows the wrapped error, not the sentence:\n%s", text)
			}
			if h.u.cur != nil || h.u.opening.box.Visible() {
				t.Error("a paper or the progress view is showing after the error")
			}
		})
	}
}

func TestPasswordPromptRetries(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addEncrypted("/papers/locked.pdf", "s3cret", smallPaper())
	h.u.openPath("/papers/locked.pdf", "")
	h.settle()
	if !strings.Contains(h.overlayText(), "is encrypted. Enter its password") {
		t.Fatalf("no password prompt:\n%s", h.overlayText())
	}
	pw := overlayObject[*escEntry](h)
	if !pw.Password {
		t.Fatal("the password field does not hide what is typed")
	}
	test.Type(pw, "wrong")
	test.Tap(h.overlayButton("Open"))
	h.settle()
	if !strings.Contains(h.overlayText(), "That password does not open") {
		t.Fatalf("wrong password did not ask again:\n%s", h.overlayText())
	}
	if h.u.cur != nil {
		t.Fatal("opened with the wrong password")
	}
	pw = overlayObject[*escEntry](h)
	test.Type(pw, "s3cret")
	pw.OnSubmitted(pw.Text) // Enter
	h.settle()
	if h.u.cur == nil || h.u.cur.paper.Meta.Title != "Rapid rule-out of myocardial infarction" {
		t.Fatal("the right password did not open the paper")
	}
	if h.w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open")
	}
}

func TestPasswordPromptCancelKeepsThePaperOnScreen(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/open.pdf", smallPaper())
	lib.addEncrypted("/papers/locked.pdf", "s3cret", genDoc("Locked", 3))
	h.u.openPath("/papers/open.pdf", "")
	h.settle()
	if h.u.cur == nil {
		t.Fatal("the first paper did not open")
	}
	before := h.u.cur
	h.u.openPath("/papers/locked.pdf", "")
	h.settle()
	test.Type(overlayObject[*escEntry](h), "wrong")
	test.Tap(h.overlayButton("Open"))
	h.settle()
	if !strings.Contains(h.overlayText(), "That password does not open “locked.pdf”") {
		t.Fatalf("a wrong password did not say so:\n%s", h.overlayText())
	}
	test.Tap(h.overlayButton("Cancel"))
	h.settle()
	if h.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("a dialog is still open:\n%s", h.overlayText())
	}
	if h.u.cur != before || h.u.cur.paper.Path != "/papers/open.pdf" {
		t.Error("Cancel changed the paper on screen")
	}
	if h.u.status.msg.Text != "" {
		t.Errorf("status after Cancel = %q, want it cleared", h.u.status.msg.Text)
	}
	if h.u.opening.box.Visible() {
		t.Error("the progress view is showing after Cancel")
	}
}

func TestCancelStopsOpening(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/slow.pdf", smallPaper())
	lib.openGate = make(chan struct{})
	lib.opening = make(chan struct{}, 1)
	h.u.openPath("/papers/slow.pdf", "")
	<-lib.opening // the library is now extracting
	if !h.u.opening.box.Visible() || !strings.Contains(h.u.opening.label.Text, "Opening slow.pdf") {
		t.Fatal("no progress view while opening")
	}
	h.u.cancelOpen()
	h.settle() // the library sees the cancelled context and returns
	if h.u.opening.box.Visible() {
		t.Error("progress view still showing after Cancel")
	}
	if h.u.cur != nil {
		t.Error("a cancelled open still showed the paper")
	}
	if h.u.status.msg.Text != "Opening the PDF was cancelled." {
		t.Errorf("status = %q", h.u.status.msg.Text)
	}
	if h.w.Canvas().Overlays().Top() != nil {
		t.Errorf("cancelling showed a dialog:\n%s", h.overlayText())
	}
}

func TestNewerOpenWinsOverASlowerOne(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/slow.pdf", genDoc("Slow", 5))
	lib.addFile("/papers/fast.pdf", smallPaper())
	gate := make(chan struct{})
	lib.openGate = gate
	lib.opening = make(chan struct{}, 2)
	h.u.openPath("/papers/slow.pdf", "")
	<-lib.opening
	h.u.openPath("/papers/fast.pdf", "") // supersedes; cancels the first
	<-lib.opening
	close(gate)
	h.settle()
	if h.u.cur == nil || h.u.cur.paper.Path != "/papers/fast.pdf" {
		t.Fatalf("showing %+v, want the paper chosen last", h.u.cur)
	}
}

func TestDroppingAPDFOpensIt(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/dropped.pdf", smallPaper())
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI("/papers/notes.txt"), storage.NewFileURI("/papers/dropped.pdf")})
	h.settle()
	if h.u.cur == nil || h.u.cur.paper.Path != "/papers/dropped.pdf" {
		t.Fatal("dropping a PDF did not open it")
	}
}

func TestLibrarySearchOpensThePaperAtTheAnnotation(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/long.pdf", genDoc("Long paper", 200))
	h.open("/papers/long.pdf")
	p := h.u.cur.v.passages[len(h.u.cur.v.passages)-20]
	a, _ := lib.Annotate(appraise.NewAnnotation{Paper: h.u.cur.paper.ID, Start: p.Start, End: p.End, Tags: []string{"claim"}, Note: "check the denominator"})
	h.openDoc("small", smallPaper())
	test.Type(h.u.libp.search, "denominator")
	h.settle()
	if len(h.u.libp.hits) != 1 {
		t.Fatalf("search found %d hits", len(h.u.libp.hits))
	}
	h.u.libp.list.Select(0)
	h.settle()
	if h.u.cur.paper.Path != "/papers/long.pdf" {
		t.Fatalf("search hit opened %s", h.u.cur.paper.Path)
	}
	if h.selected() != a.Anchor.Exact || h.u.annp.ed.id != a.ID {
		t.Errorf("search hit did not jump to the annotation: selected %q", h.selected())
	}
}

func TestDemoPaperIsOfferedOnAnEmptyLibrary(t *testing.T) {
	lib := newFakeLibrary()
	lib.addFile("/cache/demo.pdf", smallPaper())
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefAuthorAsked, true)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	u := newAppUI(a, w, Config{Library: lib, Demo: func() (string, error) { return "/cache/demo.pdf", nil }}, q.post)
	u.bg.setNotify(q.wake)
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	t.Cleanup(u.bg.close)
	h.settle()
	if !u.empty.demo.Visible() || u.empty.demo.Importance != widget.HighImportance {
		t.Fatal("the demo paper is not offered prominently on an empty library")
	}
	test.Tap(u.empty.demo)
	h.settle()
	if u.cur == nil || u.cur.paper.Path != "/cache/demo.pdf" {
		t.Fatal("the demo button did not open the demo paper")
	}
}

func TestAuthorIsAskedOnce(t *testing.T) {
	lib := newFakeLibrary()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	u := newAppUI(a, w, Config{Library: lib}, q.post)
	u.bg.setNotify(q.wake)
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	t.Cleanup(u.bg.close)
	u.start()
	h.settle()
	if !strings.Contains(h.overlayText(), "Appraise stores your name on each annotation") {
		t.Fatalf("no author question on first run:\n%s", h.overlayText())
	}
	e := overlayObject[*escEntry](h)
	test.Type(e, "Dr Ada")
	test.Tap(h.overlayButton("Save"))
	if u.prefs.author() != "Dr Ada" || !u.prefs.authorAsked() {
		t.Fatalf("author %q asked %v", u.prefs.author(), u.prefs.authorAsked())
	}
	u.start()
	if h.w.Canvas().Overlays().Top() != nil {
		t.Error("asked for the author again")
	}
}
