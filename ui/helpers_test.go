package ui

import (
	"image/color"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	// Gives the test process a real locale before Fyne reads it.
	"appraise.app/appraise/internal/appraise"
	_ "appraise.app/appraise/internal/locale"
)

// harness is the GUI on Fyne's headless test driver with a fake library.
// Background tasks post their UI updates to a queue that the test
// goroutine runs in settle, as the app's event loop would: widgets are
// only ever touched by one goroutine.
type harness struct {
	t   testing.TB
	u   *appUI
	w   fyne.Window
	lib *fakeLibrary
	q   *uiQueue
	// timers are the autosave timers started, fired by fireTimers.
	timers []*fakeTimer
}

// fakeTimer is a timer the test fires by hand.
type fakeTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

// fireTimers fires every timer that is running, as if its time had come
// (whatever it was), and settles. It returns the longest delay fired.
func (h *harness) fireTimers() time.Duration {
	d := h.fireTimersNoSettle()
	h.settle()
	return d
}

// fireTimersNoSettle fires the running timers and runs what they post,
// without waiting for the writes that starts.
func (h *harness) fireTimersNoSettle() time.Duration {
	var longest time.Duration
	ts := h.timers
	h.timers = nil
	for _, t := range ts {
		if !t.stopped {
			t.stopped = true
			longest = max(longest, t.d)
			t.f()
		}
	}
	h.q.runPending()
	return longest
}

// runningTimers counts the timers that have not fired or been stopped.
func (h *harness) runningTimers() int {
	n := 0
	for _, t := range h.timers {
		if !t.stopped {
			n++
		}
	}
	return n
}

// uiQueue stands in for the event loop's queue of fyne.Do functions.
type uiQueue struct {
	mu   sync.Mutex
	fs   []func()
	kick chan struct{}
}

func newUIQueue() *uiQueue { return &uiQueue{kick: make(chan struct{}, 1)} }

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
	q.wake()
}

func (q *uiQueue) wake() {
	select {
	case q.kick <- struct{}{}:
	default:
	}
}

// runPending runs the queued functions; it reports whether there were any.
func (q *uiQueue) runPending() bool {
	q.mu.Lock()
	fs := q.fs
	q.fs = nil
	q.mu.Unlock()
	for _, f := range fs {
		f()
	}
	return len(fs) > 0
}

// newHarness builds the main window at 1280×800. The author name is
// already set, so no first-run question gets in the way.
func newHarness(t testing.TB, lib *fakeLibrary) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefAuthor, "Dr Test")
	a.Preferences().SetBool(prefAuthorAsked, true)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	u := newAppUI(a, w, Config{Library: lib}, q.post)
	u.bg.setNotify(q.wake)
	w.Resize(fyne.NewSize(1280, 800))
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	u.afterFunc = func(d time.Duration, f func()) func() bool {
		ft := &fakeTimer{d: d, f: f}
		h.timers = append(h.timers, ft)
		return func() bool {
			was := !ft.stopped
			ft.stopped = true
			return was
		}
	}
	t.Cleanup(func() {
		u.bg.close()
		q.runPending()
	})
	h.settle()
	return h
}

// settle runs UI updates as background work posts them, until no work is
// left: the test's stand-in for waiting on the event loop.
func (h *harness) settle() {
	for {
		if h.q.runPending() {
			continue
		}
		if !h.u.bg.busy() {
			if !h.q.runPending() {
				return
			}
			continue
		}
		<-h.q.kick
	}
}

// open opens path through the GUI and waits for it.
func (h *harness) open(path string) {
	h.t.Helper()
	h.u.openPath(path, "")
	h.settle()
	if h.u.cur == nil {
		h.t.Fatalf("opening %s: no paper on screen", path)
	}
}

// openDoc adds doc as /papers/<name>.pdf and opens it.
func (h *harness) openDoc(name string, doc appraise.Document) {
	h.t.Helper()
	path := "/papers/" + name + ".pdf"
	h.lib.addFile(path, doc)
	h.open(path)
}

// typeKeys types runes into the reader.
func (h *harness) typeKeys(s string) {
	for _, r := range s {
		h.u.reader.TypedRune(r)
		h.settle()
	}
}

func (h *harness) key(name fyne.KeyName) {
	h.u.reader.TypedKey(&fyne.KeyEvent{Name: name})
	h.settle()
}

