package pdfextract

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// Isolated is the appraise.Extractor the app uses: every extraction runs
// in a child process (this binary re-executed, see ChildMain) under a
// wall-clock limit and a memory cap, so a PDF that hangs the parser or
// eats memory costs a typed error, never the app. The zero value is not
// usable; call NewIsolated.
type Isolated struct {
	exe string   // the binary to run; "" means ChildFor(os.Executable())
	env []string // added to the child's environment (tests pick a stand-in extraction)
	// Test knobs; zero means the defaults in limits.go.
	base, perPage time.Duration
	maxOutput     int
	onStart       func(pid int)          // called once the child runs
	self          func() (string, error) // os.Executable unless a test says
}

// NewIsolated returns the isolated extractor. The running binary must call
// ChildMain first thing in main (or TestMain).
func NewIsolated() *Isolated { return &Isolated{} }

// WithExecutable makes x run the child from exe, a binary whose main calls
// ChildMain (bin/appraise, say), instead of the running one. The eval tool
// uses it to time extraction through the app's own binary.
func (x *Isolated) WithExecutable(exe string) *Isolated {
	x.exe = exe
	return x
}

// Version is the extractor's output version (the package's Version).
func (x *Isolated) Version() string { return Version }

// Stats describes one isolated extraction, for the eval tool and tests.
type Stats struct {
	Pages    int           // page objects the child counted (0 when unknown)
	Wall     time.Duration // from starting the child to its exit
	Limit    time.Duration // the wall-clock limit that applied at the end
	PeakRSS  int64         // the child's peak resident memory in bytes; 0 where the OS does not say
	ExitCode int           // the child's exit code; -1 when killed by a signal
	Child    string        // the binary that ran as the child

	childVersion string // the extractor version the child announced
}

// Extract reads the PDF at path in a child process. Errors that concern
// the file are *ExtractError values wrapping one of the typed errors of
// internal/appraise; others (the child could not be started) are plain.
func (x *Isolated) Extract(ctx context.Context, path string, opt appraise.ExtractOptions) (appraise.Document, error) {
	doc, _, err := x.ExtractFile(ctx, path, opt)
	return doc, err
}

// ExtractFile is Extract that also reports Stats.
func (x *Isolated) ExtractFile(ctx context.Context, path string, opt appraise.ExtractOptions) (appraise.Document, Stats, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return appraise.Document{}, Stats{}, openFileError(name, err)
	}
	defer f.Close()
	lim := x.limits(opt)
	st, err := f.Stat()
	if err != nil {
		return appraise.Document{}, Stats{}, openFileError(name, err)
	}
	if st.IsDir() {
		return appraise.Document{}, Stats{}, fmt.Errorf("open %s: it is a folder, not a PDF file", name)
	}
	if st.Size() == 0 {
		return appraise.Document{}, Stats{}, &ExtractError{Name: name, Kind: appraise.ErrEmptyFile}
	}
	if st.Size() > lim.maxInput {
		return appraise.Document{}, Stats{}, &ExtractError{Name: name, Kind: appraise.ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes, over the %d-byte input limit", st.Size(), lim.maxInput)}
	}
	return x.run(ctx, name, f, st.Size(), opt.Password, lim)
}

// openFileError names the file once: an *fs.PathError already carries
// the whole path, which the message would otherwise repeat.
func openFileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("open %s: %w", name, err)
}

