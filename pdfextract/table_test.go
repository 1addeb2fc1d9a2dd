package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// tableDoc is a page with a paragraph, a table of three columns whose
// cells sit far apart, and a paragraph after it.
func tableDoc() []byte {
	var c strings.Builder
	c.WriteString(testpdf.Lines("F1", 10, 72, 720, 12,
		"Three women took part in the series and all of them completed the treatment."))
	rows := [][]string{{"Measure", "Week 0", "Week 12"}, {"EPDS score", "19", "8"}, {"HAM-D score", "18", "7"}, {"Sessions attended", "0", "10 of 10"}}
	y := 690.0
	for _, r := range rows {
		for i, cell := range r {
			fmt.Fprintf(&c, "BT /F1 9 Tf %g %g Td %s Tj ET\n", 72+float64(i)*150, y, testpdf.LiteralString(cell))
		}
		y -= 12
	}
	c.WriteString(testpdf.Lines("F1", 10, 72, 620, 12,
		"Scores fell in every woman by the twelfth week, and none of them needed admission."))
	return testpdf.NewDoc(c.String()).Bytes()
}

func TestTablesAreRowsOfCells(t *testing.T) {
	doc, err := ExtractBytes(tableDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Text)
	var table *appraise.Block
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == appraise.KindTable {
			table = &doc.Blocks[i]
		}
	}
	if table == nil {
		t.Fatalf("no table block in %q", doc.Text)
	}
	want := [][]string{{"Measure", "Week 0", "Week 12"}, {"EPDS score", "19", "8"}, {"HAM-D score", "18", "7"}, {"Sessions attended", "0", "10 of 10"}}
	if len(table.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(table.Rows), len(want), table.Rows)
	}
	for i, r := range table.Rows {
		var got []string
		for _, c := range r.Cells {
			got = append(got, string(text[c.Start:c.End]))
		}
		if strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, got, want[i])
		}
	}
	if got := string(text[table.Start:table.End]); got != "Measure\tWeek 0\tWeek 12\nEPDS score\t19\t8\nHAM-D score\t18\t7\nSessions attended\t0\t10 of 10" {
		t.Errorf("table text %q", got)
	}
	// One passage per row; the sentences around the table hold none of it.
	rows := 0
	for _, p := range doc.Passages {
		s := string(text[p.Start:p.End])
		if p.Block == table.Index {
			rows++
			if strings.Contains(s, "\n") {
				t.Errorf("table passage spans rows: %q", s)
			}
		} else if strings.Contains(s, "EPDS") || strings.Contains(s, "Week") {
			t.Errorf("sentence %q holds table cells", s)
		}
	}
	if rows != len(want) {
		t.Errorf("%d table passages, want one per row (%d)", rows, len(want))
	}
}
