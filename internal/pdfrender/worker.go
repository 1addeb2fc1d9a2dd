package pdfrender

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// WorkerMain runs the render worker when this process was started as one
// by Isolated, and reports isWorker=false otherwise. Call it first thing
// in main (and in TestMain of any test binary that renders through
// Isolated) and exit with code when isWorker is true.
func WorkerMain(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int, isWorker bool) {
	return runWorker(args, stdin, stdout, stderr, os.Getenv, nil)
}

// hook lets tests stand in for a request (hang, eat memory, panic) before
// the engine sees it; nil in the product.
type hook func(req *request)

func runWorker(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, h hook) (int, bool) {
	if len(args) == 0 || args[0] != workerArg || getenv(workerEnv) != "1" {
		return 0, false
	}
	w := &worker{in: gob.NewDecoder(bufio.NewReader(stdin)), out: bufio.NewWriter(stdout), stderr: stderr, hook: h}
	w.enc = gob.NewEncoder(w.out)
	return w.run(), true
}

type worker struct {
	in     *gob.Decoder
	out    *bufio.Writer
	enc    *gob.Encoder
	stderr io.Writer
	hook   hook
	eng    *engine
}

func (w *worker) run() int {
	for {
		var req request
		if err := w.in.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return exitOK // the parent is done with us
			}
			fmt.Fprintf(w.stderr, "appraise-render: read a request: %v\n", err)
			return exitProtocol
		}
		resp, fatal := w.serve(&req)
		resp.RSS, resp.Fatal = selfRSS(), fatal
		if err := w.enc.Encode(resp); err != nil {
			fmt.Fprintf(w.stderr, "appraise-render: write a response: %v\n", err)
			return exitProtocol
		}
		if err := w.out.Flush(); err != nil {
			fmt.Fprintf(w.stderr, "appraise-render: write a response: %v\n", err)
			return exitProtocol
		}
		if fatal {
			return exitFatal
		}
	}
}

// serve answers one request; fatal means the worker must not go on (a
// panic inside PDFium leaves its memory in an unknown state).
func (w *worker) serve(req *request) (resp response, fatal bool) {
	defer func() {
		if p := recover(); p != nil {
			resp = response{Err: &wireError{Kind: appraise.ErrPageNotDrawn.Error(), Detail: fmt.Sprintf("renderer panic: %v", p)}}
			fatal = true
		}
	}()
	if w.hook != nil {
		w.hook(req)
	}
	if req.Op == opStart {
		return w.start(req), false
	}
	if w.eng == nil {
		return failed(errors.New("request before start")), true
	}
	switch req.Op {
	case opRender:
		width, height, pix, err := w.eng.render(req.Key, req.Page, req.Scale)
		if err != nil {
			return failed(err), false
		}
		return response{Width: width, Height: height, Pix: pix}, false
	case opHighlight:
		pdf, err := w.eng.highlights(req.Key.Path, req.Highlights)
		if err != nil {
			return failed(err), false
		}
		return response{PDF: pdf}, false
	}
	return failed(fmt.Errorf("unknown request %d", req.Op)), true
}

// start compiles the module and arms the memory watchdog.
func (w *worker) start(req *request) response {
	if req.MemoryLimit > 0 {
		watchRSS(req.MemoryLimit, watchEvery, func(used int64) {
			fmt.Fprintf(w.stderr, "appraise-render: resident memory %d bytes is over the %d-byte limit\n", used, req.MemoryLimit)
			os.Exit(exitMemory)
		})
	}
	begin := time.Now()
	eng, err := newEngine(prepareCacheDir(req.CacheDir), req.MemPages)
	if err != nil {
		return failed(err)
	}
	w.eng = eng
	return response{Startup: time.Since(begin)}
}

// failed is the response for err: its typed kind and its text.
func failed(err error) response {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = fmt.Errorf("%v: %w", err, appraise.ErrNoSuchFile)
	case errors.Is(err, fs.ErrPermission):
		err = fmt.Errorf("%v: %w", err, appraise.ErrFileUnreadable)
	}
	return response{Err: &wireError{Kind: codeOf(err), Detail: err.Error()}}
}

// watchRSS calls over, once, when the process's resident size passes
// limit. PDFium's memory lives outside the Go heap (wazero maps it), so
// the OS's count is the one to watch.
func watchRSS(limit int64, every time.Duration, over func(used int64)) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for range t.C {
			if used := selfRSS(); used > limit {
				over(used)
				return
			}
		}
	}()
}
