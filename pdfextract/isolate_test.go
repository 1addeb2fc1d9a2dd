package pdfextract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// fastLimits keep the guard tests quick: 1 s wall clock, 128 MiB.
var fastLimits = appraise.ExtractOptions{Timeout: time.Second, MemoryLimit: 128 << 20}

// assertKind checks err is an *ExtractError of kind, named after name, whose
// message is one line with no stack trace in it.
func assertKind(tb testing.TB, err error, name string, kind error) {
	tb.Helper()
	if !errors.Is(err, kind) {
		tb.Fatalf("got error %v, want %v", err, kind)
	}
	var xe *ExtractError
	if !errors.As(err, &xe) {
		tb.Fatalf("error %v is not an *ExtractError", err)
	}
	msg := err.Error()
	if want := "open " + name + ": " + kind.Error(); msg != want {
		tb.Errorf("message %q, want %q", msg, want)
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, "\n") {
		tb.Errorf("message %q carries a trace", msg)
	}
}

func TestIsolatedGuards(t *testing.T) {
	tests := []struct {
		name  string
		mode  string
		kind  error
		linux bool // the guard relies on RLIMIT_AS: Linux, not in race builds
	}{
		{"blocked extraction is stopped at the wall-clock limit", "block", appraise.ErrExtractTimeout, false},
		{"spinning extraction is stopped at the wall-clock limit", "spin", appraise.ErrExtractTimeout, false},
		{"memory-eating extraction is stopped at the memory cap", "eat", appraise.ErrTooLarge, false},
		{"one allocation over the cap fails as too large", "bigalloc", appraise.ErrTooLarge, true},
		{"panic in the extractor reads as damaged", "panic", appraise.ErrDamaged, false},
		{"panic on another goroutine reads as damaged", "gopanic", appraise.ErrDamaged, false},
		{"runaway recursion reads as damaged", "recurse", appraise.ErrDamaged, false},
		{"child killed by SIGKILL reads as too large", "sigkill", appraise.ErrTooLarge, false},
		{"error of no known kind reads as damaged", "plain", appraise.ErrDamaged, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.linux {
				requireLinux(t)
				if raceBuild {
					t.Skip("RLIMIT_AS is off in race builds (see child_race.go)")
				}
			}
			t.Parallel()
			opt := fastLimits
			if tt.kind != appraise.ErrExtractTimeout {
				opt.Timeout = 20 * time.Second // only the hangs should meet the clock
			}
			x := newTestIsolated(t, tt.mode)
			start := time.Now()
			_, st, err := x.ExtractData(context.Background(), "hostile.pdf", []byte("%PDF-1.7\n"), opt)
			assertKind(t, err, "hostile.pdf", tt.kind)
			if took := time.Since(start); took > opt.Timeout+3*time.Second {
				t.Errorf("took %v to fail, limit %v", took, opt.Timeout)
			}
			t.Logf("%s: %v after %v, child peak RSS %d MiB, exit %d", tt.mode, err, st.Wall.Round(time.Millisecond), st.PeakRSS>>20, st.ExitCode)
		})
	}
}

func TestIsolatedTypedErrorsCrossTheBoundary(t *testing.T) {
	for i, k := range appraise.ExtractionErrors() {
		t.Run(k.Error(), func(t *testing.T) {
			t.Parallel()
			_, _, err := newTestIsolated(t, "typed:"+strconv.Itoa(i)).ExtractData(context.Background(), "paper.pdf", []byte("x"), fastLimits)
			assertKind(t, err, "paper.pdf", k)
		})
	}
}

