package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// picoSection is the structured PICO: the population in fields (n, age,
// sex, diagnosis, setting, time window), intervention or exposure,
// comparator, outcomes and follow-up. "Fill from selected passage"
// proposes population fields from the quote, to accept or edit.
type picoSection struct {
	p        *appraisalPanel
	box      *fyne.Container
	fields   map[appraise.PICOField]*widget.Entry
	diag     *widget.Entry
	setting  *widget.Entry
	interv   *widget.Entry
	comp     *widget.Entry
	outcomes *widget.Entry
	saved    appraise.PICO
	autosave *debouncer
	filling  bool
}

func newPICOSection(p *appraisalPanel) *picoSection {
	s := &picoSection{p: p, fields: map[appraise.PICOField]*widget.Entry{}}
	s.autosave = newDebouncer(p.u, s.commit)
	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(ph)
		e.OnChanged = func(string) {
			if !s.filling {
				s.autosave.poke()
			}
		}
		return e
	}
	s.fields[appraise.FieldN] = entry("n = 3")
	s.fields[appraise.FieldAge] = entry("aged 24–36")
	s.fields[appraise.FieldSex] = entry("women")
	s.fields[appraise.FieldTimeWindow] = entry("postpartum, up to 24 months")
	s.fields[appraise.FieldFollowUp] = entry("12 months")
	s.diag = entry("Diagnosis")
	s.setting = entry("Setting")
	s.interv = entry("Intervention or exposure")
	s.comp = entry("Comparator, if any")
	s.outcomes = entry("Outcomes")
	fill := widget.NewButtonWithIcon("Fill from selected passage", theme.ContentPasteIcon(), p.u.proposePICO)
	s.box = container.NewVBox(fill, fields(
		"n", s.fields[appraise.FieldN],
		"Age", s.fields[appraise.FieldAge],
		"Sex", s.fields[appraise.FieldSex],
		"Diagnosis", s.diag,
		"Setting", s.setting,
		"Time window", s.fields[appraise.FieldTimeWindow],
		"Intervention", s.interv,
		"Comparator", s.comp,
		"Outcomes", s.outcomes,
		"Follow-up", s.fields[appraise.FieldFollowUp],
	))
	return s
}

func (s *picoSection) show(v appraise.PICO) {
	s.filling = true
	defer func() { s.filling = false }()
	s.autosave.cancel()
	s.saved = v
	pop := v.Population
	s.fields[appraise.FieldN].SetText(pop.N)
	s.fields[appraise.FieldAge].SetText(pop.Age)
	s.fields[appraise.FieldSex].SetText(pop.Sex)
	s.fields[appraise.FieldTimeWindow].SetText(pop.TimeWindow)
	s.fields[appraise.FieldFollowUp].SetText(v.FollowUp)
	s.diag.SetText(pop.Diagnosis)
	s.setting.SetText(pop.Setting)
	s.interv.SetText(v.Intervention)
	s.comp.SetText(v.Comparator)
	s.outcomes.SetText(v.Outcomes)
}

// current is the PICO as the form shows it.
func (s *picoSection) current() appraise.PICO {
	t := func(e *widget.Entry) string { return strings.TrimSpace(e.Text) }
	return appraise.PICO{
		Population: appraise.Population{N: t(s.fields[appraise.FieldN]), Age: t(s.fields[appraise.FieldAge]),
			Sex: t(s.fields[appraise.FieldSex]), Diagnosis: t(s.diag), Setting: t(s.setting),
			TimeWindow: t(s.fields[appraise.FieldTimeWindow])},
		Intervention: t(s.interv), Comparator: t(s.comp), Outcomes: t(s.outcomes),
		FollowUp: t(s.fields[appraise.FieldFollowUp]),
	}
}

func (s *picoSection) commit() {
	v := s.current()
	v.Modified = s.saved.Modified
	if v == s.saved {
		return
	}
	s.saved = v
	paper := s.p.paper
	s.p.write(func(lib Library) error {
		_, err := lib.SavePICO(paper, v)
		return err
	}, nil)
}

func (s *picoSection) flush() { s.autosave.flush() }

// proposePICO reads population fields from the selected annotation and
// asks which to fill.
func (u *appUI) proposePICO() {
	if u.cur == nil {
		return
	}
	a, ok := u.target()
	if !ok && u.whenSaved(u.proposePICO) {
		return
	}
	if !ok {
		u.status.message("Select a tagged passage (a population, say) first, then Fill from selected passage.")
		return
	}
	paper, id := u.cur.paper.ID, a.ID
	u.bg.spawn(func() {
		props, err := u.lib.ProposePICO(id)
		u.post(func() {
			if u.cur == nil || u.cur.paper.ID != paper {
				return
			}
			if err != nil {
				u.showError("Cannot read the passage", err)
				return
			}
			u.showPICOProposals(props)
		})
	})
}

// showPICOProposals lets the user accept, edit or refuse each proposal.
func (u *appUI) showPICOProposals(props []appraise.PICOProposal) {
	s := u.appr.pico
	if len(props) == 0 {
		u.status.message("Nothing in that passage reads as a number, an age or a time window.")
		return
	}
	items := []*widget.FormItem{}
	type choice struct {
		field appraise.PICOField
		use   *widget.Check
		value *escEntry
	}
	var cs []choice
	for _, pr := range props {
		if s.fields[pr.Field] == nil {
			continue
		}
		e := newEscEntry(u)
		e.SetText(pr.Value)
		use := widget.NewCheck("", nil)
		use.SetChecked(true)
		cs = append(cs, choice{pr.Field, use, e})
		items = append(items, widget.NewFormItem(picoFieldName(pr.Field), container.NewBorder(nil, nil, use, nil, e)))
	}
	d := dialog.NewForm("Fill from the passage", "Fill", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		for _, c := range cs {
			if c.use.Checked {
				s.fields[c.field].SetText(strings.TrimSpace(c.value.Text))
			}
		}
		s.flush()
		u.showTab(tabAppraisal)
	}, u.win)
	d.Resize(fyne.NewSize(min(480, u.win.Canvas().Size().Width*0.9), 0))
	u.present(d)
}

func picoFieldName(f appraise.PICOField) string {
	switch f {
	case appraise.FieldN:
		return "n"
	case appraise.FieldAge:
		return "Age"
	case appraise.FieldSex:
		return "Sex"
	case appraise.FieldTimeWindow:
		return "Time window"
	case appraise.FieldFollowUp:
		return "Follow-up"
	}
	return string(f)
}
