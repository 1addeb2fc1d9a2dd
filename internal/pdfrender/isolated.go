package pdfrender

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
)

// Isolated is the appraise.Renderer the app uses: PDFium runs in a worker
// process (this binary re-executed, see WorkerMain) that lives across
// requests, so the module is compiled once and the open paper stays
// parsed. Each request has a wall-clock limit; one past it, a worker that
// crashes or outgrows its memory cap is killed and the next request starts
// a fresh one. Safe for concurrent use: requests take turns.
type Isolated struct {
	exe      string   // the binary to run; "" means os.Executable()
	env      []string // added to the worker's environment (tests pick a stand-in)
	cacheDir string
	// Limits; NewIsolated sets the defaults of limits.go.
	timeout, startTimeout time.Duration
	memoryLimit           int64
	memPages              uint32
	idle                  time.Duration

	slot      chan struct{} // holds a token while a request runs: one at a time
	w         *proc         // the running worker, nil when none; owned by the slot holder
	idleTimer *time.Timer
	last      workerStats // owned by the slot holder
	closed    bool        // owned by the slot holder
}

// workerStats describes the current worker, for benchmarks and tests.
type workerStats struct {
	pid     int
	startup time.Duration // compiling the module inside the worker
	spawn   time.Duration // from starting the process to its answer to opStart
	rss     int64         // resident size after the last request
	peakRSS int64         // the largest rss seen since the worker started
}

// NewIsolated returns the isolated renderer with the compilation cache in
// cacheDir ("" for none; see DefaultCacheDir). The running binary must
// call WorkerMain first thing in main (or TestMain).
func NewIsolated(cacheDir string) *Isolated {
	return &Isolated{cacheDir: cacheDir, timeout: DefaultTimeout, startTimeout: DefaultStartTimeout,
		memoryLimit: DefaultMemoryLimit, memPages: memPages, idle: idleStop, slot: make(chan struct{}, 1)}
}

var _ appraise.Renderer = (*Isolated)(nil)

// RenderPage draws one page: its crop box after /Rotate at req.Scale
// pixels per point, on white, with the file's own annotations. Errors
// that concern the file are *RenderError values wrapping a typed error of
// internal/appraise.
func (x *Isolated) RenderPage(ctx context.Context, req appraise.RenderRequest) (*image.RGBA, error) {
	name := filepath.Base(req.Path)
	key, err := fileKey(req.Path, req.Password)
	if err != nil {
		return nil, &RenderError{Name: name, Page: req.Page, Kind: err}
	}
	resp, err := x.do(ctx, request{Op: opRender, Key: key, Page: req.Page, Scale: req.Scale}, x.timeout)
	if err != nil {
		return nil, pageError(name, req.Page, err)
	}
	if resp.Width <= 0 || resp.Height <= 0 || len(resp.Pix) != 4*resp.Width*resp.Height {
		return nil, &RenderError{Name: name, Page: req.Page, Kind: appraise.ErrPageNotDrawn, Detail: "the worker answered a malformed image"}
	}
	return &image.RGBA{Pix: resp.Pix, Stride: 4 * resp.Width, Rect: image.Rect(0, 0, resp.Width, resp.Height)}, nil
}

// WriteHighlights writes a copy of src with one /Highlight annotation per
// entry of hs to dst, atomically; src is never written. Encrypted PDFs are
// refused with appraise.ErrExportEncrypted.
func (x *Isolated) WriteHighlights(ctx context.Context, src, dst string, hs []appraise.Highlight) error {
	name := filepath.Base(src)
	key, err := fileKey(src, "")
	if err != nil {
		return &RenderError{Name: name, Kind: err}
	}
	if same(src, dst) {
		return fmt.Errorf("write the annotated copy of %s: it would replace the original; choose another file name", name)
	}
	resp, err := x.do(ctx, request{Op: opHighlight, Key: key, Highlights: hs}, x.timeout)
	if err != nil {
		return pageError(name, 0, err)
	}
	if len(resp.PDF) == 0 {
		return &RenderError{Name: name, Kind: appraise.ErrPageNotDrawn, Detail: "the worker answered no PDF"}
	}
	return atomicfile.Write(dst, 0o644, func(w io.Writer) error {
		_, err := w.Write(resp.PDF)
		return err
	})
}

