package pdfextract

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// cappedBuffer keeps the child's stdout up to max bytes. Past that it
// discards, keeps draining (so the child never blocks on a full pipe) and
// closes overflow so the parent can kill the child at once.
type cappedBuffer struct {
	mu       sync.Mutex
	buf      bytes.Buffer
	max      int
	over     bool
	overflow chan struct{}
}

func newCappedBuffer(max int) *cappedBuffer {
	return &cappedBuffer{max: max, overflow: make(chan struct{})}
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.over {
		return len(p), nil
	}
	if b.buf.Len()+len(p) > b.max {
		b.over = true
		b.buf = bytes.Buffer{}
		close(b.overflow)
		return len(p), nil
	}
	b.buf.Write(p)
	return len(p), nil
}

// Bytes returns what was kept (nothing once over the cap).
func (b *cappedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Bytes()
}

// childLog reads the child's stderr: progress lines go to the parent (the
// page count on pages), anything else is kept, the last max bytes of it,
// for the error's Detail. It never blocks the child.
type childLog struct {
	mu      sync.Mutex
	partial []byte // an unfinished line
	kept    []byte // diagnostics, newest last, at most max bytes
	max     int
	ready   bool
	version string // the extractor version the child announced with ready
	oom     bool
	pages   chan int
}

func newChildLog(max int) *childLog {
	return &childLog{max: max, pages: make(chan int, 4)}
}

func (l *childLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			l.partial = append(l.partial, p...)
			if len(l.partial) > l.max {
				l.keep(l.partial)
				l.partial = l.partial[:0]
			}
			break
		}
		l.line(append(l.partial, p[:i]...))
		l.partial = l.partial[:0]
		p = p[i+1:]
	}
	return n, nil
}

func (l *childLog) line(b []byte) {
	s := string(b)
	switch {
	case s == lineReady || strings.HasPrefix(s, lineReady+" "):
		l.ready = true
		l.version = strings.TrimSpace(strings.TrimPrefix(s, lineReady))
	case strings.HasPrefix(s, linePages):
		if n, err := strconv.Atoi(strings.TrimPrefix(s, linePages)); err == nil {
			select {
			case l.pages <- n:
			default:
			}
		}
	default:
		if strings.HasPrefix(s, lineMemory) || outOfMemoryLine(s) {
			l.oom = true
		}
		l.keep(append(b, '\n'))
	}
}

func (l *childLog) keep(b []byte) {
	l.kept = append(l.kept, b...)
	if over := len(l.kept) - l.max; over > 0 {
		l.kept = append(l.kept[:0], l.kept[over:]...)
	}
}

func (l *childLog) sawReady() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ready
}

// childVersion is the extractor version the child announced ("" when it
// never said ready, or is too old to say).
func (l *childLog) childVersion() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.version
}

func (l *childLog) outOfMemory() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.oom
}

// tail is the kept diagnostics plus any unfinished line, trimmed.
func (l *childLog) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.TrimSpace(string(l.kept) + string(l.partial))
}

// outOfMemoryLine recognises how a process that hit its address-space
// limit dies: the Go runtime's "fatal error: out of memory", a failed
// mmap's ENOMEM, and, in race-detector builds, ThreadSanitizer's own
// allocation failures.
func outOfMemoryLine(s string) bool {
	for _, m := range []string{"out of memory", "cannot allocate memory", "failed to allocate", "address space collisions"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
