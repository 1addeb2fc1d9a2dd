package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"appraise.app/appraise/internal/appraise"
)

// appUI is the main window and the state behind it. All its fields belong
// to the UI goroutine; background tasks get copies and report back
// through onUI.
type appUI struct {
	app   fyne.App
	win   fyne.Window
	lib   Library
	cfg   Config
	prefs settings
	bg    *background
	post  func(func()) // runs a function on the UI goroutine: fyne.Do
	now   func() time.Time
	// afterFunc starts a timer that calls f on its own goroutine and
	// returns its stop function: time.AfterFunc; tests fire timers by hand.
	afterFunc func(d time.Duration, f func()) (stop func() bool)

	tags []appraise.Tag
	cur  *current // the open paper, or nil
	hist history

	reader  *reader
	pv      *pageView
	pages   Pages // nil: the library cannot render pages
	mode    viewMode
	views   viewParts
	toolbar *toolbar
	find    *findBar
	libp    *libraryPanel
	annp    *annotationsPanel
	card    *paperCard
	appr    *appraisalPanel
	status  *statusBar
	opening *openingView
	empty   *emptyView

	outer, inner *container.Split
	right        *container.AppTabs // Annotations / Appraisal / Paper
	centre       *fyne.Container    // holds outer, or inner when the library is hidden

	openSeq   int                // numbers open requests; a stale result is dropped
	cancelOp  context.CancelFunc // cancels the open in progress
	openStart time.Time
	papersSeq int
	selAnn    string // id of the annotation selected in the panel
	// view is whose annotations show; revealed lists the papers in
	// practice mode whose other readings a comparison has revealed.
	view       authorView
	revealed   map[appraise.PaperID]bool
	compareWin *comparisonView
	// afterSaved runs once no edit is in flight (see whenSaved).
	afterSaved []func()
	dialogs    []closer // open dialogs, the top one last (see present)
	// trashView is the open Trash view, or nil.
	trashView *trashView
	// indexing is true while the full-text index is being built;
	// stopIndexing cancels that (indexing.go).
	indexing     bool
	stopIndexing context.CancelFunc
}

// current is the paper open in the reader.
type current struct {
	paper     appraise.Paper
	v         *docView
	anns      []appraise.Annotation
	fromCache bool
	extractMS int64
}

// newAppUI builds the window's content on w. It does not show the window.
// post runs a function on the UI goroutine (fyne.Do; tests pass their own).
func newAppUI(a fyne.App, w fyne.Window, cfg Config, post func(func())) *appUI {
	u := &appUI{app: a, win: w, lib: cfg.Library, cfg: cfg, prefs: settings{a.Preferences()},
		bg: newBackground(), post: post, now: time.Now,
		afterFunc: func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }}
	if cfg.Now != nil {
		u.now = cfg.Now
	}
	u.applyTheme()
	u.lib.SetUser(u.prefs.author())
	u.reader = newReader()
	u.reader.win = w
	u.reader.onRune = u.typedRune
	u.reader.onKey = u.typedKey
	u.reader.onSelChanged = u.selectionChanged
	u.reader.onContext = u.showContextMenu
	u.reader.onFirstText = u.firstText
	u.pages, _ = cfg.Library.(Pages)
	u.newViewParts()
	u.toolbar = newToolbar(u)
	u.find = newFindBar(u)
	u.libp = newLibraryPanel(u)
	u.annp = newAnnotationsPanel(u)
	u.card = newPaperCard(u)
	u.appr = newAppraisalPanel(u)
	u.status = newStatusBar()
	u.opening = newOpeningView(u)
	u.empty = newEmptyView(u)

	readerCol := container.NewBorder(u.find.box, nil, nil, nil,
		container.NewStack(u.views.box, u.empty.box, u.opening.box))
	u.right = newRightTabs(u)
	u.inner = container.NewHSplit(readerCol, u.right)
	readerShare := 0.68
	if u.prefs.windowSize().Width < 1100 {
		readerShare = 0.6 // a narrow window still needs room for the checklist
	}
	u.inner.SetOffset(u.prefs.split(prefReaderSplit, readerShare))
	u.outer = container.NewHSplit(u.libp.box, u.inner)
	u.outer.SetOffset(u.prefs.split(prefLibSplit, 0.21))
	u.centre = container.NewStack()
	u.setLibraryVisible(!u.prefs.libraryHidden())

	w.SetContent(container.NewBorder(u.toolbar.box, u.status.box, nil, nil, u.centre))
	w.SetMainMenu(u.mainMenu())
	w.SetOnDropped(u.dropped)
	w.Canvas().SetOnTypedKey(u.canvasKey)
	w.SetCloseIntercept(u.quit)
	u.showPaper(nil)
	u.loadTags()
	u.refreshPapers()
	return u
}

// setLibraryVisible shows or hides the library panel.
func (u *appUI) setLibraryVisible(show bool) {
	u.views.libraryMadeRoom = false // the user's own choice from now on
	u.showLibrary(show)
	u.prefs.setLibraryHidden(!show)
}

