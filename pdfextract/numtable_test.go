package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// tightRows are a results table's cells: a label, then numbers.
var tightRows = [][]string{
	{"Group", "n", "Pre", "Post", "Diff"},
	{"Usual midwife care", "47", "13.9", "12.1", "1.8"},
	{"Seen at 12 weeks", "41", "14.2", "9.5", "4.7"},
	{"Dropped out early", "7", "14.6", "13.0", "1.6"},
	{"Withdrew consent", "5", "13.1", "12.4", "0.7"},
}

// tightTable draws tightRows in 9-pt Helvetica from baseline y: labels at
// x = 72, each column (header included) right-aligned on its own edge,
// the first 12 pt right of the longest label, the next ones 20 pt apart,
// so every gap in a row — after its label (2–7 pt) and between numbers
// (2–8 pt) — is under the 1.5 em (13.5 pt) that makes a cell gap. A label
// has a number of its own ("Seen at 12 weeks").
func tightTable(y float64) string {
	var b strings.Builder
	const size = 9
	first := 0.0
	for _, r := range tightRows {
		first = max(first, 72+helveticaWidth(r[0])*size/1000+12)
	}
	for i, r := range tightRows {
		b.WriteString(testpdf.TextAt(72, y, size, r[0]))
		for j, cell := range r[1:] {
			right := first + 20*float64(j)
			w := helveticaWidth(cell) * size / 1000
			b.WriteString(testpdf.TextAt(right-w, y, size, cell))
		}
		y -= 10
		if i == 0 {
			y -= 3 // a rule under the header
		}
	}
	return b.String()
}

// tightTablePage is a one-column page: a paragraph whose sentence is cut by
// a tightly set numeric table and its caption and goes on below them in
// lower case, then a last paragraph.
func tightTablePage() []byte {
	top := testpdf.Lines("F1", 10, 72, 720, 12,
		"Women who screened positive at six weeks were invited to the trial, and the",
		"scores of each group at twelve weeks are set out in Table 2, which gives")
	table := tightTable(680)
	caption := testpdf.Lines("F1", 9, 72, 616, 10.8, "Table 2. Depression scores before and after twelve weeks.")
	rest := testpdf.Lines("F1", 10, 72, 590, 12,
		"the mean of every scale for the women who were seen at the follow-up visit.")
	last := testpdf.Lines("F1", 10, 72, 560, 12,
		"Outcomes were measured by a researcher who did not know the group of any woman.")
	return testpdf.NewDoc(top + table + caption + rest + last).Bytes()
}

func TestTightNumericTableIsAFloatTable(t *testing.T) {
	doc, got := extractBlocks(t, tightTablePage())
	wantBlocks(t, got, []string{
		"paragraph: Women who screened positive at six weeks were invited to the trial, and the scores of each group at twelve weeks are set out in Table 2, which gives the mean of every scale for the women who were seen at the follow-up visit.",
		"table: Group\tn\tPre\tPost\tDiff\nUsual midwife care\t47\t13.9\t12.1\t1.8\nSeen at 12 weeks\t41\t14.2\t9.5\t4.7\nDropped out early\t7\t14.6\t13.0\t1.6\nWithdrew consent\t5\t13.1\t12.4\t0.7",
		"caption: Table 2. Depression scores before and after twelve weeks.",
		"paragraph: Outcomes were measured by a researcher who did not know the group of any woman.",
	})
	var table *appraise.Block
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == appraise.KindTable {
			table = &doc.Blocks[i]
		}
	}
	if table == nil {
		t.Fatal("no table block")
	}
	if len(table.Rows) != len(tightRows) {
		t.Fatalf("%d rows, want %d", len(table.Rows), len(tightRows))
	}
	text := []rune(doc.Text)
	for i, r := range table.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, string(text[c.Start:c.End]))
		}
		if strings.Join(cells, "|") != strings.Join(tightRows[i], "|") {
			t.Errorf("row %d = %q, want %q", i, cells, tightRows[i])
		}
	}
}

// TestNumbersInProseAreNotATable: paragraphs dense with numbers, and lines
// that end in numbers which do not line up, stay prose.
func TestNumbersInProseAreNotATable(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"counts, years and percentages in sentences", []string{
			"In 2019, 12 of 30 patients (40%) improved by at least 5 points, against 6 of 29",
			"(21%) on placebo; by 2021 the figures were 14 of 30 and 7 of 28, or 47% and 25%",
			"respectively, with a mean change of 6.2 (SD 3.1) against 3.4 (SD 2.9) at 12",
			"weeks, and 18 of 30 against 9 of 28 at 24 weeks, the trial ending in 2021.",
		}},
		{"lines ending in numbers that do not line up", []string{
			"The doses given on the first three days of the study were 25 50",
			"and the doses given on the next three days were 100 150",
			"while the doses on the last days of the second week were 200 250",
			"and a few patients who tolerated them well went on to 300 400",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := testpdf.NewDoc(testpdf.Lines("F1", 10, 72, 720, 12, tt.lines...)).Bytes()
			_, got := extractBlocks(t, pdf)
			wantBlocks(t, got, []string{"paragraph: " + strings.Join(tt.lines, " ")})
		})
	}
}

