package pdfrender

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// assertRenderError checks err is a *RenderError of kind whose message is
// one line naming the file, with no trace.
func assertRenderError(tb testing.TB, err error, kind error) {
	tb.Helper()
	if !errors.Is(err, kind) {
		tb.Fatalf("got error %v, want %v", err, kind)
	}
	var re *RenderError
	if !errors.As(err, &re) {
		tb.Fatalf("error %v is not a *RenderError", err)
	}
	if msg := err.Error(); strings.Contains(msg, "goroutine") || strings.Contains(msg, "\n") || !strings.HasSuffix(msg, kind.Error()) {
		tb.Errorf("message %q: want one line ending in the sentence", msg)
	}
}

func TestRenderDemoPageInksWhereTheWordsAre(t *testing.T) {
	x := newTestIsolated(t, "")
	words := popplerWords(t, demoPDF(t), 1)
	for _, scale := range []float64{1.5, 2} {
		img, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: scale})
		if err != nil {
			t.Fatal(err)
		}
		// A4, as pdfinfo and the extractor report it.
		if w, h := img.Rect.Dx(), img.Rect.Dy(); w != int(math.Round(595.28*scale)) || h != int(math.Round(841.89*scale)) {
			t.Errorf("scale %g: image %d×%d, want the page's 595.28×841.89 pt × scale", scale, w, h)
		}
		inked := 0
		for _, w := range words {
			if share(img, w.Box, scale, dark) > 0.03 {
				inked++
			}
		}
		if inked < len(words)*95/100 {
			t.Errorf("scale %g: ink under %d of %d words, want ≥ 95%%", scale, inked, len(words))
		}
		// The left margin holds no text: white, not transparent black.
		if s := share(img, appraise.Rect{X0: 0, Y0: 0, X1: 40, Y1: 841}, scale, func(r, g, b uint8) bool { return r == 255 && g == 255 && b == 255 }); s < 0.999 {
			t.Errorf("scale %g: only %.3f of the left margin is white", scale, s)
		}
		if img.Pix[3] != 255 {
			t.Errorf("alpha %d, want opaque", img.Pix[3])
		}
	}
}

func TestRenderTurnedAndCroppedPageIsTheCropBoxAfterRotate(t *testing.T) {
	x := newTestIsolated(t, "")
	for _, rot := range []int{0, 90, 180, 270} {
		path := writeTemp(t, "turned.pdf", turnedPage(rot))
		img, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: path, Page: 1, Scale: 1})
		if err != nil {
			t.Fatal(err)
		}
		w, h := 520, 680 // the crop box
		if rot%180 != 0 {
			w, h = h, w
		}
		if img.Rect.Dx() != w || img.Rect.Dy() != h {
			t.Errorf("rotate %d: image %v, want %d×%d", rot, img.Rect, w, h)
		}
		for _, wd := range popplerWords(t, path, 1) {
			if s := share(img, wd.Box, 1, dark); s < 0.03 {
				t.Errorf("rotate %d: no ink under %q at %v", rot, wd.Text, wd.Box)
			}
		}
	}
}

func TestRenderBadInputGivesATypedError(t *testing.T) {
	x := newTestIsolated(t, "")
	demo, err := os.ReadFile(demoPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte // nil: no file
		page int
		kind error
	}{
		{"garbage is damaged", []byte("%PDF-1.7\n\x00\xff garbage 1 0 obj << /Type /Catalog"), 1, appraise.ErrDamaged},
		{"not a PDF at all", []byte(strings.Repeat("hello ", 500)), 1, appraise.ErrDamaged},
		{"empty file", []byte{}, 1, appraise.ErrEmptyFile},
		{"missing file", nil, 1, appraise.ErrNoSuchFile},
		{"page past the end", demo, 9, appraise.ErrNotFound},
		{"page zero", demo, 0, appraise.ErrNotFound},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "in"+string(rune('a'+i))+".pdf")
			if tt.data != nil {
				if err := os.WriteFile(path, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: path, Page: tt.page, Scale: 1})
			assertRenderError(t, err, tt.kind)
		})
	}
	// The worker is still there and well.
	pid := x.last.pid
	if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: demoPDF(t), Page: 2, Scale: 1}); err != nil {
		t.Fatalf("after bad input: %v", err)
	}
	if x.last.pid != pid {
		t.Errorf("worker restarted after typed errors (pid %d → %d)", pid, x.last.pid)
	}
}

