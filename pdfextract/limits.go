package pdfextract

import (
	"time"

	"appraise.app/appraise/internal/appraise"
)

// Limits of one isolated extraction. appraise.ExtractOptions overrides the
// wall-clock limit and the memory cap; the rest are fixed.
const (
	// DefaultBaseTimeout plus DefaultPerPageTimeout for every page is the
	// wall-clock limit when ExtractOptions.Timeout is zero.
	DefaultBaseTimeout    = 10 * time.Second
	DefaultPerPageTimeout = 200 * time.Millisecond
	// DefaultMemoryLimit caps the child process when
	// ExtractOptions.MemoryLimit is zero.
	DefaultMemoryLimit = 512 << 20

	// maxTimedPages bounds the pages that extend the deadline, so a file
	// claiming a million pages cannot buy itself hours.
	maxTimedPages = 2000
	// maxOutput bounds the child's answer (a gob-encoded Document): a thousand
	// pages of text with their blocks and passages fit in well under this.
	maxOutput = 128 << 20
	// maxStderr bounds what is kept of the child's diagnostics.
	maxStderr = 16 << 10
	// maxRequest bounds the request line the child reads before the PDF.
	maxRequest = 64 << 10
	// maxStack is the child's goroutine stack limit: a PDF nested a million
	// levels deep ends as a stack overflow (damaged), not a memory blow-up.
	maxStack = 64 << 20
	// watchdogEvery is how often the child checks its memory.
	watchdogEvery = 5 * time.Millisecond
	// childGrace is how long past the parent's deadline the child lets
	// itself run before exiting on its own, should the parent be gone.
	childGrace = 5 * time.Second
	// waitDelay bounds the wait for the child's pipes to close once it has
	// been killed.
	waitDelay = 2 * time.Second
	// childGCPercent is the child's GOGC. A child lives for one file and
	// starts from an empty heap, so at the default 100 it collects again
	// and again while the heap grows; 200 made papers of the corpus 8–15%
	// faster through the child for a few MiB more at the peak (the
	// corpus's largest: 31 -> 34 MiB). The soft memory limit still bounds
	// the heap below the cap.
	childGCPercent = 200
)

// limits are the resolved limits of one extraction.
type limits struct {
	timeout  time.Duration // fixed wall-clock limit; 0 means base + perPage × pages
	base     time.Duration
	perPage  time.Duration
	memory   int64 // bytes
	maxInput int64 // bytes of PDF the child will read
}

func resolveLimits(opt appraise.ExtractOptions) limits {
	l := limits{timeout: opt.Timeout, base: DefaultBaseTimeout, perPage: DefaultPerPageTimeout, memory: opt.MemoryLimit}
	if l.timeout < 0 {
		l.timeout = 0
	}
	if l.memory <= 0 {
		l.memory = DefaultMemoryLimit
	}
	// The PDF's bytes live in the child's memory next to everything parsed
	// from them; a file over half the cap cannot be read within it.
	l.maxInput = l.memory / 2
	return l
}

// deadline is the wall-clock limit once the page count is known (0 when
// not yet known).
func (l limits) deadline(pages int) time.Duration {
	if l.timeout > 0 {
		return l.timeout
	}
	pages = min(max(pages, 0), maxTimedPages)
	return l.base + time.Duration(pages)*l.perPage
}

// maxDeadline is the longest deadline any page count can give.
func (l limits) maxDeadline() time.Duration { return l.deadline(maxTimedPages) }
