package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// linkKey links the reader's selection to the focused checklist item.
const linkKey = 'e'

// checklistSection is the instrument picker and one card per item. The
// focused item (the one last touched) is where the link key puts the
// reader's selection.
type checklistSection struct {
	p       *appraisalPanel
	box     *fyne.Container
	picker  *widget.Select
	summary *widget.Label
	source  *widget.Label
	items   *fyne.Container

	ins     []appraise.Instrument
	in      appraise.Instrument
	rows    []*itemView
	focus   int // item number, 0: none
	filling bool
}

func newChecklistSection(p *appraisalPanel) *checklistSection {
	s := &checklistSection{p: p}
	s.picker = widget.NewSelect(nil, s.pick)
	s.picker.PlaceHolder = "Choose a checklist"
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.source = widget.NewLabel("")
	s.source.Wrapping = fyne.TextWrapWord
	s.source.Importance = widget.LowImportance
	s.source.SizeName = theme.SizeNameCaptionText
	s.items = container.NewVBox()
	s.box = container.NewVBox(s.picker, s.summary, s.items, s.source)
	return s
}

// show fills the section with a checklist as loaded or as chosen.
func (s *checklistSection) show(ins []appraise.Instrument, v appraise.ChecklistView) {
	s.filling = true
	defer func() { s.filling = false }()
	if ins != nil {
		s.ins = ins
		var names []string
		for _, in := range ins {
			names = append(names, in.Name)
		}
		s.picker.SetOptions(names)
	}
	s.in = v.Instrument
	s.picker.SetSelected(v.Instrument.Name)
	s.flush()
	s.rows = nil
	s.items.Objects = nil
	for _, r := range v.Rows {
		iv := newItemView(s, v.Instrument, r)
		s.rows = append(s.rows, iv)
		s.items.Add(iv.box)
	}
	if s.item(s.focus) == nil {
		s.focus = 0
	}
	if v.Instrument.ID == "" {
		s.picker.ClearSelected()
	}
	s.items.Refresh()
	s.refreshFocus()
	s.refreshSummary()
}

// pick switches the paper to another instrument.
func (s *checklistSection) pick(name string) {
	if s.filling {
		return
	}
	i := slices.IndexFunc(s.ins, func(in appraise.Instrument) bool { return in.Name == name })
	if i < 0 || s.ins[i].ID == s.in.ID {
		return
	}
	s.flush()
	id, paper := s.ins[i].ID, s.p.paper
	var v appraise.ChecklistView
	s.p.write(func(lib Library) (err error) {
		v, err = lib.ChooseInstrument(paper, id)
		return err
	}, func() {
		s.focus = 0
		s.show(nil, v)
	})
}

func (s *checklistSection) item(n int) *itemView {
	for _, r := range s.rows {
		if r.row.Item.Number == n {
			return r
		}
	}
	return nil
}

// setFocus makes item n the one the link key links to.
func (s *checklistSection) setFocus(n int) {
	if s.focus == n {
		return
	}
	s.focus = n
	s.refreshFocus()
}

func (s *checklistSection) refreshFocus() {
	for _, r := range s.rows {
		r.setFocused(r.row.Item.Number == s.focus)
	}
}

func (s *checklistSection) refreshSummary() {
	answered, missing := 0, 0
	for _, r := range s.rows {
		if r.row.Answer.Answer != appraise.AnswerNone {
			answered++
		}
		if r.row.Answer.NotReported {
			missing++
		}
	}
	if s.in.ID == "" {
		setText(s.summary, "Record the study design in the Paper tab for the checklist that fits it, or choose one here.")
		setText(s.source, "")
		return
	}
	setText(s.summary, fmt.Sprintf("%d of %d answered · %d not reported. Click an item, select a passage and press %c to link it.",
		answered, len(s.rows), missing, linkKey))
	src := ""
	if s.in.Source != "" {
		src = "Source: " + s.in.Source
	}
	setText(s.source, src)
}

// commit saves item r's answer as the screen shows it.
func (s *checklistSection) commit(r *itemView) {
	a := r.row.Answer
	paper := s.p.paper
	s.p.write(func(lib Library) error {
		_, err := lib.AnswerItem(paper, a)
		return err
	}, nil)
	s.refreshSummary()
}