func TestRenderGuards(t *testing.T) {
	tests := []struct {
		name string
		mode string
		kind error
	}{
		{"a render past the time limit is killed", "hang", appraise.ErrRenderTimeout},
		{"a renderer panic is a page not drawn", "panic", appraise.ErrPageNotDrawn},
		{"a worker past its memory cap is stopped", "eat", appraise.ErrRenderTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newTestIsolated(t, tt.mode)
			x.timeout = 2 * time.Second
			x.memoryLimit = 256 << 20
			if tt.kind != appraise.ErrRenderTimeout {
				x.timeout = 30 * time.Second // only the hang should meet the clock
			}
			req := appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 1}
			start := time.Now()
			_, err := x.RenderPage(context.Background(), req)
			assertRenderError(t, err, tt.kind)
			if took := time.Since(start); took > x.timeout+5*time.Second {
				t.Errorf("took %v to fail, limit %v", took, x.timeout)
			}
			// The next request starts a fresh worker, which renders.
			pid := x.last.pid
			x.env = nil
			if _, err := x.RenderPage(context.Background(), req); err != nil {
				t.Fatalf("next render: %v", err)
			}
			if x.last.pid == pid {
				t.Errorf("the failed worker (pid %d) was reused", pid)
			}
		})
	}
}

func TestRenderOverTheModuleMemoryFailsCleanly(t *testing.T) {
	x := newTestIsolated(t, "")
	x.memPages = 1024 // 64 MiB: a 3572×5051 bitmap (72 MB) cannot fit
	req := appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 6}
	_, err := x.RenderPage(context.Background(), req)
	var re *RenderError
	if errors.As(err, &re) {
		t.Logf("%v (%s)", err, re.Detail)
	}
	assertRenderError(t, err, appraise.ErrRenderTooLarge)
	pid := x.last.pid
	req.Scale = 1
	if _, err := x.RenderPage(context.Background(), req); err != nil {
		t.Fatalf("a normal page after the oversized one: %v", err)
	}
	if x.last.pid != pid {
		t.Errorf("the worker died on the oversized page (pid %d → %d); want PDFium to fail inside its limit", pid, x.last.pid)
	}
}

func TestRenderRereadsAFileThatChanged(t *testing.T) {
	x := newTestIsolated(t, "")
	path := writeTemp(t, "paper.pdf", turnedPage(0))
	img, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: path, Page: 1, Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	if img.Rect.Dx() != 520 {
		t.Fatalf("width %d, want 520", img.Rect.Dx())
	}
	// Replaced in place by a turned page (another size).
	if err := os.WriteFile(path, turnedPage(90), 0o644); err != nil {
		t.Fatal(err)
	}
	img, err = x.RenderPage(context.Background(), appraise.RenderRequest{Path: path, Page: 1, Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	if img.Rect.Dx() != 680 {
		t.Errorf("width %d after the file changed, want 680 (the new file)", img.Rect.Dx())
	}
}

// coldStart lets a worker that compiles the module without a cache do so
// under the race detector, which multiplies the worker's memory (the
// worker is the race-enabled test binary); the limit stays the default
// otherwise.
func coldStart(x *Isolated) *Isolated {
	if raceEnabled {
		x.memoryLimit = 4 << 30
	}
	return x
}

func TestRenderCacheFolder(t *testing.T) {
	t.Run("made with mode 0700", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "cache", "appraise", "wazero")
		x := coldStart(NewIsolated(dir))
		t.Cleanup(func() { _ = x.Close() })
		if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 0.5}); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o700 {
			t.Errorf("cache folder mode %v, want 0700", st.Mode().Perm())
		}
	})
	t.Run("an unusable folder does not stop rendering", func(t *testing.T) {
		file := writeTemp(t, "not-a-folder", []byte("x"))
		x := coldStart(NewIsolated(filepath.Join(file, "wazero")))
		t.Cleanup(func() { _ = x.Close() })
		if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 0.5}); err != nil {
			t.Fatalf("with an unusable cache folder: %v", err)
		}
	})
}

func TestRenderCancelReturnsAtOnce(t *testing.T) {
	x := newTestIsolated(t, "hang")
	x.timeout = 3 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := x.RenderPage(ctx, appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 1})
		done <- err
	}()
	// Cancel once the worker has the request: the worker stays busy until
	// its limit, the caller does not wait for it.
	time.AfterFunc(200*time.Millisecond, cancel)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	case <-time.After(x.timeout):
		t.Fatal("RenderPage did not return when its context was cancelled")
	}
}

func TestAnIdleWorkerIsStoppedAndComesBack(t *testing.T) {
	x := newTestIsolated(t, "")
	req := appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 0.5}
	if _, err := x.RenderPage(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	old := x.w.cmd
	x.stopIdle() // what the idle timer calls
	if x.w != nil || old.ProcessState == nil || !old.ProcessState.Exited() {
		t.Fatalf("the idle worker is still running (state %v)", old.ProcessState)
	}
	if _, err := x.RenderPage(context.Background(), req); err != nil {
		t.Fatalf("after the idle stop: %v", err)
	}
	if x.w == nil || x.w.cmd == old {
		t.Error("no fresh worker after the idle stop")
	}
}
