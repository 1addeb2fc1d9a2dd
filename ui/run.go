package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
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
}

// Run opens the main window and blocks until the user quits.
func Run(cfg Config) error {
	a := app.NewWithID(AppID)
	if cfg.Icon != nil {
		a.SetIcon(cfg.Icon)
	}
	w := a.NewWindow("Appraise")
	w.SetContent(widget.NewLabel("Appraise"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return nil
}
