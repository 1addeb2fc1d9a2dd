package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
)

// Whose annotations the reader and the annotations panel show. A club's
// bundles bring other members' readings into the library; each member has
// a mark (initials, a colour) and the user can show everyone's, their
// own, or one member's. Editing commands act on the user's own
// annotations only, whatever is shown: tagging a passage another member
// tagged adds the user's own annotation beside theirs.

// authorView is whose annotations are shown.
type authorView struct {
	// one is set when one author's annotations show; author is then that
	// author's folded name (authors.Key; "" for annotations without one).
	one    bool
	author string
}

// isMine reports whether a is the user's: its author is the name set in
// Preferences (both may be empty).
func (u *appUI) isMine(a appraise.Annotation) bool {
	return authors.Key(a.Author) == authors.Key(u.prefs.author())
}

// mine is the open paper's annotations by the user.
func (u *appUI) mine() []appraise.Annotation {
	if u.cur == nil {
		return nil
	}
	var out []appraise.Annotation
	for _, a := range u.cur.anns {
		if u.isMine(a) {
			out = append(out, a)
		}
	}
	return out
}

// shown is the open paper's annotations the view shows. In practice mode,
// before comparing, only the user's own.
func (u *appUI) shown() []appraise.Annotation {
	if u.cur == nil {
		return nil
	}
	if u.practising() {
		return u.mine()
	}
	if !u.view.one {
		return u.cur.anns
	}
	var out []appraise.Annotation
	for _, a := range u.cur.anns {
		if authors.Key(a.Author) == u.view.author {
			out = append(out, a)
		}
	}
	return out
}

// shownAuthor is the author whose annotations alone the reader shows
// (the user in practice mode), as the annotations name them; one is
// false when everyone's show.
func (u *appUI) shownAuthor() (name string, one bool) {
	switch {
	case u.practising():
		return u.prefs.author(), true
	case u.view.one:
		for _, n := range u.paperAuthors() {
			if authors.Key(n) == u.view.author {
				return n, true
			}
		}
		return u.view.author, true
	}
	return "", false
}

// paperAuthors lists the authors of the open paper's annotations, each
// once (as first written), sorted, the user first.
func (u *appUI) paperAuthors() []string {
	if u.cur == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, a := range u.cur.anns {
		k := authors.Key(a.Author)
		if !seen[k] {
			seen[k] = true
			out = append(out, strings.Join(strings.Fields(a.Author), " "))
		}
	}
	me := authors.Key(u.prefs.author())
	sort.SliceStable(out, func(i, j int) bool {
		mi, mj := authors.Key(out[i]) == me, authors.Key(out[j]) == me
		if mi != mj {
			return mi
		}
		return strings.ToLower(out[i]) < strings.ToLower(out[j])
	})
	return out
}

// otherAuthors is paperAuthors without the user.
func (u *appUI) otherAuthors() []string {
	return slices.DeleteFunc(u.paperAuthors(), func(n string) bool {
		return authors.Key(n) == authors.Key(u.prefs.author())
	})
}

// showAuthor switches the view to one author's annotations, or everyone's
// when everyone is set, and redraws.
func (u *appUI) showAuthor(name string, everyone bool) {
	u.view = authorView{one: !everyone, author: authors.Key(name)}
	u.annotationsChanged()
	u.win.SetMainMenu(u.mainMenu())
	switch {
	case everyone:
		u.status.message("Showing everyone’s annotations.")
	case authors.Key(name) == authors.Key(u.prefs.author()):
		u.status.message("Showing your annotations.")
	default:
		u.status.message("Showing " + authorName(name) + "’s annotations.")
	}
}

// authorName is how an author is named on screen.
func authorName(name string) string {
	if strings.TrimSpace(name) == "" {
		return authors.Unknown
	}
	return strings.Join(strings.Fields(name), " ")
}

// consensus counts, for each shown annotation, how many members tagged
// the same passage: the distinct authors of annotations (among anns)
// that cover at least half of it.
func consensus(anns []appraise.Annotation) map[string]int {
	out := make(map[string]int, len(anns))
	for _, a := range anns {
		n := a.Anchor.End - a.Anchor.Start
		if n <= 0 || a.Status == appraise.Orphaned {
			continue
		}
		who := map[string]bool{}
		for _, b := range anns {
			if b.Status == appraise.Orphaned {
				continue
			}
			o := min(a.Anchor.End, b.Anchor.End) - max(a.Anchor.Start, b.Anchor.Start)
			if 2*o >= n {
				who[authors.Key(b.Author)] = true
			}
		}
		out[a.ID] = len(who)
	}
	return out
}

// sideBySide lays thin marks next to each other, each as wide as its
// MinSize, all as tall as the row, one pixel apart.
type sideBySide struct{}

// Layout is part of fyne.Layout.
func (sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + 1
	}
}

// MinSize is part of fyne.Layout.
func (sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width + 1
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// authorsMenu is View → Show Annotations: everyone, mine, or one of the
// open paper's other authors, the current choice checked.
func (u *appUI) authorsMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem("Show Annotations", nil)
	pick := func(label, name string, everyone bool) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { u.showAuthor(name, everyone) })
		it.Checked = everyone && !u.view.one || !everyone && u.view.one && u.view.author == authors.Key(name)
		return it
	}
	items := []*fyne.MenuItem{pick("Everyone’s", "", true), pick("Mine", u.prefs.author(), false)}
	for _, n := range u.otherAuthors() {
		items = append(items, pick(authors.Initials(n)+"  "+authorName(n), n, false))
	}
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// practiceItem is View → Practice Mode, checked when the open paper is in
// practice.
func (u *appUI) practiceItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Practice Mode (Hide Other Readings)", u.togglePractice)
	it.Checked = u.cur != nil && slices.Contains(u.prefs.practicePapers(), string(u.cur.paper.ID))
	return it
}

// whoTagged says which members tagged the selected span [s, e), when
// others than the user did: the shown annotations covering at least half
// of it, by author with their tags. "" when only the user (or nobody) did.
func (u *appUI) whoTagged(s, e int) string {
	if e <= s {
		return ""
	}
	type reading struct {
		name string
		tags []string
	}
	var order []string
	byAuthor := map[string]*reading{}
	for _, a := range u.shown() {
		o := min(e, a.Anchor.End) - max(s, a.Anchor.Start)
		if a.Status == appraise.Orphaned || 2*o < e-s {
			continue
		}
		k := authors.Key(a.Author)
		r := byAuthor[k]
		if r == nil {
			r = &reading{name: a.Author}
			byAuthor[k] = r
			order = append(order, k)
		}
		for _, t := range a.Tags {
			if !slices.Contains(r.tags, tagLabel(t)) {
				r.tags = append(r.tags, tagLabel(t))
			}
		}
	}
	me := authors.Key(u.prefs.author())
	if len(order) == 0 || len(order) == 1 && order[0] == me {
		return ""
	}
	parts := make([]string, 0, len(order))
	for _, k := range order {
		r := byAuthor[k]
		parts = append(parts, authors.Initials(r.name)+" "+authorName(r.name)+" ("+strings.Join(r.tags, ", ")+")")
	}
	return fmt.Sprintf("Tagged here by %d %s: %s", len(order), plural(len(order), "member", "members"), strings.Join(parts, "; "))
}

// setAuthor saves the user's name and tells the library, which decides
// by it whose appraisal a bundle brings is the user's own.
func (u *appUI) setAuthor(name string) {
	u.prefs.setAuthor(name)
	u.lib.SetUser(name)
}
