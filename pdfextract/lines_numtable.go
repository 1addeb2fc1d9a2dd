package pdfextract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tightly set numeric tables.
//
// Results and baseline tables often set their number columns closer than
// cellGapEm, so their rows have no cell gaps and read as short lines of
// prose: the table becomes a paragraph, and the paragraph it interrupts is
// glued to it. Here the columns' alignment is the signal, not the gaps:
// at least minNumRows consecutive lines of a column, each a label (maybe
// none) followed by the same count n ≥ minNumCols of numbers whose x
// positions line up from row to row (left edges, right edges or centres,
// within numAlignEm), are the rows of one table, with the group labels
// between them ("Sex, n (%)": short lines left of the number columns). A
// line right above them whose words sit over the number columns (and the
// label column) is its header. Their cells are set from their words (cells, cellEdges,
// cellGaps) and they share a numTable id, so startsBlock keeps them one
// block and classifyBlocks makes it a table — a float paragraphs join over.
// Prose with numbers in it has words after its numbers and nothing lining
// up from line to line, so it never qualifies.

const (
	minNumRows   = 3
	minNumCols   = 2
	numAlignEm   = 0.6 // how far a column's edges may wander, in ems
	numRowStepEm = 2.6 // the largest baseline step inside a table (a rule between rows)
)

// numUnit is a run of a line's words that makes one cell: a word, or a
// value with its spread ("45.2 ± 3.1", "34.2 (11.2)"); i, j are byte
// offsets in the line's shown text.
type numUnit struct {
	i, j    int
	x0, x1  float64
	numeric bool
	digits  bool // has a digit (not a placeholder such as "–" or "NA")
}

func (u numUnit) centre() float64 { return (u.x0 + u.x1) / 2 }

// numRow is a line read as a table row: its units, the last n numeric.
type numRow struct {
	l     *textLine
	units []numUnit
	n     int // trailing numeric units
}

func (r numRow) nums() []numUnit { return r.units[len(r.units)-r.n:] }

// markNumericTables finds tightly set numeric tables among the lines (in
// reading order, each column's lines top to bottom) and sets their cells.
func markNumericTables(lines []*textLine) {
	id := 0
	for i := 0; i < len(lines); {
		rows, groups, cols, j := numericRun(lines, i)
		if len(rows) < minNumRows {
			i++
			continue
		}
		if gapCellsFit(rows) {
			i = j
			continue
		}
		id++
		// Group labels between the header and the first row.
		top := i
		for k := 0; k < maxGroupLines && top > 0 && nextRow(lines[top-1], lines[top]) && groupLabelShape(lines[top-1], cols); k++ {
			top--
			groups = append(groups, lines[top])
		}
		if top > 0 {
			if h := lines[top-1]; nextRow(h, lines[top]) && !h.isCaptionStart() && h.numTable == 0 {
				setHeaderCells(h, cols, id)
			}
		}
		for _, row := range rows {
			setRowCells(row, id)
		}
		for _, g := range groups {
			setCells(g, [][2]int{{0, len(g.shown.s)}}, id)
		}
		i = j
	}
}

// maxGroupLines is the most lines a group label inside a table takes.
const maxGroupLines = 2

// numericRun reads the rows of a numeric table from lines[i]: rows of the
// same count of aligned numbers, each right under the one before, or
// under a group label ("Sex, n (%)", "Outcomes at 12 weeks": at most
// maxGroupLines short lines left of the number columns). It returns the
// rows, the group labels between them and the index after the last row.
func numericRun(lines []*textLine, i int) (rows []numRow, groups []*textLine, cols *numColumns, end int) {
	r, ok := readNumRow(lines[i])
	if !ok {
		return nil, nil, nil, i + 1
	}
	rows = []numRow{r}
	cols = newNumColumns(r)
	j := i + 1
	for j < len(lines) {
		prev := rows[len(rows)-1].l
		k := j
		for k < len(lines) && k-j < maxGroupLines && isGroupLabel(prev, lines[k], cols) {
			prev = lines[k]
			k++
		}
		if k == len(lines) {
			break
		}
		c, ok := readNumRow(lines[k])
		if !ok || !nextRow(prev, c.l) || c.n != r.n || !cols.fits(c) {
			break
		}
		groups = append(groups, lines[j:k]...)
		rows = append(rows, c)
		cols.add(c)
		j = k + 1
	}
	return rows, groups, cols, j
}

// isGroupLabel reports whether l, right under p, is a group label inside
// a table whose number columns are cols (see groupLabelShape).
func isGroupLabel(p, l *textLine, cols *numColumns) bool {
	return nextRow(p, l) && groupLabelShape(l, cols)
}

