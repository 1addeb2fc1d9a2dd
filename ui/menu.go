package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// mainMenu builds the menu bar. App-wide shortcuts live on its items:
// Fyne fires those whatever has the keyboard focus, even a text box.
func (u *appUI) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, mod fyne.KeyModifier, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		}
		return it
	}
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range u.prefs.recent() {
		path := p
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(baseName(path)+"  —  "+shortDir(path), func() {
			if _, err := os.Stat(path); err != nil {
				u.showError("Cannot open "+baseName(path), err)
				return
			}
			u.openPath(path, "")
		}))
	}
	if len(recent.ChildMenu.Items) == 0 {
		none := fyne.NewMenuItem("No recent files", nil)
		none.Disabled = true
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, none)
	}
	quit := item("Quit", fyne.KeyQ, ctrl, u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Open…", fyne.KeyO, ctrl, u.showOpenDialog),
		recent,
		fyne.NewMenuItemSeparator(),
		item("Export…", fyne.KeyE, ctrl, u.showExport),
		item("Export Library…", fyne.KeyE, ctrl|fyne.KeyModifierShift, u.showExportLibrary),
		item("Export Annotated PDF…", "", 0, u.showExportPDF),
		item("Export Bundle…", "", 0, u.showExportBundle),
		item("Import Annotations…", fyne.KeyI, ctrl, u.showImportBundle),
		item("Import Checklist…", "", 0, u.showImportChecklist),
		fyne.NewMenuItemSeparator(),
		item("Remove from Library…", "", 0, u.confirmRemovePaper),
		item("Trash…", "", 0, u.showTrash),
		fyne.NewMenuItemSeparator(),
		item("Preferences…", fyne.KeyComma, ctrl, u.showPreferences),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	undo := fyne.NewMenuItem("Undo", u.menuUndo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := item("Redo", fyne.KeyZ, ctrl|fyne.KeyModifierShift, u.menuRedo)
	edit := fyne.NewMenu("Edit",
		undo, redo,
		fyne.NewMenuItemSeparator(),
		item("Find in Paper", fyne.KeyF, ctrl, func() { u.find.open() }),
		item("Note…", "", 0, u.editNote),
		item("Link to Checklist Item", "", 0, u.linkSelection),
		item("Limits Claim…", "", 0, func() { u.chooseLink(appraise.LinkLimits) }),
		item("About Population…", "", 0, func() { u.chooseLink(appraise.LinkAbout) }),
		item("Remove Annotation", "", 0, u.deleteTarget),
		item("Copy Selected Text", "", 0, u.copySelection),
	)
	view := fyne.NewMenu("View",
		item("Text, Page, Side by Side (v)", "", 0, u.cycleView),
		item("Show on Page (g)", "", 0, u.showOnPage),
		item("Zoom Pages In (+)", "", 0, func() { u.pv.stepZoom(1) }),
		item("Zoom Pages Out (-)", "", 0, func() { u.pv.stepZoom(-1) }),
		item("Fit Page Width", "", 0, func() { u.pv.setZoom(1) }),
		fyne.NewMenuItemSeparator(),
		item("Show or Hide Library", fyne.KeyL, ctrl, func() { u.setLibraryVisible(!u.libraryVisible()) }),
		item("Larger Text", fyne.KeyEqual, ctrl, func() { u.stepTextSize(1) }),
		item("Smaller Text", fyne.KeyMinus, ctrl, func() { u.stepTextSize(-1) }),
		item("Light or Dark Theme", fyne.KeyT, ctrl|fyne.KeyModifierShift, u.toggleTheme),
		fyne.NewMenuItemSeparator(),
		u.authorsMenu(),
		u.practiceItem(),
		item("Compare with…", fyne.KeyK, ctrl, u.chooseKey),
	)
	help := fyne.NewMenu("Help",
		item("Keyboard Shortcuts", "", 0, u.showKeys),
		item("About Appraise", "", 0, u.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// menuUndo undoes in a focused text box, else the last annotation edit.
func (u *appUI) menuUndo() {
	if e, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok && isTextBox(e) {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.undo()
}

func (u *appUI) menuRedo() {
	if e, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok && isTextBox(e) {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	u.redo()
}

// isTextBox reports whether o is a text entry (with its own undo).
func isTextBox(o any) bool {
	switch o.(type) {
	case *widget.Entry, *noteEntry, *findEntry, *escEntry, *itemEntry:
		return true
	}
	return false
}

// shortDir is path's folder, home shown as ~.
func shortDir(path string) string {
	dir := filepath.Dir(path)
	if home, err := os.UserHomeDir(); err == nil && home != "" && len(dir) >= len(home) && dir[:len(home)] == home {
		return "~" + dir[len(home):]
	}
	return dir
}

// stepTextSize makes text one step larger (1) or smaller (-1).
func (u *appUI) stepTextSize(d int) {
	cur := u.prefs.textScale()
	i := 0
	for k, s := range textScales {
		if s <= cur+1e-6 {
			i = k
		}
	}
	i = max(0, min(i+d, len(textScales)-1))
	u.prefs.setTextScale(textScales[i])
	u.applyTheme()
}

// toggleTheme switches between light and dark.
func (u *appUI) toggleTheme() {
	if isDark(u.app.Settings().Theme()) {
		u.prefs.setTheme(themeLight)
	} else {
		u.prefs.setTheme(themeDark)
	}
	u.applyTheme()
}

func (u *appUI) showAbout() {
	v := u.cfg.Version
	if v == "" {
		v = "development build"
	}
	u.present(dialog.NewInformation("About Appraise",
		"Appraise "+v+"\nRead research papers; tag who was studied, what is claimed\nand what the paper cannot show. Works offline.", u.win))
}
