package ui

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxFindHits bounds the matches find in paper highlights.
const maxFindHits = 5000

// findBar is find in paper: '/' opens it above the reader; typing
// highlights every match and shows "3 of 13", Enter goes to the next,
// Shift+Enter to the previous, Esc closes it. The current match is
// selected, so it can be tagged straight away.
type findBar struct {
	u     *appUI
	box   *fyne.Container
	entry *findEntry
	count *widget.Label
}

func newFindBar(u *appUI) *findBar {
	f := &findBar{u: u, count: widget.NewLabel("")}
	f.entry = newFindEntry(f)
	f.entry.SetPlaceHolder("Find in paper")
	f.entry.OnChanged = f.search
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(1) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	for _, b := range []*widget.Button{prev, next, closeBtn} {
		b.Importance = widget.LowImportance
	}
	f.box = container.NewBorder(nil, nil, nil, container.NewHBox(f.count, prev, next, closeBtn), f.entry)
	f.box.Hide()
	return f
}

// open shows the bar and puts the cursor in it.
func (f *findBar) open() {
	if f.u.cur == nil {
		return
	}
	f.box.Show()
	f.u.win.Canvas().Focus(f.entry)
	if f.entry.Text != "" {
		f.search(f.entry.Text)
	}
}

// openAt opens the bar on word with the match at offset current (a
// library search hit). When the paper's own matching differs from the
// index's (accents), the hit's span [offset, end) is selected as it is.
func (f *findBar) openAt(word string, offset, end int) {
	if f.u.cur == nil {
		return
	}
	f.box.Show()
	f.entry.SetText(word) // searches
	r := f.u.reader
	if i := sort.SearchInts(r.findHits, offset); i < len(r.findHits) && r.findHits[i] == offset {
		r.findCur = i
		f.show()
		f.label()
		r.refreshRows()
	} else {
		r.sel.selectSpan(offset, end)
		r.centreOffset(offset)
		r.selectionChanged()
	}
	r.requestFocus()
}

// close hides the bar and its highlights and gives the reader the keys.
func (f *findBar) close() {
	if !f.box.Visible() {
		return
	}
	f.box.Hide()
	r := f.u.reader
	r.findHits, r.findCur = nil, -1
	r.refreshRows()
	r.requestFocus()
}

// search highlights every match of q, making the first one at or below
// the top of the screen current.
func (f *findBar) search(q string) {
	r := f.u.reader
	if f.u.cur == nil {
		return
	}
	r.findHits = f.u.cur.v.find(q, maxFindHits)
	r.findLen = len([]rune(q))
	r.findCur = -1
	if len(r.findHits) > 0 {
		top := 0
		if b := r.topBlock(); b >= 0 && b < len(f.u.cur.v.blocks) {
			top = f.u.cur.v.blocks[b].Start
		}
		r.findCur = sort.SearchInts(r.findHits, top) % len(r.findHits)
		f.show()
	}
	f.label()
	r.refreshRows()
}

// step moves to the next (1) or previous (-1) match.
func (f *findBar) step(d int) {
	r := f.u.reader
	if len(r.findHits) == 0 {
		return
	}
	r.findCur = (r.findCur + d + len(r.findHits)) % len(r.findHits)
	f.show()
	f.label()
	r.refreshRows()
}

// show selects the current match and scrolls to it.
func (f *findBar) show() {
	r := f.u.reader
	h := r.findHits[r.findCur]
	r.sel.selectSpan(h, h+r.findLen)
	r.centreOffset(h)
	r.selectionChanged()
}

func (f *findBar) label() {
	r := f.u.reader
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case len(r.findHits) == 0:
		f.count.SetText("no match")
	case len(r.findHits) >= maxFindHits:
		f.count.SetText(fmt.Sprintf("%d of %d+", r.findCur+1, maxFindHits))
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", r.findCur+1, len(r.findHits)))
	}
}

// findEntry is the find field: Enter goes to the next match, Shift+Enter
// to the previous, Esc closes.
type findEntry struct {
	widget.Entry
	bar   *findBar
	shift bool // a Shift key is down
}

func newFindEntry(bar *findBar) *findEntry {
	e := &findEntry{bar: bar}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey steps on Enter (back with Shift) and closes the bar on Esc.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.bar.close()
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift {
			e.bar.step(-1)
		} else {
			e.bar.step(1)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// KeyDown notes Shift for Shift+Enter; part of desktop.Keyable.
func (e *findEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp is part of desktop.Keyable.
func (e *findEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}
