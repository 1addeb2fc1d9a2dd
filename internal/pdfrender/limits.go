package pdfrender

import "time"

// Limits of the render worker.
const (
	// DefaultTimeout bounds one page render or annotated copy; a request
	// past it kills the worker and the next one starts a fresh worker.
	DefaultTimeout = 20 * time.Second
	// DefaultStartTimeout bounds starting a worker: compiling PDFium's
	// module without a warm cache takes seconds (about 4 s measured).
	DefaultStartTimeout = 90 * time.Second
	// DefaultMemoryLimit caps the worker's resident memory. Compiling the
	// module without a cache peaks near 400 MiB.
	DefaultMemoryLimit = 1 << 30
	// memPages caps PDFium's own memory (64 KiB WebAssembly pages, 512
	// MiB): a page too large to draw fails inside PDFium instead of
	// growing the worker.
	memPages = 8192
	// idleStop is how long an unused worker is kept before it is stopped
	// to give its memory back; the next request starts one again.
	idleStop = 3 * time.Minute
	// watchEvery is how often the worker checks its resident memory.
	watchEvery = 10 * time.Millisecond
	// maxStderr bounds what is kept of the worker's diagnostics.
	maxStderr = 8 << 10
	// exitGrace is how long a worker that broke the protocol gets to exit
	// by itself before it is killed.
	exitGrace = time.Second
	// waitDelay bounds the wait for a killed worker's pipes to close.
	waitDelay = 2 * time.Second
)
