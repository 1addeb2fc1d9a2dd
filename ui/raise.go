package ui

// Raising the window: a second Appraise started on the same library hands
// over to this one (cmd/appraise owns the local socket) and exits.

// forwardRaises passes each request received on raise to the UI goroutine
// through post, until raise is closed.
func forwardRaises(raise <-chan string, post func(func()), do func(path string)) {
	for path := range raise {
		post(func() { do(path) })
	}
}

// raise brings the window to the front and opens what the second
// Appraise was given, if anything: a PDF, or a bundle to import.
func (u *appUI) raise(path string) {
	u.win.Show()
	u.win.RequestFocus()
	switch {
	case path != "" && isBundleName(path):
		u.importBundle(path)
	case path != "":
		u.openPath(path, "")
	}
}
