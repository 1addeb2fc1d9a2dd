package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// openLibrary runs cfg.Open (on the calling goroutine, which is not the
// UI's) while w says the library is opening, and shows how far the
// recovery of a damaged library has got. post runs functions on the UI
// goroutine (fyne.Do). It returns the filled Config, or the error, which
// then stays on screen with Quit.
func openLibrary(a fyne.App, w fyne.Window, cfg Config, post func(func())) (Config, error) {
	label := widget.NewLabel("Opening your library…")
	label.Alignment = fyne.TextAlignCenter
	label.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBar()
	bar.Hide()
	post(func() {
		w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 120), container.NewVBox(label, bar))))
	})
	c := cfg
	err := cfg.Open(func(f float64) {
		post(func() {
			if !bar.Visible() {
				label.SetText("Your library file is damaged. Appraise restored its newest backup and is now recovering what the damaged file still holds…")
				bar.Show()
			}
			bar.SetValue(min(max(f, 0), 1))
		})
	}, &c)
	if err != nil {
		post(func() { w.SetContent(errorContent(a, "Appraise cannot open its library", err)) })
	}
	return c, err
}