// baselineRows is a trial's baseline table: values with their spread in
// brackets, and group labels on lines of their own.
var baselineRows = [][]string{
	{"Characteristic", "Therapy", "Control"},
	{"Sex, n (%)"},
	{"Female", "18 (60)", "17 (57)"},
	{"Male", "12 (40)", "13 (43)"},
	{"Age, years", "31.2 (5.1)", "30.8 (4.9)"},
	{"Parity, n (%)"},
	{"First child", "14 (47)", "15 (50)"},
	{"Second or later", "16 (53)", "15 (50)"},
}

// TestBaselineTableWithGroupLabels: a tightly set table whose rows are
// broken by group labels ("Sex, n (%)") is one table, the labels rows of
// one cell, each value and its spread one cell.
func TestBaselineTableWithGroupLabels(t *testing.T) {
	var b strings.Builder
	const size = 9
	y := 640.0
	for _, r := range baselineRows {
		b.WriteString(testpdf.TextAt(72, y, size, r[0]))
		for j, cell := range r[1:] {
			right := 190 + 44*float64(j)
			b.WriteString(testpdf.TextAt(right-helveticaWidth(cell)*size/1000, y, size, cell))
		}
		y -= 11
	}
	page := testpdf.Lines("F1", 10, 72, 720, 12,
		"We randomised sixty women, thirty to each group, and their characteristics at",
		"the start of the trial were much the same in the two groups.") +
		testpdf.Lines("F1", 9, 72, 660, 10.8, "Table 1. Characteristics of the women at baseline.") +
		b.String() +
		testpdf.Lines("F1", 10, 72, 530, 12,
			"Outcomes were measured by a researcher who did not know the group of any woman.")
	doc, got := extractBlocks(t, testpdf.NewDoc(page).Bytes())
	var rows []string
	for _, r := range baselineRows {
		rows = append(rows, strings.Join(r, "\t"))
	}
	wantBlocks(t, got, []string{
		"paragraph: We randomised sixty women, thirty to each group, and their characteristics at the start of the trial were much the same in the two groups.",
		"caption: Table 1. Characteristics of the women at baseline.",
		"table: " + strings.Join(rows, "\n"),
		"paragraph: Outcomes were measured by a researcher who did not know the group of any woman.",
	})
	for _, bl := range doc.Blocks {
		if bl.Kind == appraise.KindTable && len(bl.Rows) != len(baselineRows) {
			t.Errorf("%d rows, want %d", len(bl.Rows), len(baselineRows))
		}
	}
}

// tallNumericPage is a page of 1-pt type: rows lines 1.25 em apart, each
// a label and three two-digit numbers, the gaps 0.5 or 1 em.
func tallNumericPage(rows int) []PageGlyphs {
	p := PageGlyphs{Number: 1, Width: 612, Height: 792}
	add := func(text string, x, y float64) {
		p.Glyphs = append(p.Glyphs, Glyph{Text: text, X: x, Y: y, W: 0.5, Size: 1, Upright: true, Seq: len(p.Glyphs)})
	}
	for r := range rows {
		y := 150 + 1.25*float64(r)
		add("R", 13, y)
		for k := range 3 {
			add("4", 14+2*float64(k), y)
			add("2", 14.5+2*float64(k), y)
		}
	}
	return []PageGlyphs{p}
}

// TestTallNumericTableIsOneTable: a table of hundreds of tightly set rows
// is one table with a row per line (BenchmarkTallNumericTable times it).
func TestTallNumericTableIsOneTable(t *testing.T) {
	const rows = 400
	blocks, text, _ := layoutPages(tallNumericPage(rows))
	if len(blocks) != 1 || blocks[0].Kind != appraise.KindTable || len(blocks[0].Rows) != rows {
		t.Fatalf("%d blocks, the first %s with %d rows; want one table of %d rows", len(blocks), blocks[0].Kind, len(blocks[0].Rows), rows)
	}
	if !strings.HasPrefix(text, "R\t42\t42\t42\nR\t42\t42\t42\n") {
		t.Errorf("text starts %q", text[:min(len(text), 40)])
	}
}

func BenchmarkTallNumericTable(b *testing.B) {
	pages := tallNumericPage(400)
	for b.Loop() {
		layoutPages(pages)
	}
}
