package demopaper

import (
	"fmt"
	"strings"
)

// Body text settings.
func bodySpec() textSpec {
	return textSpec{size: 9.4, leading: 12, base: regular, width: colW, indent: 10, justify: true, hyphenate: true}
}

func h1Spec() textSpec { return textSpec{size: 10.5, leading: 13, base: bold, width: colW} }

func h2Spec() textSpec { return textSpec{size: 9.4, leading: 12, base: boldItalic, width: colW} }

func refSpec() textSpec {
	return textSpec{size: 7.6, leading: 9.4, base: regular, width: colW - refHang}
}

const (
	paraGap = 2.5 // extra space between paragraphs
	h1Above = 9.0
	h2Above = 5.0
	refHang = 13.0 // reference numbers hang in this margin
	refGap  = 1.6
)

// place sets lines into the columns starting at the current position,
// breaking across columns and pages with at least two lines at the foot of
// a column and at its head. It reports whether the block crossed a column
// or page break.
func (fl *flow) place(lines []line, spec textSpec) (crossedColumn, crossedPage bool) {
	i := 0
	for i < len(lines) {
		fit := int((fl.room() + 0.01) / spec.leading)
		rest := len(lines) - i
		if fit >= rest {
			fit = rest
		} else {
			if rest-fit == 1 && fit >= 3 {
				fit-- // no single line at the head of the next column
			}
			if fit < 2 {
				fit = 0 // no single line at the foot of a column
			}
		}
		for _, ln := range lines[i : i+fit] {
			fl.drawLine(ln, fl.colX(), fl.y, spec)
			fl.y += spec.leading
		}
		i += fit
		if i < len(lines) {
			if fit > 0 && fl.col == 0 {
				crossedColumn = true
			} else if fit > 0 {
				crossedPage = true
			}
			fl.nextFrame()
		}
	}
	return crossedColumn, crossedPage
}

// paragraph sets one body paragraph; indented unless it follows a heading.
func (fl *flow) paragraph(p paragraph, afterHeading bool) error {
	spec := bodySpec()
	if afterHeading {
		spec.indent = 0
	}
	lines, truth, err := fl.setText(p.Text, spec)
	if err != nil {
		return err
	}
	fl.truth = append(fl.truth, truth)
	col, page := fl.place(lines, spec)
	first := strings.Join(strings.Fields(truth)[:4], " ")
	if col {
		fl.rep.ColumnBreaks = append(fl.rep.ColumnBreaks, first)
	}
	if page {
		fl.rep.PageBreaks = append(fl.rep.PageBreaks, first)
	}
	fl.y += paraGap
	return nil
}

// heading sets a section or subsection heading, keeping it with at least
// three lines of what follows.
func (fl *flow) heading(h heading) error {
	spec, above := h1Spec(), h1Above
	if h.Level > 1 {
		spec, above = h2Spec(), h2Above
	}
	lines, truth, err := fl.setText(h.Text, spec)
	if err != nil {
		return err
	}
	need := above + float64(len(lines))*spec.leading + 3*bodySpec().leading
	if fl.room() < need {
		fl.nextFrame()
	}
	if !fl.atFrameTop() {
		fl.y += above
	}
	fl.truth = append(fl.truth, truth)
	fl.place(lines, spec)
	fl.y += 1.5
	return nil
}

// referenceList sets the numbered references, each kept whole in one
// column, numbers right-aligned in a hanging margin.
func (fl *flow) referenceList(refs []string) error {
	if err := fl.heading(heading{1, "References"}); err != nil {
		return err
	}
	set := make([][]line, len(refs))
	for i, ref := range refs {
		lines, truth, err := fl.setText(ref, refSpec())
		if err != nil {
			return err
		}
		set[i] = lines
		fl.truth = append(fl.truth, fmt.Sprintf("%d. %s", i+1, truth))
	}
	height := func(lines []line) float64 { return float64(len(lines))*refSpec().leading + refGap }
	for i, lines := range set {
		if fl.room() < height(lines)-refGap {
			fl.nextFrame()
			if fl.col == 0 {
				fl.balance(set[i:], height)
			}
		}
		num := fmt.Sprintf("%d.", i+1)
		numW := fl.s.m.width(num, regular, refSpec().size)
		fl.f.SetFont(family, regular.fpdfStyle(), refSpec().size)
		fl.f.Text(fl.colX()+refHang-3-numW, fl.y+0.8*refSpec().leading, num)
		for _, ln := range lines {
			fl.drawLine(ln, fl.colX()+refHang, fl.y, refSpec())
			fl.y += refSpec().leading
		}
		fl.y += refGap
	}
	return nil
}

// balance ends the left column of a fresh page at about half the height of
// the entries still to set, so the last page's columns come out even.
func (fl *flow) balance(rest [][]line, height func([]line) float64) {
	total := 0.0
	for _, lines := range rest {
		total += height(lines)
	}
	if total > 2*(bodyBottom-fl.top) {
		return // more than a page left: no balancing yet
	}
	acc := 0.0
	for _, lines := range rest {
		acc += height(lines)
		if acc >= total/2 {
			fl.limit = fl.top + acc
			return
		}
	}
}
