//go:build e2e

package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/testpdf"
)

// TestEndToEndSecondAppHandsOver starts the app, then a second one on the
// same library with another PDF: the second says so and exits 0, the
// first opens that PDF (its window title changes) and keeps running.
func TestEndToEndSecondAppHandsOver(t *testing.T) {
	bin := e2eBin(t)
	root := moduleRoot(t)
	x := startX(t, 1280, 800)
	sb := newSandbox(t, map[string]any{"author": "E2E Tester", "author_asked": true})
	first := sb.startApp(t, x, bin, root)
	x.window(t, first, "^Appraise")

	pdf, _ := testpdf.OneColumn()
	other := writePDF(t, "anaemia.pdf", pdf)
	second := exec.Command(bin, "--db", sb.db, other)
	second.Dir = root
	second.Env = append(sb.env, "DISPLAY="+x.display)
	var out bytes.Buffer
	second.Stdout, second.Stderr = &out, &out
	if err := second.Run(); err != nil {
		t.Fatalf("the second app: %v\n%s", err, out.String())
	}
	if got := out.String(); got != alreadyOpen+"\n" {
		t.Errorf("the second app said %q, want %q", got, alreadyOpen)
	}
	// The first app opens the paper the second was given.
	x.window(t, first, "^Appraise .*Screening for anaemia")
	select {
	case err := <-first.done:
		first.done <- err
		t.Fatalf("the first app exited (%v):\n%s", err, first.stderr.String())
	case <-time.After(0):
	}
	if strings.Contains(first.stderr.String(), "panic") {
		t.Errorf("the first app panicked:\n%s", first.stderr.String())
	}
}
