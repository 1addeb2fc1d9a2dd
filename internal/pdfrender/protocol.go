package pdfrender

import (
	"time"

	"appraise.app/appraise/internal/appraise"
)

// The worker protocol: the parent writes gob-encoded requests to the
// worker's standard input, one at a time, and reads one gob-encoded
// response each from its standard output. The first request is opStart;
// the worker exits when its standard input closes.

// The worker is this binary re-executed with workerArg as its only
// argument and workerEnv=1 in its environment.
const (
	workerArg = "__appraise_render_worker"
	workerEnv = "APPRAISE_RENDER_WORKER"
)

// Worker exit codes the parent reads.
const (
	exitOK       = 0
	exitProtocol = 3 // could not read a request or write a response
	exitMemory   = 4 // the memory watchdog fired
	exitFatal    = 5 // a panic left PDFium in an unknown state
)

type op int

const (
	opStart     op = iota + 1 // compile the module; answered with Startup
	opRender                  // draw Key's Page at Scale
	opHighlight               // write Highlights into a copy of Key's file
)

type request struct {
	Op op
	// opStart:
	CacheDir    string // "" for no compilation cache
	MemPages    uint32 // the module's memory limit in 64 KiB pages
	MemoryLimit int64  // the worker's resident-memory cap in bytes
	// opRender, opHighlight:
	Key        docKey
	Page       int
	Scale      float64
	Highlights []appraise.Highlight
}

type response struct {
	Width, Height int
	Pix           []byte // RGBA, rows packed
	PDF           []byte // the annotated copy
	Err           *wireError
	Fatal         bool          // the worker exits after this answer
	Startup       time.Duration // opStart: how long compiling the module took
	RSS           int64         // the worker's resident size after the request, bytes (0 where unknown)
}

type wireError struct {
	Kind   string
	Detail string
}