// flush saves comments still being typed.
func (s *checklistSection) flush() {
	for _, r := range s.rows {
		r.autosave.flush()
	}
}

// refreshEvidence redraws the evidence lists (an annotation was deleted,
// restored or edited).
func (s *checklistSection) refreshEvidence() {
	for _, r := range s.rows {
		r.showEvidence()
	}
}

// linkSelection is the link key: the annotation under the reader's
// selection becomes evidence for the focused item.
func (u *appUI) linkSelection() {
	s := u.appr.list
	if u.cur == nil || s.in.ID == "" {
		return
	}
	r := s.item(s.focus)
	if r == nil {
		u.showTab(tabAppraisal)
		u.status.message("Click a checklist item first, then select a passage and press e to link it.")
		return
	}
	a, ok := u.target()
	if !ok && u.whenSaved(u.linkSelection) {
		return
	}
	if !ok {
		u.status.message(fmt.Sprintf("Tag the passage first (p, c or l), then press e to link it to item %d.", s.focus))
		return
	}
	u.showTab(tabAppraisal)
	if slices.Contains(r.row.Answer.Evidence, a.ID) {
		u.status.message(fmt.Sprintf("That passage is already evidence for item %d.", s.focus))
		return
	}
	r.row.Answer.Evidence = append(slices.Clone(r.row.Answer.Evidence), a.ID)
	r.showEvidence()
	s.commit(r)
	u.status.message(fmt.Sprintf("Linked to item %d.", s.focus))
}

// itemView is one checklist item: its question, answer, "not reported",
// comment and evidence.
type itemView struct {
	s        *checklistSection
	row      appraise.ChecklistRow
	box      *fyne.Container
	mark     *canvas.Rectangle // the focus highlight
	light    *canvas.Circle    // the answer's traffic light
	text     *tapLabel
	hint     *widget.Label // what to look for; shown while the item is focused
	answer   *widget.Select
	answers  []appraise.Answer
	notRep   *widget.Check
	comment  *itemEntry
	evidence *fyne.Container
	autosave *debouncer
}

func newItemView(s *checklistSection, in appraise.Instrument, r appraise.ChecklistRow) *itemView {
	v := &itemView{s: s, row: r}
	n := r.Item.Number
	v.autosave = newDebouncer(s.p.u, func() { s.commit(v) })
	v.mark = canvas.NewRectangle(color.Transparent)
	v.mark.CornerRadius = theme.InputRadiusSize()
	v.light = canvas.NewCircle(color.Transparent)
	v.text = newTapLabel(fmt.Sprintf("%d. %s", n, r.Item.Text), func() { s.setFocus(n) })
	v.hint = widget.NewLabel(r.Item.Hint)
	v.hint.Wrapping = fyne.TextWrapWord
	v.hint.Importance = widget.LowImportance
	v.hint.SizeName = theme.SizeNameCaptionText
	v.hint.Hide()
	labels := []string{unsetChoice}
	v.answers = []appraise.Answer{appraise.AnswerNone}
	for _, o := range in.Answers {
		labels = append(labels, upperFirst(string(o.Answer)))
		v.answers = append(v.answers, o.Answer)
	}
	v.answer = widget.NewSelect(labels, nil)
	v.answer.SetSelectedIndex(indexOf(v.answers, r.Answer.Answer))
	v.answer.OnChanged = func(string) {
		s.setFocus(n)
		if i := v.answer.SelectedIndex(); i >= 0 && v.answers[i] != v.row.Answer.Answer {
			v.row.Answer.Answer = v.answers[i]
			v.showLight()
			s.commit(v)
		}
	}
	v.notRep = widget.NewCheck("Not reported", nil)
	v.notRep.SetChecked(r.Answer.NotReported)
	v.notRep.OnChanged = func(on bool) {
		s.setFocus(n)
		if on != v.row.Answer.NotReported {
			v.row.Answer.NotReported = on
			s.commit(v)
		}
	}
	v.comment = newItemEntry(func() { s.setFocus(n) }, s.p.u.reader.requestFocus)
	v.comment.SetPlaceHolder("Comment")
	v.comment.SetText(r.Answer.Comment)
	v.comment.OnChanged = func(t string) {
		s.setFocus(n)
		if t != v.row.Answer.Comment {
			v.row.Answer.Comment = t
			v.autosave.poke()
		}
	}
	v.evidence = container.NewVBox()
	light := container.NewGridWrap(fyne.NewSize(12, 12), v.light)
	head := container.NewBorder(nil, nil, container.NewCenter(light), nil, v.text)
	controls := container.NewBorder(nil, nil, nil, v.notRep, v.answer)
	inner := container.NewVBox(head, v.hint, controls, v.comment, v.evidence)
	v.box = container.NewStack(v.mark, container.NewPadded(inner))
	v.showLight()
	v.showEvidence()
	v.showComment(false)
	return v
}

