package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// appraisalPanel is the Appraisal tab: the checklist (instrument, answer,
// comment, "not reported", evidence per item), the evidence level, a
// GRADE certainty per claim and the PICO. It keeps the open paper's
// appraisal as the screen shows it and commits each change through the
// write queue as it is made (text once typing pauses); the queue keeps
// the writes in order, so each one is sent with everything before it.
type appraisalPanel struct {
	u     *appUI
	box   fyne.CanvasObject
	empty *widget.Label
	body  *fyne.Container

	paper appraise.PaperID
	seq   int // numbers loads; a stale one is dropped
	links []appraise.Link
	// quotes remembers each annotation's quote seen, so evidence whose
	// annotation was deleted can still say what it was.
	quotes map[string]string

	list  *checklistSection
	level *levelSection
	certs *certaintySection
	pico  *picoSection
	club  *membersSection
}

func newAppraisalPanel(u *appUI) *appraisalPanel {
	p := &appraisalPanel{u: u, quotes: map[string]string{}}
	p.empty = widget.NewLabel("Open a paper to appraise it.")
	p.empty.Importance = widget.LowImportance
	p.list = newChecklistSection(p)
	p.level = newLevelSection(p)
	p.certs = newCertaintySection(p)
	p.pico = newPICOSection(p)
	p.club = newMembersSection(p)
	acc := widget.NewAccordion(
		widget.NewAccordionItem("Checklist", p.list.box),
		widget.NewAccordionItem("Evidence level", p.level.box),
		widget.NewAccordionItem("Certainty of each claim", p.certs.box),
		widget.NewAccordionItem("PICO", p.pico.box),
		p.club.item,
	)
	acc.MultiOpen = true
	acc.Open(0)
	p.club.acc = acc
	p.body = container.NewVBox(acc)
	p.box = container.NewVScroll(container.NewStack(p.body, p.empty))
	p.setPaper(nil)
	return p
}

// setPaper loads c's appraisal in the background (nil: no paper).
func (p *appraisalPanel) setPaper(c *current) {
	p.flush()
	p.seq++
	p.links = nil
	if c == nil {
		p.paper = ""
		p.body.Hide()
		p.empty.Show()
		return
	}
	p.paper = c.paper.ID
	p.empty.Hide()
	p.body.Show()
	p.load()
}

// appraisalData is what a load reads.
type appraisalData struct {
	all    appraise.PaperAppraisal
	ins    []appraise.Instrument
	list   appraise.ChecklistView
	level  appraise.LevelView
	claims []appraise.CertaintyView
	club   []appraise.PaperAppraisal
}

// load reads the paper's appraisal through the write queue, so it sees
// every write queued before it.
func (p *appraisalPanel) load() {
	p.flush()
	p.seq++
	seq, paper, u := p.seq, p.paper, p.u
	u.bg.write(func() {
		var d appraisalData
		err := func() (err error) {
			if d.all, err = u.lib.Appraisal(paper); err != nil {
				return err
			}
			if d.ins, err = u.lib.Instruments(); err != nil {
				return err
			}
			if d.list, err = u.lib.Checklist(paper); err != nil {
				return err
			}
			if d.level, err = u.lib.Level(paper); err != nil {
				return err
			}
			if d.club, err = u.lib.MemberAppraisals(paper); err != nil {
				return err
			}
			d.claims, err = u.lib.Certainties(paper)
			return err
		}()
		u.post(func() {
			if seq != p.seq || paper != p.paper {
				return
			}
			if err != nil {
				u.status.message("Cannot read this paper's appraisal: " + sentence(err))
				return
			}
			p.show(d)
		})
	})
}

// show puts loaded data on screen.
func (p *appraisalPanel) show(d appraisalData) {
	p.links = d.all.Links
	for _, r := range d.list.Rows {
		p.remember(r.Evidence...)
	}
	for _, c := range d.claims {
		p.remember(c.Claim)
		for _, dv := range c.Domains {
			p.remember(dv.Reasons...)
		}
	}
	p.list.show(d.ins, d.list)
	p.level.show(d.level, d.all.Card.Design)
	p.certs.show(d.claims)
	p.pico.show(d.all.PICO)
	p.club.show(d.ins, d.all, d.club)
	p.u.annp.rebuild() // the rows say how annotations are linked
	p.u.annp.showSelected()
}

func (p *appraisalPanel) remember(es ...appraise.Evidence) {
	for _, e := range es {
		if e.Annotation.Anchor.Exact != "" {
			p.quotes[e.ID] = e.Annotation.Anchor.Exact
		}
	}
}

// annotationsChanged follows edits in the reader: evidence whose
// annotation went shows that, and claims come and go.
func (p *appraisalPanel) annotationsChanged() {
	if p.paper == "" || p.u.cur == nil {
		return
	}
	for _, a := range p.u.cur.anns {
		p.quotes[a.ID] = a.Anchor.Exact
	}
	p.list.refreshEvidence()
	p.certs.annotationsChanged()
}

// flush saves text still waiting for typing to pause.
func (p *appraisalPanel) flush() {
	p.list.flush()
	p.level.flush()
	p.pico.flush()
}

// write commits a change of the open paper's appraisal on the worker
// queue, with "Saving…" then "Saved"; done gets the result on the UI
// goroutine if the paper is still open.
func (p *appraisalPanel) write(w func(lib Library) error, done func()) {
	u, paper := p.u, p.paper
	if paper == "" {
		return
	}
	u.status.saving()
	u.bg.write(func() {
		err := w(u.lib)
		u.post(func() {
			if err == nil && done != nil && p.paper == paper {
				done()
			}
			u.saveDone(err)
		})
	})
}

// fields lays out label, widget pairs as a two-column form.
func fields(pairs ...any) *fyne.Container {
	c := container.New(layout.NewFormLayout())
	for i := 0; i+1 < len(pairs); i += 2 {
		l := widget.NewLabelWithStyle(pairs[i].(string), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		c.Add(l)
		c.Add(pairs[i+1].(fyne.CanvasObject))
	}
	return c
}

// quoteLink is a linked passage: tapping it jumps to it in the reader.
// It wraps, so a long quote never widens the panel.
func quoteLink(text string, jump func()) *widget.Hyperlink {
	l := widget.NewHyperlink(text, nil)
	l.OnTapped = jump
	l.Wrapping = fyne.TextWrapWord
	return l
}

// evidenceText is how a linked annotation reads in the panel: its quote
// and page, or that it was deleted.
func (p *appraisalPanel) evidenceText(id string) (string, bool) {
	if a, ok := p.u.annotationByID(id); ok && a.Status != appraise.Orphaned {
		return fmt.Sprintf("“%s” p. %d", shorten(oneLine(p.u.cur.v.text(a.Anchor.Start, a.Anchor.End)), 70), a.Anchor.Page), true
	}
	if q := p.quotes[id]; q != "" {
		return "Deleted: “" + shorten(oneLine(q), 50) + "”", false
	}
	return "Deleted annotation", false
}
