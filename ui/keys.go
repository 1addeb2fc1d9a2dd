package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// keyHelp lists every key, for the ? dialog; the menus show the rest.
var keyHelp = [][2]string{
	{"Click", "select a sentence"},
	{"Shift+click, drag", "extend the selection (drag selects words)"},
	{"j / ↓, k / ↑", "next / previous sentence (j starts at the top of the screen)"},
	{"J, K", "extend the selection by a sentence"},
	{"p, c, l", "toggle Population, Claim, Limitation"},
	{"1 – 9", "toggle your custom tags"},
	{"n", "add or edit the note"},
	{"e", "link the selected annotation to the highlighted checklist item (Appraisal tab)"},
	{"Delete", "remove the annotation"},
	{"Esc", "clear the selection; close a dialog, a list of choices or this list"},
	{"/", "find in paper (Enter: next)"},
	{"v", "switch the view: text, page, side by side"},
	{"g", "show the selection (or the annotation picked) on the page"},
	{"+ / -, Ctrl+wheel", "zoom the pages in and out"},
	{"PgDn / PgUp, Home / End", "next / previous page, first / last page (page view)"},
	{"Click “p. N”", "show page N (in the text's margin)"},
	{"Ctrl+Z, Ctrl+Shift+Z", "undo, redo"},
	{"Ctrl+O, Ctrl+E", "open a PDF, export"},
	{"Ctrl+Shift+E", "export the whole library"},
	{"Ctrl+I, Ctrl+K", "import a club member's bundle, compare your reading with theirs"},
	{"Ctrl+L", "show or hide the library"},
	{"Ctrl+, ", "preferences"},
	{"?", "this list"},
	{"Ctrl+Q", "quit"},
}

// typedRune handles single-key commands typed in the reader.
func (u *appUI) typedRune(r rune) {
	if u.cur == nil {
		if r == '?' {
			u.showKeys()
		}
		return
	}
	switch r {
	case 'j':
		u.moveCursor(1, false)
	case 'k':
		u.moveCursor(-1, false)
	case 'J':
		u.moveCursor(1, true)
	case 'K':
		u.moveCursor(-1, true)
	case 'n':
		u.editNote()
	case linkKey:
		u.linkSelection()
	case '/':
		u.find.open()
	case 'v':
		u.cycleView()
	case 'g':
		u.showOnPage()
	case '+', '=':
		if u.mode != viewText {
			u.pv.stepZoom(1)
		}
	case '-':
		if u.mode != viewText {
			u.pv.stepZoom(-1)
		}
	case '?':
		u.showKeys()
	default:
		if r >= '1' && r <= '9' {
			u.toggleCustom(int(r - '1'))
			return
		}
		for _, t := range u.tags {
			if t.Key != "" && []rune(t.Key)[0] == r {
				u.toggleTag(t.Name)
				return
			}
		}
	}
}

// typedKey handles named keys typed in the reader.
func (u *appUI) typedKey(ev *fyne.KeyEvent) {
	if u.cur == nil {
		return
	}
	switch ev.Name {
	case fyne.KeyDown:
		u.moveCursor(1, false)
	case fyne.KeyUp:
		u.moveCursor(-1, false)
	case fyne.KeyDelete, fyne.KeyBackspace:
		u.deleteTarget()
	case fyne.KeyEscape:
		u.reader.sel.clear()
		u.reader.selectionChanged()
	case fyne.KeyPageDown, fyne.KeySpace:
		u.reader.scrollPage(1)
	case fyne.KeyPageUp:
		u.reader.scrollPage(-1)
	case fyne.KeyHome:
		u.reader.scrollPage(-1 << 20)
	case fyne.KeyEnd:
		u.reader.scrollPage(1 << 20)
	}
}

// moveCursor moves (or, with extend, stretches) the sentence cursor.
// With nothing selected it selects the first sentence on screen.
func (u *appUI) moveCursor(delta int, extend bool) {
	sel := u.reader.sel
	if sel.focus < 0 {
		sel.selectPassage(u.reader.firstPassageOnScreen())
	} else if extend {
		sel.extend(delta)
	} else {
		sel.move(delta)
	}
	if sel.focus >= 0 {
		p := u.cur.v.passages[sel.focus]
		u.reader.revealOffset(p.End - 1)
		u.reader.revealOffset(p.Start)
		if u.mode != viewText {
			u.views.led = u.now()
			u.pv.reveal(p.Start, p.End)
		}
	}
	u.reader.selectionChanged()
}

// selectionChanged follows the reader's selection: the annotation it
// covers exactly becomes the one the panel shows.
func (u *appUI) selectionChanged() {
	if u.cur == nil {
		return
	}
	if s, e := u.reader.sel.span(); !u.reader.sel.empty() {
		if a, ok := u.exactAnnotation(s, e); ok {
			u.selAnn = a.ID
			u.annp.showSelected()
		}
		if who := u.whoTagged(s, e); who != "" {
			u.status.message(who)
		}
	}
	u.pv.selectionChanged()
	u.toolbar.refresh()
}

