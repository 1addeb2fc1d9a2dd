package demopaper

// Front-matter settings: full width above the two columns on page 1.
func titleSpec() textSpec { return textSpec{size: 17, leading: 20.5, base: bold, width: fullW * 0.92} }

func authorSpec() textSpec { return textSpec{size: 10.5, leading: 13.5, base: regular, width: fullW} }

func affilSpec() textSpec { return textSpec{size: 8, leading: 10, base: italic, width: fullW} }

func noteSpec() textSpec { return textSpec{size: 7.5, leading: 9.5, base: regular, width: fullW} }

func abstractHead() textSpec {
	return textSpec{size: 10.5, leading: 14, base: bold, width: fullW - 2*bandPad}
}

func abstractSpec() textSpec {
	return textSpec{size: 8.8, leading: 11.2, base: regular, width: fullW - 2*bandPad, justify: true, hyphenate: true}
}

const (
	frontTop = 66.0
	bandPad  = 10.0
	bandGap  = 3.0 // between abstract paragraphs
)

// drawBlock draws lines full width at the current y and advances it.
func (fl *flow) drawBlock(lines []line, x float64, spec textSpec) {
	for _, ln := range lines {
		fl.drawLine(ln, x, fl.y, spec)
		fl.y += spec.leading
	}
}

// frontBlock typesets and draws one front-matter block and records its
// truth.
func (fl *flow) frontBlock(markup string, spec textSpec) error {
	lines, truth, err := fl.setText(markup, spec)
	if err != nil {
		return err
	}
	fl.truth = append(fl.truth, truth)
	fl.drawBlock(lines, marginX, spec)
	return nil
}

// frontMatter sets title, authors, affiliations, notes and the abstract
// band across the full width of page 1, then opens the columns below.
func (fl *flow) frontMatter(fm frontMatter) error {
	f := fl.f
	f.SetFillColor(31, 78, 121)
	f.Rect(marginX, frontTop-8, 36, 2.5, "F")
	fl.y = frontTop
	f.SetTextColor(20, 50, 90)
	if err := fl.frontBlock(fm.Title, titleSpec()); err != nil {
		return err
	}
	f.SetTextColor(0, 0, 0)
	fl.y += 8
	if err := fl.frontBlock(fm.Authors, authorSpec()); err != nil {
		return err
	}
	fl.y += 5
	f.SetTextColor(60, 60, 60)
	for _, a := range fm.Affiliations {
		if err := fl.frontBlock(a, affilSpec()); err != nil {
			return err
		}
		fl.y += 2.5
	}
	fl.y += 3
	for _, n := range fm.Notes {
		if err := fl.frontBlock(n, noteSpec()); err != nil {
			return err
		}
		fl.y += 4
	}
	f.SetTextColor(0, 0, 0)
	fl.y += 9
	if err := fl.abstractBand(fm); err != nil {
		return err
	}
	fl.top = fl.y + 16
	fl.col, fl.y = 0, fl.top
	return nil
}

// abstractBand draws the shaded abstract box: heading, structured
// paragraphs and keywords.
func (fl *flow) abstractBand(fm frontMatter) error {
	type piece struct {
		lines []line
		truth string
		spec  textSpec
	}
	var pieces []piece
	add := func(markup string, spec textSpec) error {
		lines, truth, err := fl.setText(markup, spec)
		pieces = append(pieces, piece{lines, truth, spec})
		return err
	}
	if err := add("Abstract", abstractHead()); err != nil {
		return err
	}
	for _, p := range fm.Abstract {
		if err := add(p, abstractSpec()); err != nil {
			return err
		}
	}
	if err := add(fm.Keywords, abstractSpec()); err != nil {
		return err
	}
	height := 2 * bandPad
	for i, p := range pieces {
		height += float64(len(p.lines)) * p.spec.leading
		if i > 0 {
			height += bandGap
		}
	}
	fl.f.SetFillColor(234, 239, 245)
	fl.f.Rect(marginX, fl.y, fullW, height, "F")
	fl.f.SetFillColor(31, 78, 121)
	fl.f.Rect(marginX, fl.y, 2, height, "F")
	fl.y += bandPad
	for i, p := range pieces {
		if i > 0 {
			fl.y += bandGap
		}
		fl.truth = append(fl.truth, p.truth)
		fl.drawBlock(p.lines, marginX+bandPad, p.spec)
	}
	fl.y += bandPad
	return nil
}
