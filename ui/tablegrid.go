package ui

import "unicode"

// A table block (rows separated by '\n', cells by '\t') is drawn as a
// grid: every column starts at its own x, a cell too wide for its column
// wraps inside it, and a row is as tall as its tallest cell. The header
// row is bold when it reads as one (see isHeaderRow).
//
// The grid keeps the reader's model of a block as "lines", each a run of
// the block's text starting at an offset: a table's lines are the wrapped
// lines of its cells, in text order, and tableGrid says where each is
// drawn — its x in the text column and its visual line. Selecting,
// tagging, find and the sentence cursor work on cells as on any text: a
// selection that crosses cells takes them in text order (row by row, left
// to right), which is what a copy of the table's text gives.

// tableGrid places a table block's lines (segments).
type tableGrid struct {
	x      []float32 // per segment: x from the text column's left edge
	line   []int32   // per segment: visual line within the block
	col    []int32   // per segment: its column
	bold   []bool    // per segment: set in bold (the header row)
	colX   []float32 // each column's left edge
	width  float32   // the grid's width
	lines  int       // visual lines of the whole table
	header int       // visual lines of the header row, 0 when there is none
}

// Grid geometry, in ems of the table's type.
const (
	cellGapEm    = 1.2 // space between two columns
	minColumnEm  = 3.0 // narrowest a column is squeezed to
	headerDigits = 0.2 // a header row has at most this share of digits
)

// cellSpan is one cell's text, [start, end) in the block's code points.
type cellSpan struct{ start, end int }

// tableCells splits a table block's text into rows of cells.
func tableCells(text []rune) [][]cellSpan {
	var rows [][]cellSpan
	var row []cellSpan
	from := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\t' && text[i] != '\n' {
			continue
		}
		row = append(row, cellSpan{from, i})
		from = i + 1
		if i == len(text) || text[i] == '\n' {
			rows = append(rows, row)
			row = nil
		}
	}
	return rows
}

// layoutTable lays a table block's text out in a grid width wide and
// returns its segments' starts (sorted, the first 0) and the grid.
func layoutTable(text []rune, width float32, ks *kindStyle) ([]int32, *tableGrid) {
	rows := tableCells(text)
	ncols := 0
	for _, r := range rows {
		ncols = max(ncols, len(r))
	}
	g := &tableGrid{}
	header := len(rows) > 1 && isHeaderRow(text, rows)
	advFor := func(row int) *advances {
		if header && row == 0 && ks.boldAdv != nil {
			return ks.boldAdv
		}
		return ks.adv
	}
	natural := make([]float32, ncols)
	for ri, r := range rows {
		adv := advFor(ri)
		for j, c := range r {
			natural[j] = max(natural[j], adv.width(text[c.start:c.end]))
		}
	}
	widths := columnWidths(natural, width-cellGapEm*ks.size*float32(max(ncols-1, 0)), minColumnEm*ks.size)
	g.colX = make([]float32, ncols)
	x := float32(0)
	for j := range widths {
		g.colX[j] = x
		x += widths[j] + cellGapEm*ks.size
	}
	g.width = max(0, x-cellGapEm*ks.size)
	var starts []int32
	line := 0
	for ri, r := range rows {
		adv := advFor(ri)
		tallest := 1
		for j, c := range r {
			cs := wrap(text[c.start:c.end], widths[j], adv)
			tallest = max(tallest, len(cs))
			for k, s := range cs {
				starts = append(starts, int32(c.start)+s)
				g.x = append(g.x, g.colX[j])
				g.line = append(g.line, int32(line+k))
				g.col = append(g.col, int32(j))
				g.bold = append(g.bold, header && ri == 0)
			}
		}
		line += tallest
		if ri == 0 && header {
			g.header = line
		}
	}
	g.lines = max(line, 1)
	if len(starts) == 0 {
		starts = []int32{0}
		g.x, g.line, g.col, g.bold = []float32{0}, []int32{0}, []int32{0}, []bool{false}
	}
	return starts, g
}

