package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showPreferences edits the author name, theme and text size.
func (u *appUI) showPreferences() {
	author := newEscEntry(u)
	author.SetText(u.prefs.author())
	author.SetPlaceHolder("Stored on each annotation you make")
	themes := []string{"Follow the system", "Light", "Dark"}
	themeValues := []string{themeSystem, themeLight, themeDark}
	th := widget.NewRadioGroup(themes, nil)
	th.Horizontal = true
	th.SetSelected(themes[indexOf(themeValues, u.prefs.theme())])
	var sizes []string
	for _, s := range textScales {
		sizes = append(sizes, fmt.Sprintf("%d%%", int(s*100+0.5)))
	}
	size := widget.NewSelect(sizes, nil)
	size.SetSelectedIndex(indexOf(textScales, u.prefs.textScale()))
	d := dialog.NewForm("Preferences", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Your name", author),
		widget.NewFormItem("Theme", th),
		widget.NewFormItem("Text size", size),
	}, func(ok bool) {
		if !ok {
			u.reader.requestFocus()
			return
		}
		u.setAuthor(author.Text)
		u.prefs.setTheme(themeValues[indexOf(themes, th.Selected)])
		if i := size.SelectedIndex(); i >= 0 {
			u.prefs.setTextScale(textScales[i])
		}
		u.applyTheme()
		u.reader.requestFocus()
	}, u.win)
	d.Resize(fyne.NewSize(min(560, u.win.Canvas().Size().Width*0.95), 0))
	u.present(d)
}
