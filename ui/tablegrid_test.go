package ui

import (
	"strconv"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// tableStyle is the table style with every code point one unit wide (and
// its bold header the same), so grid positions are exact.
func tableStyle() *kindStyle {
	return &kindStyle{size: 1, lineH: 1, adv: monoAdvances(), boldAdv: monoAdvances()}
}

// cellsOf returns each segment's text and where it is drawn, as
// "text@x,line" in text order.
func cellsOf(text string, width float32) ([]string, *tableGrid) {
	rs := []rune(text)
	starts, g := layoutTable(rs, width, tableStyle())
	var out []string
	for k := range starts {
		out = append(out, string(rs[starts[k]:lineEnd(rs, starts, k)])+"@"+itoaF(g.x[k])+","+strconv.Itoa(int(g.line[k])))
	}
	return out, g
}

func itoaF(f float32) string { return strconv.FormatFloat(float64(f), 'f', 1, 32) }

func TestTableGridPlacesCellsInColumns(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		width      float32
		want       []string
		wantHeader int
	}{
		{"cells line up in columns, header over numbers",
			"Name\tSize\tDrug\nGeller\t103\tFluoxetine\nLiebowitz et al.\t21\tFluoxetine", 100,
			// Columns: 16 wide (Liebowitz et al.), 4 (Size), 10; gaps 1.2.
			[]string{"Name@0.0,0", "Size@17.2,0", "Drug@22.4,0",
				"Geller@0.0,1", "103@17.2,1", "Fluoxetine@22.4,1",
				"Liebowitz et al.@0.0,2", "21@17.2,2", "Fluoxetine@22.4,2"}, 1},
		{"a cell too wide wraps inside its column and the row grows",
			"Outcome\tn\nDeath or myocardial infarction at thirty days\t12\nStroke\t3", 20,
			// The narrow column keeps its width (1); the wide one gets the
			// rest (20 - 1.2 - 2 = 16.8).
			[]string{"Outcome@0.0,0", "n@18.0,0",
				"Death or@0.0,1", "myocardial@0.0,2", "infarction at@0.0,3", "thirty days@0.0,4", "12@18.0,1",
				"Stroke@0.0,5", "3@18.0,5"}, 1},
		{"no header when the first row is numbers too",
			"1\t2\n3\t4", 100,
			[]string{"1@0.0,0", "2@2.2,0", "3@0.0,1", "4@2.2,1"}, 0},
		{"an empty cell keeps its column",
			"a\t\tc\nd\te\tf", 100,
			[]string{"a@0.0,0", "@2.2,0", "c@4.4,0", "d@0.0,1", "e@2.2,1", "f@4.4,1"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, g := cellsOf(tt.text, tt.width)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("cells:\n %s\nwant:\n %s", strings.Join(got, " | "), strings.Join(tt.want, " | "))
			}
			if g.header != tt.wantHeader {
				t.Errorf("header lines = %d, want %d", g.header, tt.wantHeader)
			}
		})
	}
}

func tablePaper() appraise.Document {
	b := newDocBuilder("Table paper", "Okafor A")
	b.add(appraise.KindTitle, "Table paper")
	b.add(appraise.KindParagraph, "Table 1 shows the trials.")
	b.add(appraise.KindTable, "Name\tSize\tDrug\nGeller et al.\t103\tFluoxetine\nLiebowitz et al.\t21\tSertraline")
	b.add(appraise.KindParagraph, "Both trials were small.")
	return b.build()
}

func TestTableCellsCanBeClickedAndSelected(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("table", tablePaper())
	v := h.u.cur.v
	tb := v.blocks[2]
	text := v.text(tb.Start, tb.End)
	at := func(s string) int { return tb.Start + len([]rune(text[:strings.Index(text, s)])) }
	// The third column's cells are drawn at one x, right of the others.
	row := h.row(2)
	p1, _ := row.pointOf(at("Drug"))
	p2, _ := row.pointOf(at("Fluoxetine"))
	p3, _ := row.pointOf(at("Sertraline"))
	pName, _ := row.pointOf(at("Liebowitz"))
	if p1.X-p2.X > 8 || p2.X-p1.X > 8 || p3.X-p2.X > 8 || p2.X-p3.X > 8 {
		t.Errorf("column 3 not aligned: x %v %v %v", p1.X, p2.X, p3.X)
	}
	if !(p2.Y > p1.Y && p3.Y > p2.Y) || pName.Y != p3.Y {
		t.Errorf("rows not one below the other: y %v %v %v (name %v)", p1.Y, p2.Y, p3.Y, pName.Y)
	}
	// A point on a cell's first character puts the caret just after it,
	// in that cell: each cell is hit where it is drawn.
	for _, s := range []string{"Size", "103", "Fluoxetine", "Liebowitz", "21", "Sertraline"} {
		off := at(s)
		p, _ := row.pointOf(off)
		if got, ok := row.offsetAt(p); !ok || got != off+1 {
			t.Errorf("%s: offsetAt(pointOf(%d)) = %d, want %d", s, off, got, off+1)
		}
	}
	// A drag inside one cell selects that cell's text.
	h.drag(at("Fluoxetine"), at("Fluoxetine")+len("Fluoxetine")-1)
	if got := h.selected(); strings.TrimSpace(got) != "Fluoxetine" {
		t.Errorf("drag in a cell selected %q", got)
	}
}