// columnWidths shares avail among columns of the given natural widths:
// every column gets its natural width when they all fit; otherwise the
// narrow columns keep theirs and the wide ones share what is left equally,
// never below least.
func columnWidths(natural []float32, avail, least float32) []float32 {
	out := make([]float32, len(natural))
	var sum float32
	for _, w := range natural {
		sum += w
	}
	if sum <= avail {
		copy(out, natural)
		return out
	}
	fixed := make([]bool, len(natural))
	left, open := avail, len(natural)
	for changed := true; changed && open > 0; {
		changed = false
		share := left / float32(open)
		for j, w := range natural {
			if !fixed[j] && w <= share {
				out[j], fixed[j] = w, true
				left -= w
				open--
				changed = true
			}
		}
	}
	if open > 0 {
		share := max(left/float32(open), least)
		for j := range natural {
			if !fixed[j] {
				out[j] = share
			}
		}
	}
	for j := range out {
		out[j] = max(out[j], least)
	}
	return out
}

// isHeaderRow reports whether a table's first row reads as its header: it
// has letters, few digits, and some later row has a larger share of digits
// (the body's numbers) or the first row has as many cells as the widest.
func isHeaderRow(text []rune, rows [][]cellSpan) bool {
	share := func(r []cellSpan) (digits float32, letters int) {
		d, n := 0, 0
		for _, c := range r {
			for _, ch := range text[c.start:c.end] {
				switch {
				case unicode.IsDigit(ch):
					d++
					n++
				case unicode.IsLetter(ch):
					letters++
					n++
				}
			}
		}
		if n == 0 {
			return 0, 0
		}
		return float32(d) / float32(n), letters
	}
	first, letters := share(rows[0])
	if letters == 0 || first > headerDigits {
		return false
	}
	for _, r := range rows[1:] {
		if d, _ := share(r); d > first+0.1 {
			return true
		}
	}
	return false
}

// segX returns where segment seg of block b starts, from the text
// column's left edge (0 for a block that is not a grid).
func (l *readerLayout) segX(b, seg int) float32 {
	if g := l.grids[b]; g != nil && seg >= 0 && seg < len(g.x) {
		return g.x[seg]
	}
	return 0
}

// segLine returns the visual line of segment seg of block b.
func (l *readerLayout) segLine(b, seg int) int {
	if g := l.grids[b]; g != nil && seg >= 0 && seg < len(g.line) {
		return int(g.line[seg])
	}
	return seg
}

// segAdv returns the advances segment seg of block b is measured with.
func (l *readerLayout) segAdv(b, seg int, ks *kindStyle) *advances {
	if g := l.grids[b]; g != nil && seg >= 0 && seg < len(g.bold) && g.bold[seg] && ks.boldAdv != nil {
		return ks.boldAdv
	}
	return ks.adv
}

// visualLines is how many lines block b takes on screen.
func (l *readerLayout) visualLines(b int) int {
	if g := l.grids[b]; g != nil {
		return g.lines
	}
	return len(l.lines[b])
}

// segAtLine returns the first segment of block b drawn on visual line vl
// or below it (the last segment when there is none).
func (l *readerLayout) segAtLine(b, vl int) int {
	g := l.grids[b]
	if g == nil {
		return max(0, min(vl, len(l.lines[b])-1))
	}
	for k, ln := range g.line {
		if int(ln) >= vl {
			return k
		}
	}
	return len(g.line) - 1
}

// segAtPoint returns the segment of block b under visual line vl and x
// (from the text column's left edge): in a grid, the column under x and
// the cell's line at vl, or its last line above vl when the cell is
// shorter than its row.
func (l *readerLayout) segAtPoint(b, vl int, x float32) int {
	g := l.grids[b]
	if g == nil {
		return max(0, min(vl, len(l.lines[b])-1))
	}
	col := 0
	for j, cx := range g.colX {
		if x >= cx {
			col = j
		}
	}
	best := -1
	for k := range g.line {
		if int(g.col[k]) == col && int(g.line[k]) <= vl && (best < 0 || g.line[k] >= g.line[best]) {
			best = k
		}
	}
	if best < 0 {
		return l.segAtLine(b, vl)
	}
	return best
}