// same reports whether a and b name one existing file.
func same(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// fileKey checks the file is there and readable-sized and names its
// current version.
func fileKey(path, password string) (docKey, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return docKey{}, appraise.ErrNoSuchFile
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return docKey{}, appraise.ErrNoSuchFile
	case errors.Is(err, os.ErrPermission):
		return docKey{}, appraise.ErrFileUnreadable
	case err != nil:
		return docKey{}, appraise.ErrFileUnreadable
	case !st.Mode().IsRegular():
		return docKey{}, appraise.ErrNotAFile
	case st.Size() > appraise.MaxInputFileSize:
		return docKey{}, appraise.ErrFileTooLarge
	case st.Size() == 0:
		return docKey{}, appraise.ErrEmptyFile
	}
	return docKey{Path: abs, Size: st.Size(), ModTime: st.ModTime(), Password: password}, nil
}

// pageError wraps a typed error from the worker as a RenderError.
func pageError(name string, page int, err error) error {
	var we *workerError
	if errors.As(err, &we) {
		return &RenderError{Name: name, Page: page, Kind: we.kind, Detail: we.detail}
	}
	return err
}

// workerError is a typed failure reported by or about the worker.
type workerError struct {
	kind   error
	detail string
}

func (e *workerError) Error() string { return e.kind.Error() + " (" + e.detail + ")" }
func (e *workerError) Unwrap() error { return e.kind }

// do runs one request on the worker, starting one if none runs. It
// returns when ctx is done without waiting for the worker, which finishes
// the request (within its limit) before it takes the next.
func (x *Isolated) do(ctx context.Context, req request, timeout time.Duration) (response, error) {
	select {
	case x.slot <- struct{}{}:
	case <-ctx.Done():
		return response{}, context.Cause(ctx)
	}
	type result struct {
		resp response
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() { <-x.slot }()
		resp, err := x.roundTrip(req, timeout)
		ch <- result{resp, err}
	}()
	select {
	case r := <-ch:
		return r.resp, r.err
	case <-ctx.Done():
		return response{}, context.Cause(ctx)
	}
}

// roundTrip sends req to the worker (started if needed) and waits for
// its answer at most timeout. The caller holds the slot.
func (x *Isolated) roundTrip(req request, timeout time.Duration) (response, error) {
	if x.closed {
		return response{}, errors.New("the renderer is closed")
	}
	if x.idleTimer != nil {
		x.idleTimer.Stop()
	}
	if x.w == nil {
		if err := x.start(); err != nil {
			return response{}, err
		}
	}
	resp, err := x.w.exchange(req, timeout)
	if err != nil {
		x.w = nil
		return response{}, err
	}
	x.last.rss = resp.RSS
	x.last.peakRSS = max(x.last.peakRSS, resp.RSS)
	if resp.Fatal {
		x.w.stop()
		x.w = nil
	}
	if x.idle > 0 && x.w != nil {
		x.idleTimer = time.AfterFunc(x.idle, x.stopIdle)
	}
	if resp.Err != nil {
		return resp, &workerError{kind: kindOf(resp.Err.Kind), detail: resp.Err.Detail}
	}
	return resp, nil
}

// stopIdle stops a worker nobody has used for a while, unless a request
// is running.
func (x *Isolated) stopIdle() {
	select {
	case x.slot <- struct{}{}:
	default:
		return
	}
	defer func() { <-x.slot }()
	if x.w != nil {
		x.w.stop()
		x.w = nil
	}
}

