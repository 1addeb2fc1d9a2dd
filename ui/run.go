package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// AppID is the application ID, as in FyneApp.toml.
const AppID = "app.appraise.desktop"

// Config is what cmd/appraise hands the GUI.
type Config struct {
	Library Library
	Version string
	Icon    fyne.Resource
	// OpenPath is a PDF to open at start, or empty.
	OpenPath string
	// Demo, when set, writes the bundled demo paper somewhere readable and
	// returns its path; the GUI offers it when the library is empty.
	Demo func() (string, error)
	// Trace, when set, receives timing lines (time to first text,
	// keypress to "Saved").
	Trace io.Writer
	// Now replaces time.Now, for tests.
	Now func() time.Time
}

// Run opens the main window and blocks until the user quits. Before it
// returns, every edit has been committed and the reading position saved.
func Run(cfg Config) error {
	// A plain `go build` does not read FyneApp.toml, so give Fyne its
	// metadata here: the ID (for preferences), and the fyneDo migration,
	// under which Fyne checks that widgets are only touched on the UI
	// goroutine.
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
	w := a.NewWindow("Appraise")
	w.SetMaster()
	u := newAppUI(a, w, cfg, fyne.Do)
	w.Resize(u.prefs.windowSize())
	u.start()
	w.ShowAndRun()
	u.shutdown()
	return nil
}
