package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// startWithLaterNotice starts the window with a LaterNotice that returns
// what is sent on the returned channel.
func startWithLaterNotice(t *testing.T) (*harness, chan<- string) {
	t.Helper()
	lib := newFakeLibrary()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefAuthorAsked, true)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	notice := make(chan string, 1) // buffered: a test without a listener fails rather than hangs
	u := newAppUI(a, w, Config{Library: lib, LaterNotice: func() string { return <-notice }}, q.post)
	u.bg.setNotify(q.wake)
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	t.Cleanup(u.bg.close)
	u.start()
	if h.q.runPending(); h.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("a dialog before the notice arrived:\n%s", h.overlayText())
	}
	return h, notice
}

func TestALaterNoticeIsShownWhenItArrives(t *testing.T) {
	h, notice := startWithLaterNotice(t)
	notice <- "Appraise could not back up your library: disk full."
	h.settle()
	if !strings.Contains(h.overlayText(), "Appraise could not back up your library: disk full.") {
		t.Fatalf("the notice is not shown:\n%s", h.overlayText())
	}
}

func TestAnEmptyLaterNoticeShowsNothing(t *testing.T) {
	h, notice := startWithLaterNotice(t)
	notice <- ""
	h.settle()
	if h.w.Canvas().Overlays().Top() != nil {
		t.Fatalf("a dialog for nothing:\n%s", h.overlayText())
	}
}
