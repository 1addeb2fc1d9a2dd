package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// membersSection is the Appraisal tab's "Club members" part: each other
// member's appraisal of the paper, as bundles brought it, read-only — the
// bottom line and every checklist answer, marked where it differs from
// the user's own. In practice mode it stays hidden until the trainee
// compares, like the members' annotations.
type membersSection struct {
	p    *appraisalPanel
	box  *fyne.Container
	item *widget.AccordionItem
	acc  *widget.Accordion // the tab's accordion, to open the item
	// opened lists the papers whose members' appraisals were opened once
	// by themselves; after that the user's open or closed choice stands.
	opened map[appraise.PaperID]bool
}

const membersTitle = "Club members' appraisals"

func newMembersSection(p *appraisalPanel) *membersSection {
	s := &membersSection{p: p, box: container.NewVBox(), opened: map[appraise.PaperID]bool{}}
	s.item = widget.NewAccordionItem(membersTitle, s.box)
	return s
}

// title counts the members' appraisals in the item's title.
func (s *membersSection) title(n int) {
	t := membersTitle
	if n > 0 {
		t += fmt.Sprintf(" · %d", n)
	}
	if s.item.Title != t {
		s.item.Title = t
		if s.acc != nil {
			s.acc.Refresh()
		}
	}
}

// show lists members (their appraisals of the paper) against own, the
// user's; ins resolves instrument ids to their items.
func (s *membersSection) show(ins []appraise.Instrument, own appraise.PaperAppraisal, members []appraise.PaperAppraisal) {
	s.box.RemoveAll()
	s.title(len(members))
	switch {
	case s.p.u.practising() && len(members) > 0:
		s.box.Add(lowLabel(fmt.Sprintf("%d %s hidden while you practise; View → Compare with… shows them.",
			len(members), plural(len(members), "member's appraisal", "members' appraisals"))))
		return
	case len(members) == 0:
		s.box.Add(lowLabel("No member's appraisal yet. Import a member's bundle (File → Import Annotations…) to see their checklist here."))
		return
	}
	for _, m := range members {
		s.box.Add(s.member(ins, own, m))
	}
	if paper := s.p.paper; !s.opened[paper] && s.acc != nil {
		s.opened[paper] = true
		for i, it := range s.acc.Items {
			if it == s.item {
				s.acc.Open(i)
			}
		}
	}
}

// member is one member's appraisal: name, bottom line, answers.
func (s *membersSection) member(ins []appraise.Instrument, own, m appraise.PaperAppraisal) fyne.CanvasObject {
	rows := container.NewVBox(bold(authorName(m.Author)))
	if bl := strings.TrimSpace(m.Card.BottomLine); bl != "" {
		rows.Add(wrapped("Bottom line: " + bl))
	}
	in, ok := memberInstrument(ins, m)
	if !ok {
		rows.Add(lowLabel("No checklist answered."))
		return rows
	}
	mine := own.Checklist(in.ID)
	theirs := m.Checklist(in.ID)
	answered, differ := 0, 0
	items := container.NewVBox()
	for _, it := range in.Items {
		a := theirs.Answer(it.Number)
		if a.Answer == appraise.AnswerNone {
			continue
		}
		answered++
		head := fmt.Sprintf("%d. %s", it.Number, upperFirst(string(a.Answer)))
		if a.NotReported {
			head += ", not reported in the paper"
		}
		if me := mine.Answer(it.Number).Answer; me != appraise.AnswerNone && me != a.Answer {
			head += fmt.Sprintf(" · you: %s", upperFirst(string(me)))
			differ++
		}
		items.Add(bold(head))
		items.Add(wrapped(it.Text))
		if c := strings.TrimSpace(a.Comment); c != "" {
			note := wrapped("“" + c + "”")
			note.TextStyle = fyne.TextStyle{Italic: true}
			items.Add(note)
		}
	}
	sum := fmt.Sprintf("%s: %d of %d items answered", in.Name, answered, len(in.Items))
	if differ > 0 {
		sum += fmt.Sprintf(", %d differently from you", differ)
	}
	rows.Add(wrapped(sum + "."))
	rows.Add(items)
	return rows
}

// memberInstrument is the checklist a member's appraisal uses: the one
// they chose, else the first they answered.
func memberInstrument(ins []appraise.Instrument, m appraise.PaperAppraisal) (appraise.Instrument, bool) {
	ids := []appraise.InstrumentID{m.Instrument}
	for _, c := range m.Checklists {
		ids = append(ids, c.Instrument)
	}
	for _, id := range ids {
		for _, in := range ins {
			if id != "" && in.ID == id {
				return in, true
			}
		}
	}
	return appraise.Instrument{}, false
}

func lowLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
