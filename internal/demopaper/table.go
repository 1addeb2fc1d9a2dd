package demopaper

import "strings"

// Table and caption settings.
func captionSpec() textSpec {
	return textSpec{size: 8, leading: 10, base: regular, width: colW, justify: true, hyphenate: true}
}

func tableNoteSpec() textSpec {
	return textSpec{size: 7, leading: 8.6, base: regular, width: colW, justify: true, hyphenate: true}
}

const (
	tableSize  = 7.6
	tableRowH  = 10.6
	tableCol0W = 92.0
	floatGap   = 9.0 // space above and below a table or figure
)

// table sets a caption, a booktabs-style table and its note in the current
// column, moving to the next column when it does not fit. The truth gets
// the caption, then the table as one block (rows top to bottom separated by
// newlines, cells left to right separated by tabs, as pdfextract writes a
// table block), then the note.
func (fl *flow) table(t table) error {
	capLines, capTruth, err := fl.setText(t.Caption, captionSpec())
	if err != nil {
		return err
	}
	noteLines, noteTruth, err := fl.setText(t.Note, tableNoteSpec())
	if err != nil {
		return err
	}
	rows := append([][]string{t.Header}, t.Rows...)
	height := float64(len(capLines))*captionSpec().leading + 4 +
		float64(len(rows))*tableRowH + 6 + float64(len(noteLines))*tableNoteSpec().leading
	if !fl.atFrameTop() {
		fl.y += floatGap
	}
	if fl.room() < height {
		fl.nextFrame()
	}
	fl.drawBlock(capLines, fl.colX(), captionSpec())
	fl.y += 3

	f, x := fl.f, fl.colX()
	rule := func(w float64) {
		f.SetLineWidth(w)
		f.SetDrawColor(0, 0, 0)
		f.Line(x, fl.y, x+colW, fl.y)
	}
	rule(0.8)
	fl.y += 1
	otherW := (colW - tableCol0W) / float64(len(t.Header)-1)
	var truthRows []string // a table's truth: rows by "\n", cells by "\t"
	for r, row := range rows {
		st := regular
		if r == 0 {
			st = bold
		}
		base := fl.y + 0.75*tableRowH
		truthRows = append(truthRows, strings.Join(row, "\t"))
		for c, cell := range row {
			f.SetFont(family, st.fpdfStyle(), tableSize)
			w := fl.s.m.width(cell, st, tableSize)
			if c == 0 {
				f.Text(x+1, base, cell)
				continue
			}
			f.Text(x+tableCol0W+float64(c-1)*otherW+(otherW-w)/2, base, cell)
		}
		fl.y += tableRowH
		if r == 0 {
			rule(0.4)
			fl.y += 1
		}
	}
	fl.y += 1
	rule(0.8)
	fl.y += 3
	fl.drawBlock(noteLines, fl.colX(), tableNoteSpec())
	fl.y += floatGap
	fl.truth = append(fl.truth, capTruth, strings.Join(truthRows, "\n"), noteTruth)
	return nil
}