// ExtractData extracts a PDF held in memory; name is used in errors.
func (x *Isolated) ExtractData(ctx context.Context, name string, data []byte, opt appraise.ExtractOptions) (appraise.Document, Stats, error) {
	lim := x.limits(opt)
	if len(data) == 0 {
		return appraise.Document{}, Stats{}, &ExtractError{Name: name, Kind: appraise.ErrEmptyFile}
	}
	if int64(len(data)) > lim.maxInput {
		return appraise.Document{}, Stats{}, &ExtractError{Name: name, Kind: appraise.ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes, over the %d-byte input limit", len(data), lim.maxInput)}
	}
	return x.run(ctx, name, bytes.NewReader(data), int64(len(data)), opt.Password, lim)
}

// limits resolves opt against the defaults and the test knobs.
func (x *Isolated) limits(opt appraise.ExtractOptions) limits {
	l := resolveLimits(opt)
	if x.base > 0 {
		l.base = x.base
	}
	if x.perPage > 0 {
		l.perPage = x.perPage
	}
	return l
}

// stopReason is why the parent ended the child, if it did.
type stopReason int

const (
	notStopped stopReason = iota
	stoppedTimeout
	stoppedCancel
	stoppedOutput
)

// run extracts through the child binary. When that is the sibling
// appraise-extract and it announces another extractor version (a binary
// left from an older build) or none (it never started), its answer is
// dropped and this binary extracts instead: a stale sibling costs time,
// never the text.
func (x *Isolated) run(ctx context.Context, name string, pdf io.ReadSeeker, size int64, password string, lim limits) (appraise.Document, Stats, error) {
	if os.Getenv(childEnv) == "1" {
		// This process is itself a child that did not answer as one: its
		// main does not call ChildMain. Starting another would recurse.
		return appraise.Document{}, Stats{}, fmt.Errorf("extract %s: this program was started as an extraction child but does not call pdfextract.ChildMain first", name)
	}
	if err := ctx.Err(); err != nil {
		return appraise.Document{}, Stats{}, &ExtractError{Name: name, Kind: appraise.ErrExtractionCancelled, Detail: err.Error()}
	}
	exe := x.exe
	if exe == "" {
		self, err := x.executable()
		if err != nil {
			return appraise.Document{}, Stats{}, fmt.Errorf("extract %s: find this program to run the extraction: %w", name, err)
		}
		if exe = ChildFor(self); exe != self {
			doc, st, err := x.runChild(ctx, exe, name, pdf, size, password, lim)
			if st.childVersion == Version || ctx.Err() != nil {
				return doc, st, err
			}
			staleSibling.Store(true)
			if _, err := pdf.Seek(0, io.SeekStart); err != nil {
				return appraise.Document{}, st, fmt.Errorf("extract %s: rewind for a second reading: %w", name, err)
			}
			exe = self
		}
	}
	return x.runChild(ctx, exe, name, pdf, size, password, lim)
}

// executable is the running binary's path.
func (x *Isolated) executable() (string, error) {
	if x.self != nil {
		return x.self()
	}
	return os.Executable()
}

// runChild extracts once through the child binary exe.
func (x *Isolated) runChild(ctx context.Context, exe, name string, pdf io.Reader, size int64, password string, lim limits) (appraise.Document, Stats, error) {
	header, err := json.Marshal(request{Password: password, MemoryLimit: lim.memory, MaxInput: lim.maxInput, MaxWall: lim.maxDeadline(), Size: size})
	if err != nil {
		return appraise.Document{}, Stats{}, fmt.Errorf("extract %s: %w", name, err)
	}
	outCap := maxOutput
	if x.maxOutput > 0 {
		outCap = x.maxOutput
	}
	out := newCappedBuffer(outCap)
	diag := newChildLog(maxStderr)
	cmd := exec.Command(exe, childArg)
	cmd.Env = append(append(os.Environ(), x.env...), childEnv+"=1")
	cmd.Stdin = io.MultiReader(bytes.NewReader(append(header, '\n')), pdf)
	cmd.Stdout = out
	cmd.Stderr = diag
	cmd.WaitDelay = waitDelay
	setProcessGroup(cmd)

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return appraise.Document{}, Stats{}, fmt.Errorf("extract %s: start the extraction process: %w", name, err)
	}
	if x.onStart != nil {
		x.onStart(cmd.Process.Pid)
	}
	st, reason, waitErr := supervise(ctx, cmd, lim, start, out, diag)
	if cmd.ProcessState == nil {
		return appraise.Document{}, st, fmt.Errorf("extract %s: wait for the extraction process: %w", name, waitErr)
	}
	st.Wall = time.Since(start)
	st.Child = exe
	st.childVersion = diag.childVersion()
	st.ExitCode = cmd.ProcessState.ExitCode()
	st.PeakRSS = peakRSS(cmd.ProcessState)
	cause := ""
	if reason == stoppedCancel {
		cause = context.Cause(ctx).Error()
	}
	doc, peak, err := verdict(name, reason, cause, waitErr, cmd.ProcessState, out.Bytes(), diag)
	if peak > 0 {
		st.PeakRSS = peak
	}
	return doc, st, err
}