// row returns the reader row bound to block b, scrolling it into view.
func (h *harness) row(b int) *blockRow {
	h.t.Helper()
	r := h.u.reader
	r.revealOffset(r.v.blocks[b].Start)
	for row := range r.rows {
		if row.block == b && row.Visible() {
			return row
		}
	}
	h.t.Fatalf("block %d has no row on screen", b)
	return nil
}

// click presses and releases the primary button on document offset off.
func (h *harness) click(off int, mod fyne.KeyModifier) {
	h.t.Helper()
	row := h.row(h.u.cur.v.blockAt(off))
	p, ok := row.pointOf(off)
	if !ok {
		h.t.Fatalf("offset %d is not drawn", off)
	}
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mod}
	ev.Position = p
	ev.AbsolutePosition = fyne.CurrentApp().Driver().AbsolutePositionForObject(row).Add(p)
	row.MouseDown(ev)
	row.MouseUp(ev)
	h.settle()
}

// drag presses on offset from and drags to offset to, in another row if
// need be, the way Fyne delivers it: every event to the row pressed.
func (h *harness) drag(from, to int) {
	h.t.Helper()
	v := h.u.cur.v
	r0 := h.row(v.blockAt(from))
	p0, _ := r0.pointOf(from)
	abs0 := fyne.CurrentApp().Driver().AbsolutePositionForObject(r0)
	down := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	down.Position, down.AbsolutePosition = p0, abs0.Add(p0)
	r0.MouseDown(down)
	r1 := h.row(v.blockAt(to))
	p1, _ := r1.pointOf(to)
	abs1 := fyne.CurrentApp().Driver().AbsolutePositionForObject(r1).Add(p1)
	ev := &fyne.DragEvent{}
	ev.AbsolutePosition = abs1
	ev.Position = abs1.Subtract(abs0)
	r0.Dragged(ev)
	up := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	up.Position, up.AbsolutePosition = ev.Position, abs1
	r0.MouseUp(up)
	r0.DragEnd()
	h.settle()
}

// passage returns passage i of the open paper.
func (h *harness) passage(i int) appraise.Passage { return h.u.cur.v.passages[i] }

// selected returns the selected text.
func (h *harness) selected() string {
	s, e := h.u.reader.sel.span()
	return h.u.cur.v.text(s, e)
}

// overlayText returns all the text shown in the top overlay (a dialog).
func (h *harness) overlayText() string {
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
		case *canvas.Text:
			parts = append(parts, x.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// overlayButton finds a button in the top overlay by its label.
func (h *harness) overlayButton(label string) *widget.Button {
	h.t.Helper()
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog is open (looking for %q)", label)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	h.t.Fatalf("no %q button in the dialog:\n%s", label, h.overlayText())
	return nil
}

// overlayObject finds the first object of type T in the top overlay.
func overlayObject[T fyne.CanvasObject](h *harness) T {
	h.t.Helper()
	var zero T
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog is open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if x, ok := o.(T); ok {
			return x
		}
	}
	h.t.Fatalf("no %T in the dialog:\n%s", zero, h.overlayText())
	return zero
}

// rowColors returns the colours of the rectangles drawn in block b's row.
func (h *harness) rowColors(b int) []color.NRGBA {
	row := h.row(b)
	var out []color.NRGBA
	for _, o := range test.WidgetRenderer(row).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok {
			c := color.NRGBAModel.Convert(r.FillColor).(color.NRGBA)
			out = append(out, c)
		}
	}
	return out
}

// countColor counts the colours in cs with the RGB of hex (any alpha).
func countColor(cs []color.NRGBA, hex string) int {
	want := parseHex(hex)
	n := 0
	for _, c := range cs {
		if c.R == want.R && c.G == want.G && c.B == want.B {
			n++
		}
	}
	return n
}

// tagColorOf returns a built-in tag's colour.
func tagColorOf(name string) string {
	for _, t := range appraise.BuiltInTags() {
		if t.Name == name {
			return t.Color
		}
	}
	return ""
}

// textOf returns the text a canvas object draws, if it is text.
func textOf(o fyne.CanvasObject) string {
	if t, ok := o.(*canvas.Text); ok {
		return t.Text
	}
	return ""
}
