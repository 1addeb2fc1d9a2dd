package ui

import (
	"fmt"
	"image/color"
	"reflect"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// libraryPanel lists the papers in the library with their counts per tag
// and when they were last opened, and searches titles, quotes, notes and
// the full text across all of them. Clicking a paper opens it; clicking a
// search hit opens its paper at the annotation or passage (search.go).
type libraryPanel struct {
	u      *appUI
	box    *fyne.Container
	search *widget.Entry
	header *widget.Label
	list   *widget.List
	// noMatch says so when a search finds nothing.
	noMatch *widget.Label
	papers  []appraise.PaperSummary
	hits    []appraise.SearchHit
	query   string
	seq     int
}

func newLibraryPanel(u *appUI) *libraryPanel {
	p := &libraryPanel{u: u, header: widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search titles, notes and full text")
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = p.runSearch
	p.list = widget.NewList(p.length, func() fyne.CanvasObject { return newPaperRow() }, p.update)
	p.list.OnSelected = p.selected
	p.noMatch = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.noMatch.Wrapping = fyne.TextWrapWord
	p.noMatch.Hide()
	p.box = container.NewBorder(container.NewVBox(p.header, p.search), nil, nil, nil,
		container.NewStack(p.list, container.NewVBox(p.noMatch)))
	return p
}

func (p *libraryPanel) length() int {
	if p.query != "" {
		return len(p.hits)
	}
	return len(p.papers)
}

func (p *libraryPanel) update(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*paperRow)
	if p.query != "" {
		if id < len(p.hits) {
			row.showHit(p.hits[id])
		}
		return
	}
	if id < len(p.papers) {
		cur := p.u.cur != nil && p.u.cur.paper.ID == p.papers[id].Paper.ID
		row.showPaper(p.papers[id], p.u.tags, cur, p.u.now())
		if p.papers[id].Paper.ID == p.u.cfg.DemoID && p.u.cfg.DemoID != "" {
			setText(row.byline, demoByline)
		}
	}
}

func (p *libraryPanel) selected(id widget.ListItemID) {
	p.list.UnselectAll()
	if p.query != "" {
		if id >= len(p.hits) {
			return
		}
		p.openHit(p.hits[id])
		return
	}
	if id < len(p.papers) {
		s := p.papers[id]
		p.u.openKnown(s.Paper.ID, paperTitle(s.Paper), nil)
	}
}

// setPapers shows the library's papers.
func (p *libraryPanel) setPapers(ps []appraise.PaperSummary) {
	if reflect.DeepEqual(ps, p.papers) {
		return
	}
	p.papers = ps
	p.header.SetText(fmt.Sprintf("Library · %d %s", len(ps), plural(len(ps), "paper", "papers")))
	p.list.Refresh()
}

// runSearch searches as the user types; a slower, older answer is dropped.
func (p *libraryPanel) runSearch(q string) {
	q = strings.TrimSpace(q)
	p.seq++
	seq := p.seq
	if q == "" {
		p.query, p.hits = "", nil
		p.noMatch.Hide()
		p.list.Refresh()
		return
	}
	p.u.bg.spawn(func() {
		hits, err := p.u.lib.Search(q)
		p.u.post(func() {
			if seq != p.seq {
				return
			}
			if err != nil {
				p.u.status.message(sentence(err))
				return
			}
			p.query, p.hits = q, hits
			p.showNoMatch()
			p.list.Refresh()
			p.list.ScrollToTop()
		})
	})
}

// refreshPapers reloads the paper list (counts change as the user tags).
func (u *appUI) refreshPapers() {
	u.papersSeq++
	seq := u.papersSeq
	u.bg.spawn(func() {
		ps, err := u.lib.Papers()
		u.post(func() {
			if seq != u.papersSeq {
				return
			}
			if err != nil {
				u.status.message(sentence(err))
				return
			}
			u.libp.setPapers(ps)
			u.empty.setLibraryEmpty(len(ps) == 0)
		})
	})
}

// loadTags reads the library's tags.
func (u *appUI) loadTags() {
	u.bg.spawn(func() {
		tags, err := u.lib.Tags()
		u.post(func() {
			if err != nil {
				u.status.message(sentence(err))
				return
			}
			u.tags = tags
			u.reader.setTags(tags)
			u.pv.sheet.Refresh()
			u.toolbar.setTags(tags)
			u.annp.setTags(tags)
			u.libp.list.Refresh()
		})
	})
}

// paperRow is one line of the library: a paper or a search hit.
type paperRow struct {
	widget.BaseWidget
	title, byline, when *widget.Label
	counts              *fyne.Container
	line3               *fyne.Container
	mark                *canvas.Rectangle
}

func newPaperRow() *paperRow {
	r := &paperRow{
		title:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		byline: widget.NewLabel(""),
		when:   widget.NewLabel(""),
		counts: container.NewHBox(),
		mark:   canvas.NewRectangle(color.Transparent),
	}
	for _, l := range []*widget.Label{r.title, r.byline, r.when} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.byline.SizeName = theme.SizeNameCaptionText
	r.when.SizeName = theme.SizeNameCaptionText
	r.line3 = container.NewBorder(nil, nil, r.counts, nil, r.when)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *paperRow) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(&tightVBox{}, r.title, r.byline, r.line3)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.mark, nil, lines))
}

func (r *paperRow) showPaper(s appraise.PaperSummary, tags []appraise.Tag, current bool, now time.Time) {
	setText(r.title, paperTitle(s.Paper))
	setText(r.byline, byline(s.Paper.Meta))
	r.counts.Objects = r.counts.Objects[:0]
	for _, t := range tags {
		n := s.Counts[t.Name]
		if n == 0 {
			continue
		}
		dot := canvas.NewCircle(parseHex(t.Color))
		r.counts.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(9, 9), dot)))
		c := widget.NewLabel(strconv.Itoa(n))
		c.SizeName = theme.SizeNameCaptionText
		r.counts.Add(c)
	}
	setText(r.when, opened(s.Paper.LastOpened, now))
	r.line3.Refresh()
	r.mark.FillColor = color.Transparent
	r.mark.SetMinSize(fyne.NewSize(3, 0))
	if current {
		r.mark.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	r.mark.Refresh()
}

func (r *paperRow) showHit(h appraise.SearchHit) {
	r.title.SetText(h.PaperTitle)
	r.counts.Objects = nil
	r.byline.SetText(hitLine(h))
	r.when.SetText(hitWhere(h))
	r.line3.Refresh()
	r.mark.FillColor = color.Transparent
	r.mark.Refresh()
}

// byline is "First Author et al. · 2021", or "No authors recorded".
func byline(m appraise.Metadata) string {
	var parts []string
	switch len(m.Authors) {
	case 0:
	case 1:
		parts = append(parts, m.Authors[0])
	case 2:
		parts = append(parts, m.Authors[0]+" & "+m.Authors[1])
	default:
		parts = append(parts, m.Authors[0]+" et al.")
	}
	if m.Year > 0 {
		parts = append(parts, strconv.Itoa(m.Year))
	}
	if len(parts) == 0 {
		return "No authors recorded"
	}
	return strings.Join(parts, " · ")
}

// opened says when a paper was last opened, as a person would.
func opened(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "opened just now"
	case d < time.Hour:
		return fmt.Sprintf("opened %d min ago", int(d.Minutes()))
	case d < 24*time.Hour && now.Day() == t.Day():
		return fmt.Sprintf("opened %d h ago", int(d.Hours()))
	case d < 48*time.Hour:
		return "opened yesterday"
	}
	return "opened " + t.Format("2 Jan 2006")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
