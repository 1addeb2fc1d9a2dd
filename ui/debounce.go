package ui

import "time"

// autosaveDelay is how long after the last keystroke an edited field is
// committed: short enough that a handout exported at once, or a crash,
// loses nothing worth retyping; long enough not to write on every key.
const autosaveDelay = 600 * time.Millisecond

// debouncer runs save on the UI goroutine once edits have paused for
// autosaveDelay. Every poke restarts the wait; flush saves at once. Its
// timer fires on a timer goroutine and posts back with appUI.post; a
// firing that a later poke or flush overtook does nothing.
type debouncer struct {
	u       *appUI
	save    func()
	seq     int
	pending bool
	stop    func() bool
}

func newDebouncer(u *appUI, save func()) *debouncer { return &debouncer{u: u, save: save} }

// poke notes an edit and restarts the wait.
func (d *debouncer) poke() {
	d.cancel()
	d.pending = true
	d.seq++
	seq := d.seq
	d.stop = d.u.afterFunc(autosaveDelay, func() {
		d.u.post(func() {
			if d.seq == seq && d.pending {
				d.pending = false
				d.save()
			}
		})
	})
}

// flush saves now if an edit is waiting.
func (d *debouncer) flush() {
	if !d.pending {
		return
	}
	d.cancel()
	d.pending = false
	d.save()
}

// cancel forgets a waiting edit without saving it (the paper changed and
// its edits were already flushed).
func (d *debouncer) cancel() {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
	d.seq++
	d.pending = false
}
