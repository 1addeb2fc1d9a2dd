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
	"appraise.app/appraise/internal/authors"
)

// annotationsPanel lists the open paper's annotations grouped by tag, with
// counts; an annotation with two tags is listed under both. Filter chips
// narrow the list to some tags. Annotations the re-anchoring could not
// place with confidence are listed apart, under "Needs review" and
// "Orphaned". Below the list, the editor shows the selected annotation's
// quote, tags and note.
type annotationsPanel struct {
	u      *appUI
	box    *fyne.Container
	header *widget.Label
	chips  *fyne.Container
	filter map[string]bool
	list   *widget.List
	rows   []annRow
	ed     *annotationEditor
	quiet  bool // set while the panel selects a list row itself

	headerH, itemH float32
	chipKey        []string
	// consensus is how many members tagged each shown annotation's passage.
	consensus map[string]int
}

// annRow is one row of the list: a group header or an annotation.
type annRow struct {
	header string // non-empty for a header row
	color  string
	ann    appraise.Annotation
}

func newAnnotationsPanel(u *appUI) *annotationsPanel {
	p := &annotationsPanel{u: u, filter: map[string]bool{},
		header: widget.NewLabelWithStyle("Annotations", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	p.chips = container.New(&flowLayout{})
	p.list = widget.NewList(func() int { return len(p.rows) },
		func() fyne.CanvasObject { return newAnnItem() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.rows) {
				o.(*annItem).show(p.rows[id], p.u)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if p.quiet || id >= len(p.rows) {
			return
		}
		r := p.rows[id]
		if r.header != "" {
			p.list.Unselect(id)
			return
		}
		if r.ann.Status == appraise.Orphaned {
			p.u.selAnn = r.ann.ID
			p.showSelected()
			return
		}
		p.u.jumpTo(r.ann.ID)
	}
	p.ed = newAnnotationEditor(u)
	// The count and the filter chips share lines, to leave the list the
	// height for five or more annotations in a 1024×640 window.
	top := container.NewThemeOverride(p.chips, compactTheme{})
	p.box = container.NewBorder(top, p.ed.box, nil, nil, p.list)
	return p
}

// setTags rebuilds the groups and filter chips for the library's tags.
func (p *annotationsPanel) setTags([]appraise.Tag) {
	p.rebuild()
	p.showSelected()
}

// setPaper shows c's annotations (or none).
func (p *annotationsPanel) setPaper(c *current) {
	p.rebuild()
	if c == nil {
		p.ed.show(nil)
		return
	}
	p.showSelected()
}

// rebuild regroups the list and recounts the chips.
func (p *annotationsPanel) rebuild() {
	p.rows = p.rows[:0]
	c := p.u.cur
	var anns []appraise.Annotation
	if c != nil {
		anns = p.u.shown()
	}
	p.consensus = consensus(anns)
	counts := map[string]int{}
	var review, orphaned []appraise.Annotation
	for _, a := range anns {
		switch a.Status {
		case appraise.NeedsReview:
			review = append(review, a)
		case appraise.Orphaned:
			orphaned = append(orphaned, a)
		default:
			for _, t := range a.Tags {
				counts[t]++
			}
		}
	}
	groups := slices.Clone(p.u.tags)
	for _, a := range anns { // tags the library no longer lists still show
		for _, t := range a.Tags {
			if !slices.ContainsFunc(groups, func(g appraise.Tag) bool { return g.Name == t }) {
				groups = append(groups, appraise.Tag{Name: t, Color: "#888888"})
			}
		}
	}
	show := func(tags []string) bool {
		if len(p.filter) == 0 {
			return true
		}
		return slices.ContainsFunc(tags, func(t string) bool { return p.filter[t] })
	}
	for _, g := range groups {
		if counts[g.Name] == 0 || (len(p.filter) > 0 && !p.filter[g.Name]) {
			continue
		}
		p.rows = append(p.rows, annRow{header: fmt.Sprintf("%s · %d", groupTitle(g.Name), counts[g.Name]), color: g.Color})
		for _, a := range anns {
			if a.Status == appraise.Attached && a.HasTag(g.Name) {
				p.rows = append(p.rows, annRow{ann: a, color: g.Color})
			}
		}
	}
	apart := func(title string, list []appraise.Annotation) {
		var shown []appraise.Annotation
		for _, a := range list {
			if show(a.Tags) {
				shown = append(shown, a)
			}
		}
		if len(shown) == 0 {
			return
		}
		p.rows = append(p.rows, annRow{header: fmt.Sprintf("%s · %d", title, len(shown)), color: "#7f8c8d"})
		for _, a := range shown {
			col := "#7f8c8d"
			if len(a.Tags) > 0 {
				col = p.u.reader.tagColor(a.Tags[0])
			}
			p.rows = append(p.rows, annRow{ann: a, color: col})
		}
	}
	apart("Needs review", review)
	apart("Orphaned", orphaned)
	if c == nil {
		setText(p.header, "Annotations")
	} else {
		setText(p.header, fmt.Sprintf("Annotations · %d", len(anns)))
	}
	p.rebuildChips(groups, counts)
	p.list.UnselectAll()
	p.sizeRows()
	p.list.Refresh()
	if len(p.rows) == 0 && c != nil && len(anns) == 0 {
		p.ed.hint("Select a sentence and press p, c or l (or use the tag bar) to tag it.")
	}
}

// sizeRows makes group headers one line high and annotations two.
func (p *annotationsPanel) sizeRows() {
	if p.headerH == 0 {
		// A group header needs no padding under its text.
		p.headerH = widget.NewLabel("Xg").MinSize().Height - theme.InnerPadding()
		p.itemH = newAnnItem().MinSize().Height
	}
	for i, r := range p.rows {
		h := p.itemH
		if r.header != "" {
			h = p.headerH
		}
		p.list.SetItemHeight(i, h)
	}
}

func (p *annotationsPanel) rebuildChips(groups []appraise.Tag, counts map[string]int) {
	var key []string // what the chips say; unchanged chips are kept
	if p.u.cur != nil {
		for _, g := range groups {
			key = append(key, fmt.Sprintf("%s %d %s %v", g.Name, counts[g.Name], g.Color, p.filter[g.Name]))
		}
	}
	if slices.Equal(key, p.chipKey) && key != nil {
		return
	}
	p.chipKey = key
	p.chips.Objects = []fyne.CanvasObject{p.header}
	if p.u.cur == nil {
		p.chips.Refresh()
		return
	}
	for _, g := range groups {
		name := g.Name
		b := widget.NewButtonWithIcon(fmt.Sprintf("%s %d", tagLabel(name), counts[name]), swatch(g.Color), func() {
			if p.filter[name] {
				delete(p.filter, name)
			} else {
				p.filter[name] = true
			}
			p.rebuild()
			p.showSelected()
		})
		if p.filter[name] {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		p.chips.Add(b)
	}
	if len(p.filter) > 0 {
		all := widget.NewButton("All", func() {
			p.filter = map[string]bool{}
			p.rebuild()
			p.showSelected()
		})
		p.chips.Add(all)
	}
	p.chips.Refresh()
}

// showSelected highlights the selected annotation's row and opens it in
// the editor.
func (p *annotationsPanel) showSelected() {
	a, ok := p.u.annotationByID(p.u.selAnn)
	if !ok {
		p.ed.show(nil)
		return
	}
	p.ed.show(&a)
	for i, r := range p.rows {
		if r.header == "" && r.ann.ID == a.ID {
			p.quiet = true
			p.list.Select(i)
			p.quiet = false
			return
		}
	}
	p.list.UnselectAll()
}

// flushNote saves a note that was edited but not saved yet.
func (p *annotationsPanel) flushNote() { p.ed.flush() }

// visibleIDs lists the annotations the list shows, in order (for tests).
func (p *annotationsPanel) visibleIDs() []string {
	var ids []string
	for _, r := range p.rows {
		if r.header == "" {
			ids = append(ids, r.ann.ID)
		}
	}
	return ids
}

func groupTitle(tag string) string {
	switch tag {
	case appraise.TagPopulation:
		return "Population"
	case appraise.TagClaim:
		return "Claims"
	case appraise.TagLimitation:
		return "Limitations"
	}
	return tagLabel(tag)
}

// annItem draws one row of the annotations list.
type annItem struct {
	widget.BaseWidget
	bar         *canvas.Rectangle
	who         *canvas.Rectangle // the author's colour
	quote, meta *widget.Label
	head        *widget.Label
}

func newAnnItem() *annItem {
	it := &annItem{
		bar:   canvas.NewRectangle(color.Transparent),
		who:   canvas.NewRectangle(color.Transparent),
		quote: widget.NewLabel(""),
		meta:  widget.NewLabel(""),
		head:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	it.quote.Truncation = fyne.TextTruncateEllipsis
	it.meta.Truncation = fyne.TextTruncateEllipsis
	it.meta.SizeName = theme.SizeNameCaptionText
	it.bar.SetMinSize(fyne.NewSize(4, 0))
	it.who.SetMinSize(fyne.NewSize(3, 0))
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer is part of fyne.Widget.
func (it *annItem) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(&tightVBox{overlapping: true}, it.quote, it.meta)
	marks := container.New(&sideBySide{}, it.bar, it.who)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, marks, nil, container.NewStack(lines, it.head)))
}

func (it *annItem) show(r annRow, u *appUI) {
	if r.header != "" {
		setText(it.head, r.header)
		it.head.Show()
		it.quote.Hide()
		it.meta.Hide()
		it.bar.FillColor = color.Transparent
		it.bar.Refresh()
		it.who.FillColor = color.Transparent
		it.who.Refresh()
		return
	}
	it.head.Hide()
	it.quote.Show()
	it.meta.Show()
	a := r.ann
	quote := a.Anchor.Exact
	if u.cur != nil && a.Status == appraise.Attached {
		quote = u.cur.v.text(a.Anchor.Start, a.Anchor.End)
	}
	setText(it.quote, "“"+oneLine(quote)+"”")
	meta := "p. " + itoaPage(a.Anchor.Page)
	if l := u.linkSummary(a.ID); l != "" {
		meta += " · " + l
	}
	if a.Author != "" {
		meta += " · " + authors.Initials(a.Author) + " " + oneLine(a.Author)
	}
	if n := u.annp.consensus[a.ID]; n > 1 {
		meta += fmt.Sprintf(" · %d members", n)
	}
	if a.Note != "" {
		meta += " · " + oneLine(a.Note)
	} else {
		meta += " · no note"
	}
	setText(it.meta, meta)
	it.bar.FillColor = parseHex(r.color)
	it.bar.Refresh()
	it.who.FillColor = parseHex(authors.Color(a.Author))
	it.who.Refresh()
}

// oneLine folds newlines and runs of spaces into single spaces.
func oneLine(s string) string {
	out := make([]rune, 0, len(s))
	space := false
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || r == ' ' {
			if !space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
		out = append(out, r)
	}
	return string(out)
}
