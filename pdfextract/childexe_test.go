package pdfextract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestChildForPrefersAnExecutableSibling(t *testing.T) {
	t.Cleanup(func() { staleSibling.Store(false) })
	dir := t.TempDir()
	app := filepath.Join(dir, "appraise")
	sib := filepath.Join(dir, ChildName())
	if got := ChildFor(app); got != app {
		t.Fatalf("no sibling: ChildFor = %s, want the app", got)
	}
	if err := os.Mkdir(sib, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := ChildFor(app); got != app {
		t.Fatalf("sibling is a folder: ChildFor = %s, want the app", got)
	}
	os.Remove(sib)
	if err := os.WriteFile(sib, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ChildFor(app); got != app {
		t.Fatalf("sibling not executable: ChildFor = %s, want the app", got)
	}
	if err := os.Chmod(sib, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := ChildFor(app); got != sib {
		t.Fatalf("executable sibling: ChildFor = %s, want %s", got, sib)
	}
	if got := ChildFor(sib); got != sib {
		t.Fatalf("the sibling itself: ChildFor = %s", got)
	}
	staleSibling.Store(true)
	if got := ChildFor(app); got != app {
		t.Fatalf("after a stale answer: ChildFor = %s, want the app", got)
	}
}

// appBeside lays out a folder like bin/: "appraise" (this test binary)
// and appraise-extract as sibling makes it.
func appBeside(t *testing.T, sibling func(path string)) (app, sib string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	app = filepath.Join(dir, "appraise")
	if err := os.Symlink(self, app); err != nil {
		t.Fatal(err)
	}
	sib = filepath.Join(dir, ChildName())
	sibling(sib)
	return app, sib
}

func TestIsolatedExtractsThroughTheSibling(t *testing.T) {
	t.Cleanup(func() { staleSibling.Store(false) })
	app, sib := appBeside(t, func(sib string) {
		self, _ := os.Executable()
		if err := os.Symlink(self, sib); err != nil {
			t.Fatal(err)
		}
	})
	x := &Isolated{env: []string{testExtractEnv + "=echo"}, self: func() (string, error) { return app, nil }}
	doc, st, err := x.ExtractData(context.Background(), "a.pdf", []byte("%PDF-1.4 sibling"), appraise.ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Child != sib || doc.Text != "%PDF-1.4 sibling" {
		t.Fatalf("child %s gave %q; want the sibling %s to echo the bytes", st.Child, doc.Text, sib)
	}
}

func TestIsolatedFallsBackFromAStaleSibling(t *testing.T) {
	t.Cleanup(func() { staleSibling.Store(false) })
	// An appraise-extract from an older build: it announces another
	// version and answers nothing usable.
	app, _ := appBeside(t, func(sib string) {
		script := "#!/bin/sh\necho 'appraise-extract: ready 0.0.1' >&2\ncat >/dev/null\nexit 0\n"
		if err := os.WriteFile(sib, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	})
	x := &Isolated{env: []string{testExtractEnv + "=echo"}, self: func() (string, error) { return app, nil }}
	doc, st, err := x.ExtractData(context.Background(), "a.pdf", []byte("%PDF-1.4 stale"), appraise.ExtractOptions{})
	if err != nil {
		t.Fatalf("a stale sibling cost the extraction: %v", err)
	}
	if st.Child != app || doc.Text != "%PDF-1.4 stale" {
		t.Fatalf("child %s gave %q; want the app itself to read the whole file again", st.Child, doc.Text)
	}
	if got := ChildFor(app); got != app {
		t.Fatalf("after the stale answer ChildFor = %s, want the app", got)
	}
}