func TestIsolatedReturnsTheDocument(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj <</Type/Page/Parent 3 0 R>> endobj\n3 0 obj << /Type /Pages >> endobj\n\x00 é")
	path := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	doc, st, err := newTestIsolated(t, "echo").ExtractFile(context.Background(), path, appraise.ExtractOptions{Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(pdf) {
		t.Errorf("the child saw %q, want the file's bytes", doc.Text)
	}
	if doc.Meta.Title != "s3cret" {
		t.Errorf("the child got password %q", doc.Meta.Title)
	}
	if st.Pages != 2 {
		t.Errorf("counted %d pages, want 2", st.Pages)
	}
	if st.PeakRSS <= 0 {
		t.Errorf("peak RSS %d not measured", st.PeakRSS)
	}
}

func TestIsolatedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	x := newTestIsolated(t, "block")
	x.onStart = func(int) { cancel() }
	_, _, err := x.ExtractData(ctx, "paper.pdf", []byte("x"), appraise.ExtractOptions{})
	assertKind(t, err, "paper.pdf", appraise.ErrExtractionCancelled)

	// Already cancelled: no child at all.
	x = newTestIsolated(t, "echo")
	x.onStart = func(int) { t.Error("a child started for a cancelled context") }
	_, _, err = x.ExtractData(ctx, "paper.pdf", []byte("x"), appraise.ExtractOptions{})
	assertKind(t, err, "paper.pdf", appraise.ErrExtractionCancelled)
}

func TestIsolatedDeadlineGrowsWithPages(t *testing.T) {
	pages := strings.Repeat("<< /Type /Page >>\n", 5)
	tests := []struct {
		name string
		pdf  string
		kind error // nil: succeeds
	}{
		{"five pages buy the extra time", pages, nil},
		{"no pages get only the base limit", "no pages here", appraise.ErrExtractTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			x := newTestIsolated(t, "sleep:900ms")
			x.base, x.perPage = 400*time.Millisecond, 300*time.Millisecond // 0.4 s, or 1.9 s with 5 pages
			_, st, err := x.ExtractData(context.Background(), "paper.pdf", []byte(tt.pdf), appraise.ExtractOptions{})
			if tt.kind == nil && err != nil {
				t.Fatalf("got %v with limit %v, want success", err, st.Limit)
			}
			if tt.kind != nil {
				assertKind(t, err, "paper.pdf", tt.kind)
			}
		})
	}
}

func TestIsolatedBoundsTheAnswer(t *testing.T) {
	x := newTestIsolated(t, "repeat:4")
	x.maxOutput = 1 << 20
	_, _, err := x.ExtractData(context.Background(), "paper.pdf", []byte("x"), fastLimits)
	assertKind(t, err, "paper.pdf", appraise.ErrTooLarge)
}

func TestIsolatedRefusesInputOverTheCap(t *testing.T) {
	x := newTestIsolated(t, "echo")
	x.onStart = func(int) { t.Error("a child started for an input over the cap") }
	_, _, err := x.ExtractData(context.Background(), "big.pdf", make([]byte, 2<<20), appraise.ExtractOptions{MemoryLimit: 2 << 20})
	assertKind(t, err, "big.pdf", appraise.ErrTooLarge)
}

func TestIsolatedProtocolFailuresAreNotBlamedOnThePDF(t *testing.T) {
	tests := []struct {
		name string
		x    *Isolated
	}{
		{"garbage answer", newTestIsolated(t, "noise")},
		{"a program that is not an extraction child", &Isolated{exe: "/bin/true"}},
		{"a program that is not an extraction child and runs on", &Isolated{exe: "/usr/bin/yes", base: 200 * time.Millisecond, maxOutput: 1 << 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.x.ExtractData(context.Background(), "paper.pdf", []byte("x"), fastLimits)
			if err == nil {
				t.Fatal("no error")
			}
			for _, k := range appraise.ExtractionErrors() {
				if errors.Is(err, k) {
					t.Fatalf("got typed %v; a broken child is Appraise's fault, not the file's", err)
				}
			}
		})
	}
}

func TestIsolatedMissingFileOrFolder(t *testing.T) {
	_, err := NewIsolated().Extract(context.Background(), filepath.Join(t.TempDir(), "nope.pdf"), appraise.ExtractOptions{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want not-exist", err)
	}
	x := newTestIsolated(t, "echo")
	x.onStart = func(int) { t.Error("a child started for a folder") }
	_, err = x.Extract(context.Background(), t.TempDir(), appraise.ExtractOptions{})
	if err == nil || !strings.Contains(err.Error(), "folder") {
		t.Fatalf("got %v, want a folder error", err)
	}
}
