package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// certaintySection is a GRADE certainty per claim annotation: where it
// starts (from the design), the eight domains with their levels and the
// limitations given as reasons, and the final certainty. That is computed
// (instrument.Grade, the arithmetic the library uses) as a domain
// changes, and replaced by the library's own once the change is
// committed.
type certaintySection struct {
	p      *appraisalPanel
	box    *fyne.Container
	claims []*claimView
	shown  []string // claim ids on screen
}

func newCertaintySection(p *appraisalPanel) *certaintySection {
	return &certaintySection{p: p, box: container.NewVBox()}
}

func (s *certaintySection) show(views []appraise.CertaintyView) {
	s.claims = nil
	s.shown = nil
	s.box.Objects = nil
	if len(views) == 0 {
		l := widget.NewLabel("Tag a claim (c) to judge how sure its evidence is.")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		s.box.Add(l)
	}
	for i, v := range views {
		if i > 0 {
			s.box.Add(widget.NewSeparator())
		}
		cv := newClaimView(s, v)
		s.claims = append(s.claims, cv)
		s.shown = append(s.shown, v.Claim.ID)
		s.box.Add(cv.box)
	}
	s.box.Refresh()
}

// annotationsChanged reloads the certainties when claims came or went,
// and otherwise redraws the reasons.
func (s *certaintySection) annotationsChanged() {
	var claims []string
	for _, a := range s.p.u.cur.anns {
		if a.HasTag(appraise.TagClaim) && a.Status != appraise.Orphaned {
			claims = append(claims, a.ID)
		}
	}
	if !slices.Equal(claims, s.shown) {
		s.reload()
		return
	}
	for _, c := range s.claims {
		c.showQuote()
		for _, d := range c.domains {
			d.showReasons()
		}
	}
}

func (s *certaintySection) reload() {
	paper := s.p.paper
	var views []appraise.CertaintyView
	s.p.write(func(lib Library) (err error) {
		views, err = lib.Certainties(paper)
		return err
	}, func() {
		for _, v := range views {
			s.p.remember(v.Claim)
		}
		s.show(views)
	})
}

func (s *certaintySection) claim(id string) *claimView {
	for _, c := range s.claims {
		if c.view.Claim.ID == id {
			return c
		}
	}
	return nil
}

// claimView is one claim's certainty.
type claimView struct {
	s       *certaintySection
	view    appraise.CertaintyView
	box     *fyne.Container
	quote   *widget.Hyperlink
	final   *widget.Label
	domains []*domainView
}

func newClaimView(s *certaintySection, v appraise.CertaintyView) *claimView {
	c := &claimView{s: s, view: v}
	id := v.Claim.ID
	c.quote = quoteLink("", func() { s.p.u.jumpTo(id) })
	c.final = widget.NewLabel("")
	c.final.TextStyle.Bold = true
	c.final.Wrapping = fyne.TextWrapWord
	grid := container.New(&domainGrid{})
	for _, dv := range v.Domains {
		d := newDomainView(c, dv)
		c.domains = append(c.domains, d)
		grid.Add(d.label)
		grid.Add(d.level)
		grid.Add(d.reasons)
	}
	c.box = container.NewVBox(c.quote, c.final, grid)
	c.showQuote()
	c.showFinal()
	return c
}

func (c *claimView) showQuote() {
	text, _ := c.s.p.evidenceText(c.view.Claim.ID)
	c.quote.SetText(text)
}

func (c *claimView) showFinal() {
	setText(c.final, fmt.Sprintf("Certainty: %s (starts %s)", c.view.Final, c.view.Start))
	switch c.view.Final {
	case appraise.CertaintyHigh:
		c.final.Importance = widget.SuccessImportance
	case appraise.CertaintyModerate:
		c.final.Importance = widget.MediumImportance
	default:
		c.final.Importance = widget.WarningImportance
	}
	c.final.Refresh()
}

// regrade recomputes the final certainty from the domains on screen.
func (c *claimView) regrade() {
	var rs []appraise.DomainRating
	for _, d := range c.domains {
		rs = append(rs, d.rating)
	}
	c.view.Final = instrument.Grade(c.view.Start, rs)
	c.showFinal()
}

// commit saves one domain's rating; the computed certainty follows.
func (c *claimView) commit(r appraise.DomainRating) {
	claim := c.view.Claim.ID
	var v appraise.CertaintyView
	c.s.p.write(func(lib Library) (err error) {
		v, err = lib.SetDomain(claim, r)
		return err
	}, func() {
		if cur := c.s.claim(claim); cur == c {
			c.view.Start, c.view.Final = v.Start, v.Final
			c.showFinal()
		}
	})
}

// domainView is one GRADE domain of a claim: its level and its reasons.
type domainView struct {
	c       *claimView
	rating  appraise.DomainRating
	label   *widget.Label
	level   *widget.Select
	levels  []appraise.DomainLevel
	reasons *fyne.Container
	filling bool
}

