package ui

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestRaiseRequestsArePostedToTheUIGoroutine(t *testing.T) {
	raise := make(chan string)
	posted := make(chan func(), 2)
	var got []string
	done := make(chan struct{})
	go func() {
		forwardRaises(raise, func(f func()) { posted <- f }, func(p string) { got = append(got, p) })
		close(done)
	}()
	raise <- ""
	raise <- "/papers/second.pdf"
	close(raise)
	<-done
	close(posted)
	for f := range posted {
		f()
	}
	if len(got) != 2 || got[0] != "" || got[1] != "/papers/second.pdf" {
		t.Errorf("raised with %q, want [\"\" /papers/second.pdf]", got)
	}
}

func TestRaiseOpensThePaperTheSecondAppraiseNamed(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	lib.addFile("/papers/first.pdf", smallPaper())
	lib.addFile("/papers/second.pdf", genDoc("Second", 2))
	h.u.openPath("/papers/first.pdf", "")
	h.settle()
	h.u.raise("")
	h.settle()
	if h.u.cur == nil || h.u.cur.paper.Path != "/papers/first.pdf" {
		t.Fatal("raising the window without a file changed the paper on screen")
	}
	h.u.raise("/papers/second.pdf")
	h.settle()
	if h.u.cur == nil || h.u.cur.paper.Path != "/papers/second.pdf" {
		t.Fatal("the PDF named by the second Appraise did not open")
	}
}

func TestRaiseImportsABundleTheSecondAppraiseNamed(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.u.raise(filepath.Join(t.TempDir(), "club.jsonld")) // missing: the import says so
	h.settle()
	if !strings.Contains(h.overlayText(), "Cannot import club.jsonld") {
		t.Errorf("a bundle handed over was not imported:\n%s", h.overlayText())
	}
}
