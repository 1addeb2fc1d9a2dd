package ui

import (
	"context"
	"errors"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// AppID is the application ID, as in FyneApp.toml.
const AppID = "app.appraise.desktop"

// Config is what cmd/appraise hands the GUI.
type Config struct {
	Library Library
	Version string
	Icon    fyne.Resource
	// OpenPath is a PDF to open at start (or a .jsonld bundle to import),
	// or empty.
	OpenPath string
	// Demo, when set, writes the bundled demo paper somewhere readable and
	// returns its path; the GUI offers it when the library is empty.
	Demo func() (string, error)
	// Trace, when set, receives timing lines (time to first text,
	// keypress to "Saved").
	Trace io.Writer
	// Notice, when set, is shown in a dialog at start: what the library
	// had to tell the user on opening (a damaged file restored from its
	// backup, say).
	Notice string
	// LaterNotice, when set, is called off the UI goroutine as the window
	// opens; what it returns, if anything, is shown like Notice (the
	// library's start-up backup, which finishes in the background, reports
	// a failure this way).
	LaterNotice func() string
	// Now replaces time.Now, for tests.
	Now func() time.Time
}

// Run opens the main window and blocks until the user quits. Before it
// returns, every edit has been committed and the reading position saved.
func Run(cfg Config) error {
	if cfg.Library == nil {
		return errors.New("ui.Run needs a library")
	}
	a := newApp(cfg)
	w := a.NewWindow("Appraise")
	w.SetMaster()
	u := newAppUI(a, w, cfg, fyne.Do)
	w.Resize(u.prefs.windowSize())
	u.start()
	if cfg.Trace != nil {
		ctx, stop := context.WithCancel(context.Background())
		defer stop()
		go u.probeLatency(ctx, 5*time.Millisecond, time.Second)
	}
	w.ShowAndRun()
	u.shutdown()
	return nil
}

// newApp creates the Fyne app. A plain `go build` does not read
// FyneApp.toml, so Fyne gets its metadata here: the ID (for preferences)
// and the fyneDo migration, under which Fyne checks that widgets are only
// touched on the UI goroutine.
func newApp(cfg Config) fyne.App {
	app.SetMetadata(fyne.AppMetadata{
		ID:         AppID,
		Name:       "Appraise",
		Version:    cfg.Version,
		Build:      1,
		Icon:       cfg.Icon,
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := app.NewWithID(AppID)
	if cfg.Icon != nil {
		a.SetIcon(cfg.Icon)
	}
	return a
}

// RunError shows a window that says why Appraise cannot start (its
// library is locked or unreadable) and blocks until it is closed.
func RunError(cfg Config, title string, err error) {
	a := newApp(cfg)
	w := a.NewWindow("Appraise")
	msg := widget.NewLabel(sentence(err))
	msg.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(head, container.NewHBox(layout.NewSpacer(), quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}