// showLibrary shows or hides the library list without remembering it.
func (u *appUI) showLibrary(show bool) {
	if show {
		u.outer.Trailing = u.inner
		u.centre.Objects = []fyne.CanvasObject{u.outer}
		u.outer.Refresh()
	} else {
		u.centre.Objects = []fyne.CanvasObject{u.inner}
	}
	u.centre.Refresh()
}

func (u *appUI) libraryVisible() bool {
	return len(u.centre.Objects) == 1 && u.centre.Objects[0] == u.outer
}

// applyTheme applies the theme and text size from Preferences.
func (u *appUI) applyTheme() {
	u.app.Settings().SetTheme(&appTheme{variant: u.prefs.theme(), scale: float32(u.prefs.textScale())})
	if u.reader != nil {
		u.reader.themeChanged()
		u.pv.Refresh()
	}
}

// title is the window title for the open paper.
func (u *appUI) title() string {
	if u.cur == nil {
		return "Appraise"
	}
	return "Appraise — " + paperTitle(u.cur.paper)
}

func paperTitle(p appraise.Paper) string {
	if p.Meta.Title != "" {
		return p.Meta.Title
	}
	if p.Path != "" {
		return baseName(p.Path)
	}
	return "Untitled paper"
}

// showPaper puts an opened paper (or none) on screen.
func (u *appUI) showPaper(c *current) {
	u.cur = c
	u.hist.reset()
	u.selAnn = ""
	u.win.SetTitle(u.title())
	if c == nil {
		u.reader.setDocument(nil, 0)
		u.pv.setPaper(nil)
		u.setView(viewText, false)
		u.reader.Hide()
		u.empty.show()
		u.annp.setPaper(nil)
		u.card.setPaper(nil)
		u.appr.setPaper(nil)
		u.status.setPaper("")
		u.find.close()
		u.toolbar.refresh()
		return
	}
	u.empty.hide()
	u.libp.list.Refresh() // moves the current-paper mark
	u.reader.Show()
	u.reader.setDocument(c.v, c.paper.ReadingPos)
	u.reader.setTags(u.tags)
	u.reader.setMarks(buildMarks(c.v, u.shown()))
	u.pv.setPaper(c)
	u.pv.setMarks(buildPageMarks(c.v, u.shown()))
	u.annp.setPaper(c)
	u.card.setPaper(&c.paper)
	u.appr.setPaper(c)
	u.status.setPaper(u.paperStatus())
	u.find.close()
	u.toolbar.refresh()
	u.setView(viewModeOf(c.paper.View), false)
}

// paperStatus describes the open paper for the status bar: facts first,
// then the title, so a long title is what the ellipsis cuts.
func (u *appUI) paperStatus() string {
	c := u.cur
	pages := c.paper.Pages
	if pages == 0 {
		pages = len(c.v.doc.Pages)
	}
	s := fmt.Sprintf("%d pages", pages)
	if c.fromCache {
		s += " · from the library"
	} else {
		s += fmt.Sprintf(" · extracted in %s", millis(c.extractMS))
	}
	return s + " · " + paperTitle(c.paper)
}

func millis(ms int64) string {
	if ms < 1000 {
		return fmt.Sprintf("%d ms", ms)
	}
	return fmt.Sprintf("%.1f s", float64(ms)/1000)
}

// annotationsChanged redraws everything that shows the open paper's
// annotations.
func (u *appUI) annotationsChanged() {
	if u.cur == nil {
		return
	}
	u.reader.setMarks(buildMarks(u.cur.v, u.shown()))
	u.pv.setMarks(buildPageMarks(u.cur.v, u.shown()))
	u.annp.setPaper(u.cur)
	u.appr.annotationsChanged()
	u.toolbar.refresh()
}

// apply mirrors a committed change in the open paper's annotations.
func (u *appUI) apply(paper appraise.PaperID, ch change) {
	if u.cur == nil || u.cur.paper.ID != paper {
		return
	}
	anns := u.cur.anns
	if ch.removed != "" {
		for i := range anns {
			if anns[i].ID == ch.removed {
				anns = append(anns[:i:i], anns[i+1:]...)
				break
			}
		}
		if u.selAnn == ch.removed {
			u.selAnn = ""
		}
	}
	if ch.put != nil {
		found := false
		for i := range anns {
			if anns[i].ID == ch.put.ID {
				anns[i] = *ch.put
				found = true
				break
			}
		}
		if !found {
			anns = insertByStart(anns, *ch.put)
		}
	}
	u.cur.anns = anns
	u.annotationsChanged()
}

// insertByStart inserts a keeping anns in text order.
func insertByStart(anns []appraise.Annotation, a appraise.Annotation) []appraise.Annotation {
	i := len(anns)
	for i > 0 && anns[i-1].Anchor.Start > a.Anchor.Start {
		i--
	}
	anns = append(anns, appraise.Annotation{})
	copy(anns[i+1:], anns[i:])
	anns[i] = a
	return anns
}

// trace writes a timing line when Config.Trace is set.
func (u *appUI) trace(format string, args ...any) {
	if u.cfg.Trace != nil {
		fmt.Fprintf(u.cfg.Trace, "trace: "+format+"\n", args...)
	}
}