// Close stops the worker. Requests after Close fail.
func (x *Isolated) Close() error {
	x.slot <- struct{}{}
	defer func() { <-x.slot }()
	x.closed = true
	if x.idleTimer != nil {
		x.idleTimer.Stop()
	}
	if x.w != nil {
		x.w.stop()
		x.w = nil
	}
	return nil
}

// start runs a new worker and has it compile the module.
func (x *Isolated) start() error {
	if os.Getenv(workerEnv) == "1" {
		return errors.New("start the page renderer: this program was started as a render worker but does not call pdfrender.WorkerMain first")
	}
	exe := x.exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return fmt.Errorf("start the page renderer: find this program: %w", err)
		}
	}
	cmd := exec.Command(exe, workerArg)
	cmd.Env = append(append(os.Environ(), x.env...), workerEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("start the page renderer: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("start the page renderer: %w", err)
	}
	diag := &tail{max: maxStderr}
	cmd.Stderr = diag
	cmd.WaitDelay = waitDelay
	setProcessGroup(cmd)
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start the page renderer: %w", err)
	}
	p := &proc{cmd: cmd, stdin: stdin, enc: gob.NewEncoder(stdin), dec: gob.NewDecoder(bufio.NewReader(stdout)), diag: diag}
	resp, err := p.exchange(request{Op: opStart, CacheDir: x.cacheDir, MemPages: x.memPages, MemoryLimit: x.memoryLimit}, x.startTimeout)
	if err == nil && resp.Err != nil {
		p.stop()
		err = errors.New(resp.Err.Detail)
	}
	if err != nil {
		return fmt.Errorf("start the page renderer: %w", err)
	}
	x.w = p
	x.last = workerStats{pid: cmd.Process.Pid, startup: resp.Startup, spawn: time.Since(begin), rss: resp.RSS, peakRSS: resp.RSS}
	return nil
}

// proc is one running worker.
type proc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	enc   *gob.Encoder
	dec   *gob.Decoder
	diag  *tail
}

// exchange sends req and reads the answer within timeout. On any failure
// the worker is killed and reaped, and the error says why it died.
func (p *proc) exchange(req request, timeout time.Duration) (response, error) {
	var resp response
	done := make(chan error, 1)
	go func() {
		if err := p.enc.Encode(req); err != nil {
			done <- err
			return
		}
		done <- p.dec.Decode(&resp)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err == nil {
			return resp, nil
		}
		killed := p.reap(exitGrace)
		return response{}, p.death(err, killed)
	case <-timer.C:
		killGroup(p.cmd.Process)
		<-done
		_ = p.cmd.Wait()
		return response{}, &workerError{kind: appraise.ErrRenderTimeout, detail: fmt.Sprintf("killed after %v", timeout)}
	}
}

// death explains a worker that stopped answering.
func (p *proc) death(ioErr error, killed bool) error {
	ps := p.cmd.ProcessState
	detail := fmt.Sprintf("%v; %s", ioErr, p.diag.String())
	if ps == nil {
		return &workerError{kind: appraise.ErrPageNotDrawn, detail: detail}
	}
	if ps.ExitCode() == exitMemory {
		return &workerError{kind: appraise.ErrRenderTooLarge, detail: detail}
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL && !killed {
		// Killed, and not by us (we kill only at the timeout): the
		// kernel's out-of-memory killer.
		return &workerError{kind: appraise.ErrRenderTooLarge, detail: detail}
	}
	return &workerError{kind: appraise.ErrPageNotDrawn, detail: fmt.Sprintf("worker exited (%v): %s", ps, detail)}
}

// reap waits for a worker that stopped answering to exit, killing it
// after grace; killed reports whether it had to.
func (p *proc) reap(grace time.Duration) (killed bool) {
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
		killGroup(p.cmd.Process)
		killed = true
		<-done
	}
	return killed
}

// stop ends a worker: its standard input closes and it exits; killed if
// it does not within waitDelay.
func (p *proc) stop() {
	_ = p.stdin.Close()
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(waitDelay):
		killGroup(p.cmd.Process)
		<-done
	}
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(string(t.buf))
}
