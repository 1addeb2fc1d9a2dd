package ui

import (
	"sync"
)

// background runs the GUI's long work off the UI goroutine. Library writes
// go through one queue, in the order the user made them, so undo follows
// the edit it undoes; opening and searching run on their own goroutines.
// Tasks hand their results to the UI goroutine with appUI.post (fyne.Do in
// the app).
type background struct {
	mu      sync.Mutex
	idle    *sync.Cond
	queue   []func()
	running bool // a goroutine is draining queue
	closed  bool
	active  int    // tasks queued or running
	notify  func() // when set, called after each task ends (tests wake on it)
}

func newBackground() *background {
	b := &background{}
	b.idle = sync.NewCond(&b.mu)
	return b
}

// write queues f behind earlier writes.
func (b *background) write(f func()) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.active++
	b.queue = append(b.queue, f)
	start := !b.running
	b.running = true
	b.mu.Unlock()
	if start {
		go b.drain()
	}
}

func (b *background) drain() {
	for {
		b.mu.Lock()
		if len(b.queue) == 0 {
			b.running = false
			b.mu.Unlock()
			return
		}
		f := b.queue[0]
		b.queue[0] = nil
		b.queue = b.queue[1:]
		b.mu.Unlock()
		f()
		b.done()
	}
}

// spawn runs f on its own goroutine.
func (b *background) spawn(f func()) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.active++
	b.mu.Unlock()
	go func() {
		defer b.done()
		f()
	}()
}

func (b *background) done() {
	b.mu.Lock()
	b.active--
	if b.active == 0 {
		b.idle.Broadcast()
	}
	notify := b.notify
	b.mu.Unlock()
	if notify != nil {
		notify()
	}
}

// setNotify sets the function called after each task ends.
func (b *background) setNotify(f func()) {
	b.mu.Lock()
	b.notify = f
	b.mu.Unlock()
}

// busy reports whether any task is queued or running.
func (b *background) busy() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.active > 0
}

// waitIdle waits until no task is queued or running.
func (b *background) waitIdle() {
	b.mu.Lock()
	for b.active > 0 {
		b.idle.Wait()
	}
	b.mu.Unlock()
}

// close refuses new tasks and waits for the started ones: every write
// the user made is committed before the library closes.
func (b *background) close() {
	b.mu.Lock()
	b.closed = true
	for b.active > 0 {
		b.idle.Wait()
	}
	b.mu.Unlock()
}
