package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// Typed links between annotations: a limitation limits a claim, a claim
// is about a population. They are made from the selected annotation (the
// context menu, Edit → Limits Claim… / About Population…) and shown from
// both ends in the annotations panel.

// linkSummary says how annotation id is linked, from its side: "limited
// by 2 limitations · about 1 population".
func (u *appUI) linkSummary(id string) string {
	var limits, limitedBy, about, describes int
	for _, l := range u.appr.links {
		switch {
		case l.Type == appraise.LinkLimits && l.From == id:
			limits++
		case l.Type == appraise.LinkLimits && l.To == id:
			limitedBy++
		case l.Type == appraise.LinkAbout && l.From == id:
			about++
		case l.Type == appraise.LinkAbout && l.To == id:
			describes++
		}
	}
	var parts []string
	add := func(n int, verb, one, many string) {
		if n == 0 {
			return
		}
		noun := one
		if n > 1 {
			noun = many
		}
		parts = append(parts, fmt.Sprintf("%s %d %s", verb, n, noun))
	}
	add(limits, "limits", "claim", "claims")
	add(limitedBy, "limited by", "limitation", "limitations")
	add(about, "about", "population", "populations")
	add(describes, "describes", "claim", "claims")
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += " · "
		}
		s += p
	}
	return s
}

// linkTargets are the annotations the target can be linked to with t, and
// the link each makes. A limitation limits claims; a claim is about
// populations.
func (u *appUI) linkTargets(t appraise.LinkType) (from appraise.Annotation, to []appraise.Annotation, ok bool) {
	from, ok = u.target()
	if !ok {
		return from, nil, false
	}
	need, other := appraise.TagLimitation, appraise.TagClaim
	if t == appraise.LinkAbout {
		need, other = appraise.TagClaim, appraise.TagPopulation
	}
	if !from.HasTag(need) {
		return from, nil, false
	}
	for _, a := range u.cur.anns {
		if a.ID != from.ID && a.HasTag(other) && a.Status != appraise.Orphaned {
			to = append(to, a)
		}
	}
	return from, to, true
}

// chooseLink offers the annotations the selected one can be linked to
// with t, in a menu (Esc closes it); a ticked one is linked already, and
// choosing it again removes the link.
func (u *appUI) chooseLink(t appraise.LinkType) {
	if u.cur == nil {
		return
	}
	from, to, ok := u.linkTargets(t)
	if !ok {
		if t == appraise.LinkLimits {
			u.status.message("Select a limitation first, then choose Limits Claim… to say which claim it limits.")
		} else {
			u.status.message("Select a claim first, then choose About Population… to say whom it is about.")
		}
		return
	}
	if len(to) == 0 {
		if t == appraise.LinkLimits {
			u.status.message("Tag a claim (c) first: there is no claim for this limitation to limit.")
		} else {
			u.status.message("Tag a population (p) first: there is no population for this claim to be about.")
		}
		return
	}
	var items []*fyne.MenuItem
	for _, a := range to {
		k := appraise.Link{From: from.ID, To: a.ID, Type: t}
		it := fyne.NewMenuItem(shorten(oneLine(u.cur.v.text(a.Anchor.Start, a.Anchor.End)), 70), func() { u.toggleLink(k) })
		it.Checked = u.hasLink(k)
		items = append(items, it)
	}
	c := u.win.Canvas()
	pos := fyne.NewPos(c.Size().Width/3, c.Size().Height/4)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

func (u *appUI) hasLink(k appraise.Link) bool {
	return slices.ContainsFunc(u.appr.links, func(l appraise.Link) bool {
		return l.From == k.From && l.To == k.To && l.Type == k.Type
	})
}

// toggleLink makes link k, or removes it when it exists.
func (u *appUI) toggleLink(k appraise.Link) {
	p := u.appr
	remove := u.hasLink(k)
	p.write(func(lib Library) error {
		if remove {
			return lib.RemoveLink(k)
		}
		_, err := lib.AddLink(k)
		return err
	}, func() {
		if remove {
			p.links = slices.DeleteFunc(slices.Clone(p.links), func(l appraise.Link) bool {
				return l.From == k.From && l.To == k.To && l.Type == k.Type
			})
		} else if !u.hasLink(k) {
			p.links = append(slices.Clone(p.links), k)
		}
		u.annp.rebuild()
		u.annp.showSelected()
		for _, c := range p.certs.claims {
			for _, d := range c.domains {
				d.showReasons()
			}
		}
		if remove {
			u.status.message("Link removed.")
		} else {
			u.status.message("Linked: " + k.Type.Phrase(true) + ".")
		}
	})
}
