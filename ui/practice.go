package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// Practice mode: a trainee reads a paper the club's lead has already
// appraised without seeing the lead's (or anyone else's) annotations, then
// chooses Compare with… and picks the key. Which papers are in practice
// is kept in the preferences, so reopening a paper keeps the key hidden;
// comparing reveals the others for the rest of the session.

// prefPractice lists the papers opened for practice.
const prefPractice = "practice_papers"

func (s settings) practicePapers() []string { return s.p.StringList(prefPractice) }

func (s settings) setPractice(id appraise.PaperID, on bool) {
	ids := slices.DeleteFunc(s.practicePapers(), func(x string) bool { return x == string(id) })
	if on {
		ids = append(ids, string(id))
	}
	s.p.SetStringList(prefPractice, ids)
}

// practising reports whether the open paper's other readings are hidden.
func (u *appUI) practising() bool {
	return u.cur != nil && !u.revealed[u.cur.paper.ID] && slices.Contains(u.prefs.practicePapers(), string(u.cur.paper.ID))
}

// togglePractice is View → Practice Mode.
func (u *appUI) togglePractice() {
	if u.cur == nil {
		u.status.message("Open a paper to practise on it.")
		return
	}
	id := u.cur.paper.ID
	on := !slices.Contains(u.prefs.practicePapers(), string(id))
	u.prefs.setPractice(id, on)
	delete(u.revealed, id)
	u.annotationsChanged()
	u.win.SetMainMenu(u.mainMenu())
	if on {
		u.status.message("Practice mode: only your own annotations show until you compare (View → Compare with…).")
	} else {
		u.status.message("Practice mode off: everyone's annotations show.")
	}
}

// chooseKey is View → Compare with…: pick the key among the paper's other
// authors, then compare.
func (u *appUI) chooseKey() {
	if u.cur == nil {
		u.status.message("Open a paper to compare readings of it.")
		return
	}
	others := u.otherAuthors()
	if len(others) == 0 {
		dialog.ShowInformation("Compare with…", "Nobody else has annotated this paper in your library yet. "+
			"Import the lead’s bundle (File → Import Annotations…), then compare.", u.win)
		return
	}
	labels := make([]string, len(others))
	for i, n := range others {
		labels[i] = authorName(n)
	}
	pick := widget.NewRadioGroup(labels, nil)
	pick.SetSelected(labels[0])
	d := dialog.NewCustomWithoutButtons("Compare your reading with…", pick, u.win)
	compare := newKeyButton("Compare", func() {
		d.Hide()
		if i := slices.Index(labels, pick.Selected); i >= 0 {
			u.compareWith(others[i])
		}
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide(); u.reader.requestFocus() })
	d.SetButtons([]fyne.CanvasObject{cancel, compare})
	d.Show()
	u.win.Canvas().Focus(compare)
}

// compareWith measures the user's reading of the open paper against key's
// in the background and shows the result; it reveals the others' readings.
func (u *appUI) compareWith(key string) {
	paper := u.cur.paper.ID
	me := u.prefs.author()
	u.status.message("Comparing…")
	u.bg.spawn(func() {
		f, err := u.lib.Compare(paper, key, me)
		u.post(func() {
			u.status.message("")
			if err != nil {
				u.showError("Cannot compare", err)
				return
			}
			if u.revealed == nil {
				u.revealed = map[appraise.PaperID]bool{}
			}
			u.revealed[paper] = true
			u.annotationsChanged()
			u.appr.load() // the members' appraisals show now
			u.showComparison(f)
		})
	})
}