// groupLabelShape: l is a few words that end left of the first number
// column and do not end a sentence.
func groupLabelShape(l *textLine, cols *numColumns) bool {
	return l.numTable == 0 && l.x1 < cols.x0[0]-0.5*l.size && hasEdges(l.shown) &&
		!endsSentence(l.text) && !l.isCaptionStart() && len(strings.Fields(l.text)) <= 8
}

// gapCellsFit reports whether every row already has cells by the gap rule,
// at least one per number and one for its label: such a table is found
// without alignment, and its cells are kept as the gaps cut them.
func gapCellsFit(rows []numRow) bool {
	for _, r := range rows {
		want := r.n
		if len(r.units) > r.n {
			want++
		}
		if r.l.cellGaps == 0 || r.l.cellGaps+1 < want {
			return false
		}
	}
	return true
}

// nextRow: c is the line right under p in p's column, in about p's size.
func nextRow(p, c *textLine) bool {
	if p.col != c.col || p.page != c.page {
		return false
	}
	em := math.Max(p.size, c.size)
	d := c.base - p.base
	return d > 0.5*em && d <= numRowStepEm*em && math.Abs(p.size-c.size) <= 0.15*em
}

// readNumRow reads l as a table row: at least minNumCols numeric units at
// its end, two of them with digits, and none ending a clause.
func readNumRow(l *textLine) (numRow, bool) {
	if l.numTable != 0 || !hasEdges(l.shown) || !endsWithNumber(l.shown.s) {
		return numRow{}, false
	}
	us := lineUnits(l.shown)
	n := 0
	for n < len(us) && us[len(us)-1-n].numeric {
		n++
	}
	digits := 0
	for _, u := range us[len(us)-n:] {
		if u.digits {
			digits++
		}
	}
	if n < minNumCols || digits < minNumCols {
		return numRow{}, false
	}
	return numRow{l: l, units: us, n: n}, true
}

// hasEdges: t has an edge for every code point and one after the last.
func hasEdges(t edgeText) bool {
	return t.e != nil && len(t.e) == utf8.RuneCountInString(t.s)+1
}

// endsWithNumber is a quick test that rules out most lines: the last word
// is a number or a placeholder.
func endsWithNumber(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	numeric, _ := numericWord(w)
	return numeric
}

// lineUnits splits a line's text at its spaces into units, keeping a
// value and its spread ("12.1 ± 3.4", "34.2 (11.2)", "1.8 [1.2–2.6]")
// together.
func lineUnits(t edgeText) []numUnit {
	var us []numUnit
	s := t.s
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		w := s[i:j]
		k := utf8.RuneCountInString(s[:i])
		u := numUnit{i: i, j: j, x0: float64(t.e[k]), x1: float64(t.e[k+utf8.RuneCountInString(w)])}
		u.numeric, u.digits = numericWord(w)
		us = append(us, u)
		i = j
	}
	// "a ± b" and "a (b)", "a [b–c]": one unit.
	out := us[:0]
	for k := 0; k < len(us); k++ {
		u := us[k]
		n := len(out)
		if n > 0 && k+1 < len(us) && isPlusMinus(s[u.i:u.j]) && out[n-1].digits && us[k+1].digits {
			p := &out[n-1]
			p.j, p.x1 = us[k+1].j, us[k+1].x1
			k++
			continue
		}
		if n > 0 && u.digits && strings.ContainsAny(s[u.i:u.i+1], "([") && out[n-1].digits && !strings.ContainsAny(s[out[n-1].i:out[n-1].i+1], "([") {
			p := &out[n-1]
			p.j, p.x1 = u.j, u.x1
			continue
		}
		out = append(out, u)
	}
	return out
}

// isPlusMinus: "±", or as some fonts draw it, "+−" or "+/-".
func isPlusMinus(w string) bool {
	return w == "±" || w == "+−" || w == "+/-" || w == "+/−"
}

// numericWord reports whether w is a table's number ("12", "−3.4",
// "45%", "(12.5)", "1,234", "0.03*", "<0.001", "1.2–3.4") or a
// placeholder for one ("–", "NA"), and whether it has a digit. A word
// ending a clause ("2019,", "12;") or a ratio of words is not.
func numericWord(w string) (numeric, digits bool) {
	switch w {
	case "–", "—", "-", "−", "NA", "NR", "n/a", "N/A", "NS", "ns":
		return true, false
	}
	if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") {
		return false, false
	}
	// A bracketed word is a citation ("[22,71]") unless it follows a
	// number as its interval (lineUnits joins those).
	bracketed := strings.HasPrefix(w, "[")
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case strings.ContainsRune(".,%()[]−–-+±<>=≤≥/×·*†‡", r):
		default:
			return false, false
		}
	}
	return digits && !bracketed, digits
}

