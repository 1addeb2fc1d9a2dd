package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// levelSection shows the Oxford CEBM 2011 level proposed from the design
// and lets the user override it, with a reason (saved only with one).
type levelSection struct {
	p        *appraisalPanel
	box      *fyne.Container
	proposed *widget.Label
	choice   *widget.Select
	reason   *widget.Entry
	hint     *widget.Label
	view     appraise.LevelView
	autosave *debouncer
	filling  bool
}

const proposedChoice = "As proposed"

func newLevelSection(p *appraisalPanel) *levelSection {
	s := &levelSection{p: p}
	s.autosave = newDebouncer(p.u, s.commit)
	s.proposed = widget.NewLabel("")
	s.proposed.Wrapping = fyne.TextWrapWord
	s.choice = widget.NewSelect([]string{proposedChoice, "Level 1", "Level 2", "Level 3", "Level 4", "Level 5"}, func(string) {
		if !s.filling {
			s.changed()
			s.autosave.flush()
		}
	})
	s.reason = widget.NewEntry()
	s.reason.SetPlaceHolder("Why another level?")
	s.reason.OnChanged = func(string) {
		if !s.filling {
			s.changed()
		}
	}
	s.hint = widget.NewLabel("")
	s.hint.Importance = widget.WarningImportance
	s.hint.Wrapping = fyne.TextWrapWord
	s.box = container.NewVBox(s.proposed, fields("Level", s.choice, "Reason", s.reason), s.hint)
	return s
}

func (s *levelSection) show(v appraise.LevelView, design appraise.StudyDesign) {
	s.filling = true
	defer func() { s.filling = false }()
	s.view = v
	d := "no design recorded (Paper tab)"
	if design != appraise.DesignUnset {
		d = "a " + string(design)
	}
	if v.Proposed > 0 {
		setText(s.proposed, fmt.Sprintf("Proposed for %s: %s, Oxford CEBM 2011.", d, instrument.LevelText(v.Proposed)))
	} else {
		setText(s.proposed, "No level proposed for "+d+".")
	}
	s.choice.SetSelectedIndex(int(v.Override.Level))
	s.reason.SetText(v.Override.Reason)
	s.hint.Hide()
}

func (s *levelSection) chosen() appraise.EvidenceLevel {
	if i := s.choice.SelectedIndex(); i > 0 {
		return appraise.EvidenceLevel(i)
	}
	return 0
}

func (s *levelSection) changed() {
	if s.chosen() != 0 && strings.TrimSpace(s.reason.Text) == "" {
		s.hint.SetText("Give a reason to override the proposed level; it is saved with one.")
		s.hint.Show()
		s.autosave.cancel()
		return
	}
	s.hint.Hide()
	s.autosave.poke()
}

func (s *levelSection) commit() {
	level, reason := s.chosen(), strings.TrimSpace(s.reason.Text)
	if level == 0 {
		reason = ""
	}
	if level == s.view.Override.Level && reason == s.view.Override.Reason {
		return
	}
	s.view.Override = appraise.LevelChoice{Level: level, Reason: reason}
	paper := s.p.paper
	s.p.write(func(lib Library) error {
		_, err := lib.SetLevel(paper, level, reason)
		return err
	}, nil)
}

func (s *levelSection) flush() { s.autosave.flush() }
