package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// openPath opens the PDF at path (with a password, after the user gave
// one) off the UI goroutine.
func (u *appUI) openPath(path, password string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	u.beginOpen(baseName(path), path, func(ctx context.Context) (appraise.OpenedPaper, error) {
		return u.lib.Open(ctx, path, password)
	}, nil)
}

// openKnown opens a paper from the library; then, when set, runs once the
// paper is on screen (to jump to an annotation).
func (u *appUI) openKnown(id appraise.PaperID, label string, then func()) {
	if u.cur != nil && u.cur.paper.ID == id {
		if then != nil {
			then()
		}
		return
	}
	u.beginOpen(label, "", func(ctx context.Context) (appraise.OpenedPaper, error) {
		return u.lib.OpenKnown(ctx, id)
	}, then)
}

// beginOpen shows the progress view and runs open in the background. A
// newer open, or Cancel, makes the result of this one be dropped.
func (u *appUI) beginOpen(label, path string, open func(context.Context) (appraise.OpenedPaper, error), then func()) {
	if u.cancelOp != nil {
		u.cancelOp()
	}
	u.openSeq++
	seq := u.openSeq
	ctx, cancel := context.WithCancel(context.Background())
	u.cancelOp = cancel
	u.openStart = time.Now()
	u.opening.show(label)
	u.status.message("Opening " + label + "…")
	u.bg.spawn(func() {
		op, err := open(ctx)
		var v *docView
		if err == nil {
			v = newDocView(op.Doc)
		}
		u.post(func() {
			if seq != u.openSeq {
				return
			}
			cancel()
			u.cancelOp = nil
			u.opening.hide()
			if err != nil {
				u.openFailed(label, path, err)
				return
			}
			u.opened(op, v)
			if then != nil {
				then()
			}
		})
	})
}

// cancelOpen stops the open in progress; its result, if it still comes,
// is dropped.
func (u *appUI) cancelOpen() {
	if u.cancelOp == nil {
		return
	}
	u.cancelOp()
	u.cancelOp = nil
	u.openSeq++
	u.opening.hide()
	u.status.message(sentence(appraise.ErrExtractionCancelled))
}

// opened shows a paper the library opened.
func (u *appUI) opened(op appraise.OpenedPaper, v *docView) {
	u.flushEdits()
	u.status.message("")
	c := &current{paper: op.Paper, v: v, anns: op.Annotations, fromCache: op.FromCache, extractMS: op.ExtractMillis}
	u.showPaper(c)
	if op.Paper.Path != "" {
		u.prefs.addRecent(op.Paper.Path)
		u.win.SetMainMenu(u.mainMenu())
	}
	u.refreshPapers()
	u.trace("opened %q: %d blocks, %d annotations, extraction %d ms, cached %v, %d ms after choosing it",
		paperTitle(op.Paper), len(v.blocks), len(op.Annotations), op.ExtractMillis, op.FromCache,
		time.Since(u.openStart).Milliseconds())
}

// firstText is called when the reader first draws text of a new paper.
func (u *appUI) firstText() {
	if !u.openStart.IsZero() {
		u.trace("first text %d ms after choosing the file", time.Since(u.openStart).Milliseconds())
		u.traceMemory("with the paper open")
	}
}

// openFailed tells the user why a paper did not open, and asks for a
// password when one could help.
func (u *appUI) openFailed(label, path string, err error) {
	switch {
	case cancelled(err):
		u.status.message(sentence(appraise.ErrExtractionCancelled))
	case needsPassword(err) && path != "":
		u.status.message("")
		u.askPassword(label, path, errors.Is(err, appraise.ErrWrongPassword))
	default:
		u.status.message("")
		u.showError("Cannot open "+label, err)
	}
}

// showError shows err's sentence in a dialog.
func (u *appUI) showError(title string, err error) {
	msg := widget.NewLabel(sentence(err))
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewGridWrap(fyne.NewSize(420, msg.MinSize().Height*3), msg)
	d := dialog.NewCustom(title, "OK", box, u.win)
	d.SetOnClosed(u.reader.requestFocus)
	u.present(d)
}

// askPassword asks for the password of an encrypted PDF and tries again.
func (u *appUI) askPassword(label, path string, wrong bool) {
	pw := newEscEntry(u)
	pw.Password = true
	text := "“" + label + "” is encrypted. Enter its password to open it."
	if wrong {
		text = "That password does not open “" + label + "”. Try again."
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Password needed", "Open", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("", msg), widget.NewFormItem("Password", pw)},
		func(ok bool) {
			if ok {
				u.openPath(path, pw.Text)
				return
			}
			// Cancel: the paper on screen, if any, stays as it was.
			u.status.message("")
			u.reader.requestFocus()
		}, u.win)
	d.Resize(fyne.NewSize(460, 220))
	pw.OnSubmitted = func(string) { d.Submit() }
	u.present(d)
	u.status.message(text)
	u.win.Canvas().Focus(pw)
}

// showOpenDialog is File → Open….
func (u *appUI) showOpenDialog() {
	u.chooseFile("Cannot open the file", []string{".pdf", ".PDF"}, func(path string, r fyne.URIReadCloser) {
		r.Close()
		u.openPath(path, "")
	})
}

// chooseFile shows Fyne's file dialog on the files with one of exts, in
// the last folder used, and hands the chosen file's path and open reader
// to then (which closes it); a failure is shown under errTitle.
func (u *appUI) chooseFile(errTitle string, exts []string, then func(path string, r fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(errTitle, err)
			return
		}
		if r != nil {
			then(r.URI().Path(), r)
		}
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir := u.lastFolder(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(u.dialogSize())
	u.present(d)
}

// lastFolder is the folder of the most recent file that still exists.
func (u *appUI) lastFolder() string {
	for _, p := range u.prefs.recent() {
		dir := filepath.Dir(p)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return ""
}

// dialogSize is a file dialog size that fits the window.
func (u *appUI) dialogSize() fyne.Size {
	s := u.win.Canvas().Size()
	return fyne.NewSize(min(900, s.Width*0.9), min(600, s.Height*0.85))
}

// openDemo writes the bundled demo paper out and opens it.
func (u *appUI) openDemo() {
	if u.cfg.Demo == nil {
		return
	}
	u.bg.spawn(func() {
		path, err := u.cfg.Demo()
		u.post(func() {
			if err != nil {
				u.showError("Cannot open the demo paper", err)
				return
			}
			u.openPath(path, "")
		})
	})
}

func baseName(path string) string { return filepath.Base(path) }

func isPDFName(path string) bool { return strings.EqualFold(filepath.Ext(path), ".pdf") }