// numColumns are the number columns of the rows read so far: for each,
// the least and greatest left edge, right edge and centre, and how far
// those may wander (numAlignEm, and under half the columns' pitch).
type numColumns struct {
	tol    float64
	lo, hi [][3]float64
	x0, x1 []float64 // each column's extent
}

func newNumColumns(r numRow) *numColumns {
	first := r.nums()
	cs := &numColumns{tol: numAlignEm * r.l.size}
	for k := 1; k < len(first); k++ {
		cs.tol = math.Min(cs.tol, 0.45*(first[k].centre()-first[k-1].centre()))
	}
	for _, u := range first {
		e := [3]float64{u.x0, u.x1, u.centre()}
		cs.lo, cs.hi = append(cs.lo, e), append(cs.hi, e)
		cs.x0, cs.x1 = append(cs.x0, u.x0), append(cs.x1, u.x1)
	}
	return cs
}

// fits reports whether c's numbers line up with every row's so far: in
// each column, by the left edges, the right edges or the centres.
func (cs *numColumns) fits(c numRow) bool {
	for k, u := range c.nums() {
		e := [3]float64{u.x0, u.x1, u.centre()}
		ok := false
		for m := range e {
			ok = ok || cs.hi[k][m]-cs.tol <= e[m] && e[m] <= cs.lo[k][m]+cs.tol
		}
		if !ok {
			return false
		}
	}
	return true
}

// add takes row c's numbers into the columns.
func (cs *numColumns) add(c numRow) {
	for k, u := range c.nums() {
		e := [3]float64{u.x0, u.x1, u.centre()}
		for m := range e {
			cs.lo[k][m], cs.hi[k][m] = math.Min(cs.lo[k][m], e[m]), math.Max(cs.hi[k][m], e[m])
		}
		cs.x0[k], cs.x1[k] = math.Min(cs.x0[k], u.x0), math.Max(cs.x1[k], u.x1)
	}
}

// setRowCells makes the row's label (its units before the numbers) one
// cell and each number one cell.
func setRowCells(r numRow, id int) {
	var spans [][2]int
	if lab := len(r.units) - r.n; lab > 0 {
		spans = append(spans, [2]int{r.units[0].i, r.units[lab-1].j})
	}
	for _, u := range r.nums() {
		spans = append(spans, [2]int{u.i, u.j})
	}
	setCells(r.l, spans, id)
}

// setHeaderCells makes line h the table's header when its words sit over
// the number columns: each word to the left of the first column goes to
// the label cell, each other word to the one column it overlaps; every
// column must get a word. Otherwise (a word between columns or over two,
// as a line of prose has) h is left alone.
func setHeaderCells(h *textLine, cols *numColumns, id int) {
	if !hasEdges(h.shown) || endsSentence(h.text) {
		return
	}
	us := lineUnits(h.shown)
	spans := make([][2]int, len(cols.x0)+1) // [0] the label
	for k := range spans {
		spans[k] = [2]int{-1, -1}
	}
	em := h.size
	for _, u := range us {
		k := -1
		if u.x1 <= cols.x0[0] {
			k = 0
		} else {
			for c := range cols.x0 {
				if math.Min(u.x1, cols.x1[c])-math.Max(u.x0, cols.x0[c]) > -0.2*em {
					if k >= 0 {
						return // over two columns
					}
					k = c + 1
				}
			}
			if k < 0 {
				return // between columns
			}
		}
		for _, later := range spans[k+1:] {
			if later[0] >= 0 {
				return // out of order
			}
		}
		if spans[k][0] < 0 {
			spans[k][0] = u.i
		}
		spans[k][1] = u.j
	}
	for _, sp := range spans[1:] {
		if sp[0] < 0 {
			return
		}
	}
	if spans[0][0] < 0 {
		spans = spans[1:]
	}
	setCells(h, spans, id)
}

// setCells gives l the cells at the byte spans of its shown text.
func setCells(l *textLine, spans [][2]int, id int) {
	l.cells = make([]string, len(spans))
	l.cellEdges = make([][]float32, len(spans))
	for k, sp := range spans {
		t := l.shown.sub(sp[0], sp[1])
		l.cells[k], l.cellEdges[k] = t.s, t.e
	}
	l.cellGaps = len(spans) - 1
	l.numTable = id
}

// isNumericTable reports whether the block is a tightly set numeric
// table: all its lines belong to one, or some do and most lines are rows
// of cells (the gap rule's table, with numeric rows).
func (d *blockDraft) isNumericTable() bool {
	n := 0
	for _, l := range d.lines {
		if l.numTable != 0 {
			n++
		}
	}
	return n == len(d.lines) || n > 0 && d.isTable()
}