func (v *itemView) setFocused(on bool) {
	c := color.Color(color.Transparent)
	if on {
		c = theme.Color(theme.ColorNameSelection)
	}
	v.mark.FillColor = c
	v.mark.Refresh()
	v.text.setBold(on)
	if on && v.hint.Text != "" {
		v.hint.Show()
	} else {
		v.hint.Hide()
	}
	v.showComment(on)
}

// showComment shows the comment box on the focused item and on items
// with a comment: unanswered items stay one question and one line of
// controls high.
func (v *itemView) showComment(focused bool) {
	if focused || v.row.Answer.Comment != "" {
		v.comment.Show()
	} else {
		v.comment.Hide()
	}
}

// showLight colours the traffic light by the answer's rating.
func (v *itemView) showLight() {
	v.light.FillColor = ratingColor(v.s.in.RatingOf(v.row.Answer.Answer))
	v.light.StrokeColor = theme.Color(theme.ColorNameDisabled)
	v.light.StrokeWidth = 1
	v.light.Refresh()
}

// ratingColor is the traffic light of a rating.
func ratingColor(r appraise.Rating) color.Color {
	switch r {
	case appraise.RatingGood:
		return parseHex("#27ae60")
	case appraise.RatingBad:
		return parseHex("#c0392b")
	case appraise.RatingUnclear:
		return parseHex("#e6a019")
	case appraise.RatingNotApplicable:
		return parseHex("#95a5a6")
	}
	return color.Transparent
}

// showEvidence lists the item's linked passages: a tap jumps to one, ×
// unlinks it; one whose annotation was deleted says so.
func (v *itemView) showEvidence() {
	u := v.s.p.u
	v.evidence.Objects = nil
	for _, id := range v.row.Answer.Evidence {
		text, live := v.s.p.evidenceText(id)
		var quote fyne.CanvasObject
		if live {
			quote = quoteLink(text, func() { u.jumpTo(id) })
		} else {
			l := widget.NewLabel(text)
			l.Importance = widget.WarningImportance
			l.Wrapping = fyne.TextWrapWord
			quote = l
		}
		unlink := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
			v.row.Answer.Evidence = slices.DeleteFunc(slices.Clone(v.row.Answer.Evidence), func(x string) bool { return x == id })
			v.showEvidence()
			v.s.commit(v)
		})
		unlink.Importance = widget.LowImportance
		v.evidence.Add(container.NewBorder(nil, nil, nil, unlink, quote))
	}
	v.evidence.Refresh()
}

// tapLabel is a wrapping label that runs a function when tapped.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(text string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped is part of fyne.Tappable.
func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTap() }

func (l *tapLabel) setBold(on bool) {
	if l.TextStyle.Bold != on {
		l.TextStyle.Bold = on
		l.Refresh()
	}
}

// itemEntry is a checklist item's comment box: focusing it focuses the
// item, and Esc hands the keys back to the reader (to select the passage
// that is the evidence, say).
type itemEntry struct {
	widget.Entry
	onFocus, onEscape func()
}

func newItemEntry(onFocus, onEscape func()) *itemEntry {
	e := &itemEntry{onFocus: onFocus, onEscape: onEscape}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(2)
	return e
}

// TypedKey gives the reader the keys back on Esc.
func (e *itemEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// FocusGained is part of fyne.Focusable.
func (e *itemEntry) FocusGained() {
	e.onFocus()
	e.Entry.FocusGained()
}
