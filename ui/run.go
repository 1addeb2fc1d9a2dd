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

	"appraise.app/appraise/internal/appraise"
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
	// DemoID is the paper id of the bundled demo paper, marked as the demo
	// in the library list; empty when there is none.
	DemoID appraise.PaperID
	// Raise, when set, receives a value each time another Appraise on
	// the same library is started: the window comes to the front, and a
	// non-empty value is a PDF to open. Closing it stops the listening.
	Raise <-chan string
	// Now replaces time.Now, for tests.
	Now func() time.Time
	// Open, used when Library is nil, opens the library while the window
	// shows that it is opening, with progress when a damaged library is
	// being recovered (progress goes from 0 to 1); it fills Library and
	// the other fields that depend on the library (Notice, LaterNotice,
	// OpenPath) in the Config it is given. It runs off the UI goroutine.
	Open func(progress func(float64), cfg *Config) error
}

// Run opens the main window and blocks until the user quits. Before it
// returns, every edit has been committed and the reading position saved.
func Run(cfg Config) error {
	if cfg.Library == nil && cfg.Open == nil {
		return errors.New("ui.Run needs a library")
	}
	a := newApp(cfg)
	w := a.NewWindow("Appraise")
	w.SetMaster()
	w.Resize(settings{a.Preferences()}.windowSize())
	var u *appUI
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	begin := func(cfg Config) {
		u = newAppUI(a, w, cfg, fyne.Do)
		u.start()
		if cfg.Trace != nil {
			go u.probeLatency(ctx, 5*time.Millisecond, time.Second)
		}
	}
	var openErr error
	opened := make(chan struct{})
	if cfg.Library != nil {
		close(opened)
		begin(cfg)
	} else {
		go func() {
			defer close(opened)
			var c Config
			c, openErr = openLibrary(a, w, cfg, fyne.Do)
			if openErr == nil {
				fyne.Do(func() { begin(c) })
			}
		}()
	}
	w.ShowAndRun()
	// A library still being recovered when the window closed is let
	// finish: the recovery writes the library file.
	<-opened
	if u != nil {
		u.shutdown()
	}
	return openErr
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
	w.SetContent(errorContent(a, title, err))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}

// errorContent says in a window why Appraise cannot go on, with Quit.
func errorContent(a fyne.App, title string, err error) fyne.CanvasObject {
	msg := widget.NewLabel(sentence(err))
	msg.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	return container.NewPadded(container.NewBorder(head, container.NewHBox(layout.NewSpacer(), quit), nil, nil, msg))
}