// supervise waits for the started child, killing its process group when
// the deadline passes (extended once the child reports its page count),
// ctx is cancelled or its answer outgrows the cap.
func supervise(ctx context.Context, cmd *exec.Cmd, lim limits, start time.Time, out *cappedBuffer, diag *childLog) (Stats, stopReason, error) {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	st := Stats{Limit: lim.deadline(0)}
	timer := time.NewTimer(st.Limit)
	defer timer.Stop()
	reason := notStopped
	stop := func(r stopReason) {
		if reason == notStopped {
			reason = r
			killGroup(cmd.Process)
		}
	}
	ctxDone, overflow := ctx.Done(), out.overflow
	for {
		select {
		case err := <-done:
			return st, reason, err
		case n := <-diag.pages:
			st.Pages = n
			if d := lim.deadline(n); d != st.Limit {
				st.Limit = d
				timer.Reset(time.Until(start.Add(d)))
			}
		case <-timer.C:
			stop(stoppedTimeout)
		case <-ctxDone:
			stop(stoppedCancel)
			ctxDone = nil
		case <-overflow:
			stop(stoppedOutput)
			overflow = nil
		}
	}
}

// verdict turns how the child ended into a Document or an error.
func verdict(name string, reason stopReason, cause string, waitErr error, ps *os.ProcessState, out []byte, diag *childLog) (doc appraise.Document, peakRSS int64, err error) {
	typed := func(kind error, detail string) error {
		return &ExtractError{Name: name, Kind: kind, Detail: detail}
	}
	if reason == stoppedCancel {
		return appraise.Document{}, 0, typed(appraise.ErrExtractionCancelled, cause)
	}
	if !diag.sawReady() {
		// Not the file's fault, whatever stopped it: the program never
		// acted as an extraction child (a test binary without TestMain
		// runs its tests instead, until the deadline).
		return appraise.Document{}, 0, fmt.Errorf("extract %s: the extraction process did not start (%v); does main (or TestMain) call pdfextract.ChildMain first? %s",
			name, waitErr, diag.tail())
	}
	switch reason {
	case stoppedTimeout:
		return appraise.Document{}, 0, typed(appraise.ErrExtractTimeout, "killed at the wall-clock limit; "+diag.tail())
	case stoppedOutput:
		return appraise.Document{}, 0, typed(appraise.ErrTooLarge, "the answer is over the output limit")
	}
	switch code := ps.ExitCode(); code {
	case exitOK, exitTyped:
		var r response
		if err := gob.NewDecoder(bytes.NewReader(out)).Decode(&r); err != nil {
			return appraise.Document{}, 0, fmt.Errorf("extract %s: read the extraction's answer: %w", name, err)
		}
		if r.Error != nil {
			return appraise.Document{}, r.PeakRSS, typed(kindOf(r.Error.Kind), r.Error.Detail)
		}
		if r.Doc == nil {
			return appraise.Document{}, r.PeakRSS, fmt.Errorf("extract %s: the extraction answered nothing", name)
		}
		return *r.Doc, r.PeakRSS, nil
	case exitMemory:
		return appraise.Document{}, 0, typed(appraise.ErrTooLarge, diag.tail())
	case exitWall:
		return appraise.Document{}, 0, typed(appraise.ErrExtractTimeout, "the child's own backstop fired")
	case exitProtocol:
		return appraise.Document{}, 0, fmt.Errorf("extract %s: the extraction process could not read its request: %s", name, diag.tail())
	case -1:
		return appraise.Document{}, 0, typed(signalKind(ps), fmt.Sprintf("%v; %s", waitErr, diag.tail()))
	default:
		// 2 is a Go panic or fatal error the child could not recover.
		if diag.outOfMemory() {
			return appraise.Document{}, 0, typed(appraise.ErrTooLarge, diag.tail())
		}
		return appraise.Document{}, 0, typed(appraise.ErrDamaged, fmt.Sprintf("exit %d: %s", code, diag.tail()))
	}
}
