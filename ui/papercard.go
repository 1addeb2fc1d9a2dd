package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// paperCard is the Paper tab: the bibliography as extracted (editable),
// the study design and timing, sample size, setting and the bottom line.
// It saves itself through Library.SavePaper as it is edited, once typing
// pauses (autosaveDelay), and at once before an export, when the paper
// changes or the app quits: what the user typed is what a handout shows.
type paperCard struct {
	u                            *appUI
	box                          fyne.CanvasObject
	form                         *fyne.Container
	title, authors, year, doi    *widget.Entry
	sample, setting, bottom      *widget.Entry
	design, timing               *widget.Select
	autosave                     *debouncer
	id                           appraise.PaperID
	dirty, filling               bool
	empty                        *widget.Label
	designChoices, timingChoices []string
	designValues                 []appraise.StudyDesign
	timingValues                 []appraise.Timing
}

const unsetChoice = "—"

func newPaperCard(u *appUI) *paperCard {
	c := &paperCard{u: u}
	c.autosave = newDebouncer(u, c.saveNow)
	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(ph)
		e.OnChanged = c.changed
		return e
	}
	c.title = entry("Title")
	c.title.MultiLine = true // a long title wraps, whole, rather than scroll out of sight
	c.title.Wrapping = fyne.TextWrapWord
	c.title.SetMinRowsVisible(2)
	c.authors = entry("Surname A, Surname B")
	c.year = entry("Year")
	c.doi = entry("10.…")
	c.sample = entry("e.g. n = 1,204")
	c.setting = entry("e.g. 3 UK emergency departments")
	c.bottom = entry("What should a clinician take from this paper?")
	c.bottom.MultiLine = true
	c.bottom.Wrapping = fyne.TextWrapWord
	c.bottom.SetMinRowsVisible(3)

	c.designChoices = []string{unsetChoice}
	c.designValues = []appraise.StudyDesign{appraise.DesignUnset}
	for _, d := range appraise.StudyDesigns() {
		c.designChoices = append(c.designChoices, upperFirst(string(d)))
		c.designValues = append(c.designValues, d)
	}
	c.design = widget.NewSelect(c.designChoices, func(string) { c.changed("") })
	c.timingChoices = []string{unsetChoice, "Retrospective", "Prospective"}
	c.timingValues = []appraise.Timing{appraise.TimingUnset, appraise.TimingRetrospective, appraise.TimingProspective}
	c.timing = widget.NewSelect(c.timingChoices, func(string) { c.changed("") })

	form := widget.NewForm(
		widget.NewFormItem("Title", c.title),
		widget.NewFormItem("Authors", c.authors),
		widget.NewFormItem("Year", c.year),
		widget.NewFormItem("DOI", c.doi),
		widget.NewFormItem("Design", c.design),
		widget.NewFormItem("Timing", c.timing),
		widget.NewFormItem("Sample", c.sample),
		widget.NewFormItem("Setting", c.setting),
		widget.NewFormItem("Bottom line", c.bottom),
	)
	hint := widget.NewLabel("Saved as you type.")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	c.form = container.NewVBox(form, hint)
	c.empty = widget.NewLabel("Open a paper to record its appraisal.")
	c.empty.Importance = widget.LowImportance
	c.box = container.NewVScroll(container.NewStack(c.form, c.empty))
	c.setPaper(nil)
	return c
}

func (c *paperCard) changed(string) {
	if c.filling || c.id == "" {
		return
	}
	c.dirty = true
	c.autosave.poke()
}

// setPaper fills the card from p (nil: no paper).
func (c *paperCard) setPaper(p *appraise.Paper) {
	c.filling = true
	defer func() { c.filling = false }()
	c.dirty = false
	c.autosave.cancel()
	if p == nil {
		c.id = ""
		c.form.Hide()
		c.empty.Show()
		return
	}
	c.empty.Hide()
	c.form.Show()
	c.id = p.ID
	c.title.SetText(p.Meta.Title)
	c.authors.SetText(strings.Join(p.Meta.Authors, ", "))
	c.year.SetText("")
	if p.Meta.Year > 0 {
		c.year.SetText(strconv.Itoa(p.Meta.Year))
	}
	c.doi.SetText(p.Meta.DOI)
	c.design.SetSelectedIndex(indexOf(c.designValues, p.Appraisal.Design))
	c.timing.SetSelectedIndex(indexOf(c.timingValues, p.Appraisal.Timing))
	c.sample.SetText(p.Appraisal.SampleSize)
	c.setting.SetText(p.Appraisal.Setting)
	c.bottom.SetText(p.Appraisal.BottomLine)
}

func indexOf[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return 0
}

// edited returns p with the card's edits, when the card shows p and was
// edited; else p unchanged.
func (c *paperCard) edited(p appraise.Paper) appraise.Paper {
	if !c.dirty || c.id != p.ID {
		return p
	}
	p.Meta.Title = strings.TrimSpace(c.title.Text)
	p.Meta.Authors = nil
	for _, a := range strings.Split(c.authors.Text, ",") {
		if a = strings.TrimSpace(a); a != "" {
			p.Meta.Authors = append(p.Meta.Authors, a)
		}
	}
	if y, err := strconv.Atoi(strings.TrimSpace(c.year.Text)); err == nil && y > 0 && y < 10000 {
		p.Meta.Year = y
	} else if strings.TrimSpace(c.year.Text) == "" {
		p.Meta.Year = 0
	}
	p.Meta.DOI = strings.TrimSpace(c.doi.Text)
	if i := c.design.SelectedIndex(); i >= 0 {
		p.Appraisal.Design = c.designValues[i]
	}
	if i := c.timing.SelectedIndex(); i >= 0 {
		p.Appraisal.Timing = c.timingValues[i]
	}
	p.Appraisal.SampleSize = strings.TrimSpace(c.sample.Text)
	p.Appraisal.Setting = strings.TrimSpace(c.setting.Text)
	p.Appraisal.BottomLine = strings.TrimSpace(c.bottom.Text)
	return p
}

// flush saves an edit still waiting for typing to pause; it reports
// whether there was one.
func (c *paperCard) flush() bool {
	if !c.dirty {
		return false
	}
	c.saveNow()
	return true
}

// saveNow saves the card; "Saved" shows once it is committed.
func (c *paperCard) saveNow() {
	u := c.u
	if u.cur == nil || c.id != u.cur.paper.ID || !c.dirty {
		return
	}
	p := c.edited(u.cur.paper)
	p.ReadingPos = u.reader.topBlock()
	c.dirty = false
	c.autosave.cancel()
	redesigned := p.Appraisal.Design != u.cur.paper.Appraisal.Design
	u.cur.paper = p
	u.win.SetTitle(u.title())
	u.status.setPaper(u.paperStatus())
	u.savePaper(p, true)
	if redesigned { // the default checklist, level and certainties follow the design
		u.appr.load()
	}
}
