package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// start does what the window should do as it first appears: open the PDF
// named on the command line, and ask once for the author name.
func (u *appUI) start() {
	if u.cfg.Raise != nil {
		go forwardRaises(u.cfg.Raise, u.post, u.raise)
	}
	switch p := u.cfg.OpenPath; {
	case p != "" && isBundleName(p):
		u.importBundle(p)
	case p != "":
		u.openPath(p, "")
	}
	u.startIndexing()
	if !u.prefs.authorAsked() {
		u.askAuthor(nil)
	}
	if u.cfg.Notice != "" {
		u.present(dialog.NewInformation("Your library", u.cfg.Notice, u.win))
	}
	if later := u.cfg.LaterNotice; later != nil {
		u.bg.spawn(func() {
			if msg := later(); msg != "" {
				u.post(func() { u.present(dialog.NewInformation("Your library", msg, u.win)) })
			}
		})
	}
}

// askAuthor asks for the name stored on each annotation, once; then runs
// next (if any) whatever the answer.
func (u *appUI) askAuthor(next func()) {
	e := newEscEntry(u)
	e.SetPlaceHolder("e.g. Dr A. Okafor")
	e.SetText(u.prefs.author())
	msg := widget.NewLabel("Appraise stores your name on each annotation, so a journal club can tell\nwhose reading is whose. You can change it later in Preferences.")
	d := dialog.NewCustomConfirm("Your name", "Save", "Skip", container.NewVBox(msg, e), func(ok bool) {
		if ok {
			u.setAuthor(e.Text)
		} else {
			u.setAuthor(u.prefs.author())
		}
		u.reader.requestFocus()
		if next != nil {
			next()
		}
	}, u.win)
	e.OnSubmitted = func(string) { d.Confirm() }
	u.present(d)
	u.win.Canvas().Focus(e)
}

// quit saves what the user would not want to lose and closes the app.
func (u *appUI) quit() {
	u.flushEdits()
	u.rememberWindow()
	u.app.Quit()
}

// rememberWindow stores the window size and panel widths.
func (u *appUI) rememberWindow() {
	u.prefs.setWindowSize(u.win.Canvas().Size())
	u.prefs.setSplit(prefLibSplit, u.outer.Offset)
	u.prefs.setSplit(prefReaderSplit, u.inner.Offset)
}

// flushEdits queues saves of a half-edited note, appraisal or paper card
// and of the reading position: switching papers, exporting and quitting
// must not lose them. The writes queue ahead of whatever is queued next
// (an export), so that sees them.
func (u *appUI) flushEdits() {
	u.annp.flushNote()
	if u.cur == nil {
		return
	}
	u.appr.flush()
	if u.card.flush() {
		return // the card's save carries the reading position
	}
	p := u.cur.paper
	p.ReadingPos = u.reader.topBlock()
	if !reflect.DeepEqual(p, u.cur.paper) {
		u.cur.paper = p
		u.savePaper(p, false)
	}
}

// shutdown runs after the event loop has stopped, also when it stopped
// on a signal rather than through quit: it saves a half-typed note, card
// edits and the reading position, and waits for every write to commit.
// Background tasks finish first: with the loop gone, what they post runs
// on their own goroutines.
func (u *appUI) shutdown() {
	if u.stopIndexing != nil {
		u.stopIndexing()
	}
	u.pv.stop()
	u.bg.waitIdle()
	u.flushEdits()
	u.bg.close()
}

// savePaper saves p in the background; loud says whether to report
// "Saved" in the status bar.
func (u *appUI) savePaper(p appraise.Paper, loud bool) {
	if loud {
		u.status.saving()
	}
	u.bg.write(func() {
		err := u.lib.SavePaper(p)
		u.post(func() {
			switch {
			case loud:
				u.saveDone(err)
			case err != nil:
				u.status.notSaved(sentence(err))
			}
			if err == nil {
				u.refreshPapers()
			}
		})
	})
}

// dropped opens the first PDF dropped on the window, or imports the
// first journal-club bundle (.jsonld).
func (u *appUI) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		switch {
		case uri.Scheme() != "file":
		case isPDFName(uri.Path()):
			u.openPath(uri.Path(), "")
			return
		case isBundleName(uri.Path()):
			u.importBundle(uri.Path())
			return
		}
	}
	if len(uris) > 0 {
		u.status.message("Only PDF files and annotation bundles (.jsonld) can be opened.")
	}
}