// jumpTo selects an annotation's span and scrolls it into view.
func (u *appUI) jumpTo(id string) {
	a, ok := u.annotationByID(id)
	if !ok {
		return
	}
	u.selAnn = id
	u.reader.sel.selectSpan(a.Anchor.Start, a.Anchor.End)
	u.reader.centreOffset(a.Anchor.Start)
	u.reader.selectionChanged()
	u.annp.showSelected()
	if u.mode != viewText {
		u.views.led = u.now()
		u.pv.whenReady(func() { u.pv.reveal(a.Anchor.Start, a.Anchor.End) })
	}
	u.reader.requestFocus()
}

// editNote opens the note editor on the target annotation.
func (u *appUI) editNote() {
	a, ok := u.target()
	if !ok && u.whenSaved(u.editNote) {
		return
	}
	if !ok {
		u.status.message("Tag the selection first (p, c, l), then add a note with n.")
		return
	}
	e := newNoteEntry()
	e.SetText(a.Note)
	e.SetMinRowsVisible(5)
	quote := widget.NewLabel(shorten(u.cur.v.text(a.Anchor.Start, a.Anchor.End), 220))
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	hint := widget.NewLabel("Ctrl+Enter saves.")
	hint.Importance = widget.LowImportance
	content := container.NewBorder(quote, hint, nil, nil, e)
	d := dialog.NewCustomConfirm("Note", "Save", "Cancel", content, func(ok bool) {
		if ok {
			u.setNote(a, e.Text)
		}
		u.reader.requestFocus()
	}, u.win)
	e.onSave = d.Confirm
	d.Resize(fyne.NewSize(min(560, u.win.Canvas().Size().Width*0.9), 360))
	e.onEscape = u.escape
	u.present(d)
	u.win.Canvas().Focus(e)
}

// showKeys is the ? dialog.
func (u *appUI) showKeys() {
	g := container.New(layout.NewFormLayout())
	for _, k := range keyHelp {
		key := widget.NewLabel(k[0])
		key.TextStyle.Bold = true
		g.Add(key)
		g.Add(widget.NewLabel(k[1]))
	}
	d := dialog.NewCustom("Keyboard", "Close", container.NewVScroll(g), u.win)
	d.Resize(fyne.NewSize(min(600, u.win.Canvas().Size().Width*0.95), min(620, u.win.Canvas().Size().Height*0.95)))
	d.SetOnClosed(u.reader.requestFocus)
	u.present(d)
}

// showContextMenu is the reader's right-click menu.
func (u *appUI) showContextMenu(abs fyne.Position) {
	if u.cur == nil {
		return
	}
	var items []*fyne.MenuItem
	exact, hasExact := u.exactAnnotation(u.reader.sel.span())
	for _, t := range u.tags {
		name := t.Name
		it := fyne.NewMenuItem(tagLabel(name), func() { u.toggleTag(name) })
		it.Checked = hasExact && exact.HasTag(name)
		items = append(items, it)
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Note…", u.editNote),
		fyne.NewMenuItem("Link to Checklist Item", u.linkSelection),
		fyne.NewMenuItem("Limits Claim…", func() { u.chooseLink(appraise.LinkLimits) }),
		fyne.NewMenuItem("About Population…", func() { u.chooseLink(appraise.LinkAbout) }),
		fyne.NewMenuItem("Remove annotation", u.deleteTarget),
		fyne.NewMenuItem("Copy text", u.copySelection))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), u.win.Canvas(), abs)
}

// copySelection puts the selected text on the clipboard.
func (u *appUI) copySelection() {
	if u.cur == nil || u.reader.sel.empty() {
		return
	}
	s, e := u.reader.sel.span()
	u.app.Clipboard().SetContent(u.cur.v.text(s, e))
	u.status.message("Copied.")
}

// noteEntry is a multi-line entry where Ctrl+Enter (or Shift+Enter) saves.
type noteEntry struct {
	widget.Entry
	onSave   func()
	onEscape func() bool // in a dialog: dismisses it
}

// TypedKey passes Esc to the dialog the entry is in.
func (e *noteEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil && e.onEscape() {
		return
	}
	e.Entry.TypedKey(ev)
}

func newNoteEntry() *noteEntry {
	e := &noteEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetPlaceHolder("Why this passage matters…")
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) {
		if e.onSave != nil {
			e.onSave()
		}
	}
	return e
}

// TypedShortcut saves on Ctrl+Enter.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		if e.onSave != nil {
			e.onSave()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// shorten cuts s to at most n code points, at a word where it can.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for i := n; i > n*3/4; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}
