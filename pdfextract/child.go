package pdfextract

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// The child is this same binary re-executed with childArg as its first
// argument and childEnv=1 in its environment; both are needed, so neither
// a stray argument nor an inherited variable starts one by accident.
const (
	childEnv = "APPRAISE_EXTRACT_CHILD"
	childArg = "__appraise-extract-child"
)

// Child exit codes. A Go panic or fatal runtime error exits 2, a kill by
// signal has no code; the parent reads those from the process state.
const (
	exitOK       = 0
	exitTyped    = 3 // a typed error, described on stdout
	exitMemory   = 4 // the memory watchdog tripped
	exitWall     = 5 // the child's own wall-clock backstop fired
	exitProtocol = 6 // the request could not be read
)

// Progress lines the child writes to stderr; anything else there is
// diagnostics (a runtime crash report) the parent keeps but never shows.
const (
	lineReady  = "appraise-extract: ready"
	linePages  = "appraise-extract: pages "
	lineMemory = "appraise-extract: memory "
)

// request is the first line the parent writes to the child's stdin, as
// JSON; the PDF's bytes follow it to EOF.
type request struct {
	Password    string        `json:"password,omitempty"`
	MemoryLimit int64         `json:"memory_limit"`
	MaxInput    int64         `json:"max_input"`
	MaxWall     time.Duration `json:"max_wall"` // the child exits on its own past this
	// Size is the PDF's length in bytes when the parent knows it (0 when
	// not): the child reads it into one buffer of that size instead of
	// growing one.
	Size int64 `json:"size,omitempty"`
}

// response is what the child writes to stdout, gob-encoded (a quarter of
// the time JSON takes for a paper's Document): a Document or a typed error.
type response struct {
	Doc   *appraise.Document
	Error *wireError
	// PeakRSS is the child's own peak resident size in bytes where the OS
	// tells it (0 elsewhere): the kernel's accounting seen by the parent
	// also counts the parent's pages shared before the exec.
	PeakRSS int64
}

type wireError struct {
	Kind   string
	Detail string
}

// extractFunc is the in-process extraction the child runs: ExtractBytes in
// the product, a stand-in (hanging, memory-eating, crashing) in tests.
type extractFunc func(data []byte, password string) (appraise.Document, error)

// ChildMain runs the extraction child when this process was started as
// one by Isolated, and reports isChild=false otherwise. Call it first thing
// in main (and in TestMain of any test binary that extracts through
// Isolated) and exit with code when isChild is true:
//
//	if code, ok := pdfextract.ChildMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
//		os.Exit(code)
//	}
func ChildMain(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int, isChild bool) {
	return runChild(args, stdin, stdout, stderr, os.Getenv, func(data []byte, password string) (appraise.Document, error) {
		return ExtractBytes(data, Options{Password: password})
	})
}

// runChild is ChildMain with the environment and the extraction injected.
func runChild(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, extract extractFunc) (int, bool) {
	if len(args) == 0 || args[0] != childArg || getenv(childEnv) != "1" {
		return 0, false
	}
	c := child{stdin: stdin, stdout: stdout, stderr: stderr, extract: extract, exit: os.Exit}
	return c.run(), true
}

type child struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	extract        extractFunc
	exit           func(code int) // called by the watchdogs
}

func (c child) run() int {
	fmt.Fprintln(c.stderr, lineReady, Version)
	in := bufio.NewReaderSize(c.stdin, 64<<10)
	req, err := readRequest(in)
	if err != nil {
		fmt.Fprintf(c.stderr, "appraise-extract: %v\n", err)
		return exitProtocol
	}
	c.guard(req)
	data, err := readInput(in, req.Size, req.MaxInput)
	if err != nil {
		return c.fail(fmt.Errorf("read the PDF: %w", err))
	}
	if int64(len(data)) > req.MaxInput {
		return c.fail(fmt.Errorf("the file is over %d bytes: %w", req.MaxInput, appraise.ErrTooLarge))
	}
	fmt.Fprintf(c.stderr, "%s%d\n", linePages, countPages(data))
	doc, err := safeExtract(c.extract, data, req.Password)
	if err != nil {
		return c.fail(err)
	}
	return c.answer(response{Doc: &doc}, exitOK)
}

// readInput reads the PDF to EOF, at most limit+1 bytes (one more than
// allowed, so the caller sees an oversized file), into a buffer sized for
// the announced size plus one, so the read that meets EOF needs no
// growth; it grows like io.ReadAll should more come.
func readInput(in io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), limit)+1)
	r := io.LimitReader(in, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

func readRequest(in *bufio.Reader) (request, error) {
	line, err := in.ReadSlice('\n')
	if err != nil {
		return request{}, fmt.Errorf("read the request: %w", err)
	}
	if len(line) > maxRequest {
		return request{}, errors.New("read the request: too long")
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return request{}, fmt.Errorf("read the request: %w", err)
	}
	if req.MemoryLimit <= 0 || req.MaxInput <= 0 || req.MaxWall <= 0 {
		return request{}, errors.New("read the request: limits missing")
	}
	return req, nil
}

// guard applies the memory cap (an OS limit where there is one, the Go
// runtime's soft limit and a watchdog) and a wall-clock backstop in case
// the parent is gone, and sets the child's garbage-collection pace (see
// childGCPercent).
func (c child) guard(req request) {
	debug.SetMaxStack(maxStack)
	debug.SetGCPercent(childGCPercent)
	debug.SetMemoryLimit(req.MemoryLimit * 7 / 8)
	limitAddressSpace(req.MemoryLimit)
	watchMemory(req.MemoryLimit, watchdogEvery, func(used int64) {
		fmt.Fprintf(c.stderr, "%s%d\n", lineMemory, used)
		c.exit(exitMemory)
	})
	time.AfterFunc(req.MaxWall+childGrace, func() { c.exit(exitWall) })
}

// safeExtract runs extract, turning a panic into ErrDamaged.
func safeExtract(extract extractFunc, data []byte, password string) (doc appraise.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = appraise.Document{}, fmt.Errorf("extractor panic: %v: %w", p, appraise.ErrDamaged)
		}
	}()
	return extract(data, password)
}

func (c child) fail(err error) int {
	return c.answer(response{Error: &wireError{Kind: codeOf(err), Detail: err.Error()}}, exitTyped)
}

func (c child) answer(r response, code int) int {
	r.PeakRSS = selfPeakRSS()
	w := bufio.NewWriterSize(c.stdout, 256<<10)
	if err := gob.NewEncoder(w).Encode(r); err != nil {
		fmt.Fprintf(c.stderr, "appraise-extract: write the answer: %v\n", err)
		return exitProtocol
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(c.stderr, "appraise-extract: write the answer: %v\n", err)
		return exitProtocol
	}
	return code
}

// countPages counts page objects written in the clear ("/Type /Page"), to
// extend the deadline early and cheaply: no parsing, so nothing to hang.
// Pages inside compressed object streams are not seen; such files get the
// base limit, which is ample for papers.
func countPages(data []byte) int {
	n := 0
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("/Type"))
		if k < 0 {
			return n
		}
		i += k + len("/Type")
		j := i
		for j < len(data) && isPDFSpace(data[j]) {
			j++
		}
		if bytes.HasPrefix(data[j:], []byte("/Page")) {
			e := j + len("/Page")
			if e == len(data) || isPDFDelimiter(data[e]) || isPDFSpace(data[e]) {
				n++
			}
		}
	}
}

func isPDFSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0
}

func isPDFDelimiter(b byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), b) >= 0
}
