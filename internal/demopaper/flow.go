package demopaper

import (
	"strconv"

	"github.com/go-pdf/fpdf"
)

// Page geometry in points (A4, origin top-left as fpdf uses it).
const (
	pageW      = 595.28
	pageH      = 841.89
	marginX    = 54.0
	gutter     = 18.0
	colW       = (pageW - 2*marginX - gutter) / 2
	fullW      = pageW - 2*marginX
	bodyTop    = 70.0
	bodyBottom = 784.0

	headerBaseline = 42.0
	headerRule     = 48.0
	footerRule     = 798.0
	footerBaseline = 812.0
)

// flow lays the paper out: it owns the current page, column and vertical
// position, draws as it goes, and collects the truth block by block in the
// same order.
type flow struct {
	f    *fpdf.Fpdf
	s    *setter
	page int     // current page, 1-based
	col  int     // 0 left, 1 right; -1 while setting full-width front matter
	y    float64 // top of the next line
	top  float64 // top of the columns on this page
	// limit, when set, ends the left column early so that the last page's
	// two columns come out balanced.
	limit float64
	truth []string
	rep   report
}

// report records facts about the layout that tests check: that the paper
// exercises what the demo is for.
type report struct {
	Pages int
	// ColumnBreaks and PageBreaks list paragraphs (by their first words)
	// that continue across a column break on one page or across pages.
	ColumnBreaks, PageBreaks []string
	// SoftHyphens lists the words hyphenated at a line end
	// ("psycho-|therapy"); HardHyphens the compounds broken after their own
	// hyphen ("follow-|up"). Words are given whole, as in the truth.
	SoftHyphens, HardHyphens []string
}

func (fl *flow) newPage() {
	fl.f.AddPage()
	fl.page++
	fl.rep.Pages = fl.page
	fl.col, fl.y, fl.top, fl.limit = 0, bodyTop, bodyTop, 0
	fl.drawRunningHeadAndFoot()
}

// nextFrame moves to the top of the next column, or of the next page.
func (fl *flow) nextFrame() {
	if fl.col == 0 {
		fl.col, fl.y, fl.limit = 1, fl.top, 0
		return
	}
	fl.newPage()
}

func (fl *flow) colX() float64 { return marginX + float64(fl.col)*(colW+gutter) }

func (fl *flow) atFrameTop() bool { return fl.y == fl.top }

// room is the height left in the current column.
func (fl *flow) room() float64 {
	if fl.limit > 0 {
		return fl.limit - fl.y
	}
	return bodyBottom - fl.y
}

func (fl *flow) drawRunningHeadAndFoot() {
	f := fl.f
	f.SetTextColor(90, 90, 90)
	f.SetFont(family, italic.fpdfStyle(), 8)
	f.Text(marginX, headerBaseline, journalName)
	f.SetFont(family, regular.fpdfStyle(), 8)
	f.Text(pageW-marginX-f.GetStringWidth(journalIssue), headerBaseline, journalIssue)
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.4)
	f.Line(marginX, headerRule, pageW-marginX, headerRule)
	f.Line(marginX, footerRule, pageW-marginX, footerRule)
	f.SetFont(family, regular.fpdfStyle(), 7.5)
	f.Text(marginX, footerBaseline, journalDOI)
	num := strconv.Itoa(firstPageNo + fl.page - 1)
	f.SetFont(family, bold.fpdfStyle(), 8)
	f.Text(pageW-marginX-f.GetStringWidth(num), footerBaseline, num)
	f.SetTextColor(0, 0, 0)
}

// drawLine draws one typeset line with its left edge at x and its top at
// top; the baseline sits 80% of the leading below the top.
func (fl *flow) drawLine(ln line, x, top float64, spec textSpec) {
	base := top + 0.8*spec.leading
	for i, w := range ln.words {
		wx := x + ln.xs[i]
		for _, r := range w.runs {
			st, size := runFace(r, spec)
			y := base
			if r.super {
				y -= spec.size * superRise
			}
			fl.f.SetFont(family, st.fpdfStyle(), size)
			fl.f.Text(wx, y, r.text)
			wx += fl.s.m.width(r.text, st, size)
		}
	}
	if ln.endSoft {
		fl.rep.SoftHyphens = append(fl.rep.SoftHyphens, ln.broken)
	}
	if ln.endHard {
		fl.rep.HardHyphens = append(fl.rep.HardHyphens, ln.broken)
	}
}

// setText parses markup and typesets it; the truth text comes with it.
func (fl *flow) setText(markup string, spec textSpec) ([]line, string, error) {
	runs, err := parseMarkup(markup)
	if err != nil {
		return nil, "", err
	}
	return fl.s.breakLines(splitWords(runs), spec), truthText(runs), nil
}