func newDomainView(c *claimView, dv appraise.DomainView) *domainView {
	d := &domainView{c: c, rating: dv.Rating}
	if d.rating.Level == "" {
		d.rating.Level = appraise.LevelNone
	}
	for _, e := range dv.Reasons {
		c.s.p.remember(e)
	}
	d.label = widget.NewLabel(dv.Rating.Domain.Label())
	d.levels = appraise.LevelsFor(dv.Rating.Domain)
	var names []string
	for _, l := range d.levels {
		names = append(names, domainLevelName(l))
	}
	d.level = widget.NewSelect(names, func(string) {
		i := d.level.SelectedIndex()
		if d.filling || i < 0 || d.levels[i] == d.rating.Level {
			return
		}
		d.rating.Level = d.levels[i]
		d.showReasons()
		d.c.regrade()
		d.c.commit(d.rating)
	})
	d.filling = true
	d.level.SetSelectedIndex(max(0, slices.Index(d.levels, d.rating.Level)))
	d.filling = false
	d.reasons = container.NewVBox()
	d.showReasons()
	return d
}

func domainLevelName(l appraise.DomainLevel) string {
	switch l {
	case appraise.LevelNone:
		return "None"
	case appraise.LevelSerious:
		return "Serious"
	case appraise.LevelVerySerious:
		return "Very serious"
	case appraise.LevelUpOne:
		return "Up one"
	case appraise.LevelUpTwo:
		return "Up two"
	}
	return string(l)
}

// showReasons lists the limitations given as reasons and, when the
// domain is rated, offers the paper's limitations to add (those linked to
// this claim first).
func (d *domainView) showReasons() {
	p := d.c.s.p
	d.reasons.Objects = nil
	for _, id := range d.rating.Reasons {
		text, live := p.evidenceText(id)
		var q fyne.CanvasObject
		if live {
			q = quoteLink(text, func() { p.u.jumpTo(id) })
		} else {
			l := widget.NewLabel(text)
			l.Importance = widget.WarningImportance
			l.Wrapping = fyne.TextWrapWord
			q = l
		}
		rm := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
			d.rating.Reasons = slices.DeleteFunc(slices.Clone(d.rating.Reasons), func(x string) bool { return x == id })
			d.showReasons()
			d.c.commit(d.rating)
		})
		rm.Importance = widget.LowImportance
		d.reasons.Add(container.NewBorder(nil, nil, nil, rm, q))
	}
	if d.rating.Level != appraise.LevelNone && p.u.cur != nil {
		var ids, names []string
		for _, a := range d.candidates() {
			if slices.Contains(d.rating.Reasons, a.ID) {
				continue
			}
			ids = append(ids, a.ID)
			names = append(names, shorten(oneLine(p.u.cur.v.text(a.Anchor.Start, a.Anchor.End)), 48))
		}
		if len(ids) > 0 {
			add := widget.NewSelect(names, nil)
			add.PlaceHolder = "Add a reason…"
			add.OnChanged = func(string) {
				if i := add.SelectedIndex(); i >= 0 {
					d.rating.Reasons = append(slices.Clone(d.rating.Reasons), ids[i])
					d.showReasons()
					d.c.commit(d.rating)
				}
			}
			d.reasons.Add(add)
		}
	}
	d.reasons.Refresh()
}

// candidates are the paper's limitations, those that limit this claim
// first.
func (d *domainView) candidates() []appraise.Annotation {
	p := d.c.s.p
	claim := d.c.view.Claim.ID
	var linked, rest []appraise.Annotation
	for _, a := range p.u.cur.anns {
		if !a.HasTag(appraise.TagLimitation) || a.Status == appraise.Orphaned {
			continue
		}
		if slices.ContainsFunc(p.links, func(l appraise.Link) bool {
			return l.Type == appraise.LinkLimits && l.From == a.ID && l.To == claim
		}) {
			linked = append(linked, a)
		} else {
			rest = append(rest, a)
		}
	}
	return append(linked, rest...)
}

// domainGrid lays out the domains three objects a row: the name and the
// level side by side, the reasons under them at full width.
type domainGrid struct{}

func (domainGrid) labelWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i < len(objs); i += 3 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

func (g domainGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := min(g.labelWidth(objs), size.Width*0.55)
	y := float32(0)
	for i := 0; i+2 < len(objs); i += 3 {
		label, level, reasons := objs[i], objs[i+1], objs[i+2]
		h := max(label.MinSize().Height, level.MinSize().Height)
		label.Move(fyne.NewPos(0, y))
		label.Resize(fyne.NewSize(lw, h))
		level.Move(fyne.NewPos(lw, y))
		level.Resize(fyne.NewSize(size.Width-lw, h))
		y += h
		rh := reasons.MinSize().Height
		reasons.Move(fyne.NewPos(theme.Padding()*4, y))
		reasons.Resize(fyne.NewSize(size.Width-theme.Padding()*4, rh))
		if len(reasons.(*fyne.Container).Objects) > 0 {
			y += rh + theme.Padding()
		}
	}
}

func (g domainGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	lw := g.labelWidth(objs)
	for i := 0; i+2 < len(objs); i += 3 {
		level, reasons := objs[i+1], objs[i+2]
		w = max(w, lw+level.MinSize().Width)
		h += max(objs[i].MinSize().Height, level.MinSize().Height)
		if len(reasons.(*fyne.Container).Objects) > 0 {
			h += reasons.MinSize().Height + theme.Padding()
		}
	}
	return fyne.NewSize(min(w, 240), h)
}
