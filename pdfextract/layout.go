package pdfextract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Layout: positioned glyphs of every page → blocks in reading order.
//
// The stages, one file each:
//
//	lines_glyphs.go  glyphs cleaned and filtered; style from font names
//	lines.go         glyphs → fragments (runs on a baseline, never across a
//	                 gutter)
//	lines_column.go  a column's fragments → lines; table cells
//	words.go         a line's glyphs → text: spaces from gaps, superscripts
//	headers.go       running headers/footers, page numbers, line numbers
//	columns.go       gutters from a coverage histogram
//	columns_bands.go bands (full-width lines, style cuts), sidebars
//	blocks.go        lines → blocks (paragraph breaks), continuation across
//	                 column and page breaks
//	blocks_kind.go   title, heading, caption, footnote, reference, other
//	dehyphen.go      joining a block's lines, undoing end-of-line hyphens
//	normalize.go     ligatures, spaces, NFC

// layoutPages lays out the pages' glyphs and returns the blocks in reading
// order, the text they index (every block's text, blocks separated by
// "\n\n", offsets in code points) and where each line of that text is
// printed (see lineGeometry).
func layoutPages(pages []PageGlyphs) (blocks []appraise.Block, text string, lines []appraise.Line) {
	pfs := make([]*pageFrags, len(pages))
	for i, p := range pages {
		pfs[i] = newPageFrags(p, i)
	}
	return layoutFrags(pfs)
}

// newPageFrags is the first stage of layout, page by page: the glyphs of
// page p (index i in the document) cleaned and grouped into fragments.
// It keeps nothing of p.Glyphs, so the caller may reuse that array.
func newPageFrags(p PageGlyphs, i int) *pageFrags {
	number := p.Number
	if number <= 0 {
		number = i + 1
	}
	return &pageFrags{
		number: number, width: p.Width, height: p.Height,
		frags: buildFragments(prepareGlyphs(p)),
	}
}

// layoutFrags is the rest of layout, over the whole document's fragments.
func layoutFrags(pfs []*pageFrags) ([]appraise.Block, string, []appraise.Line) {
	removeFurniture(pfs)
	lines := orderLines(pfs)
	markNumericTables(lines)
	st := measureDoc(lines)
	drafts := segmentBlocks(lines, st)
	classifyBlocks(drafts, &st)
	drafts = joinContinuations(drafts, st)
	drafts = splitRunInHeadings(drafts)
	return assemble(drafts, newVocabulary(lines))
}

// orderLines returns every kept line of the document in reading order:
// pages in order, bands top to bottom, columns left to right. Pages are
// independent until their columns are numbered, so they are laid out in
// parallel.
func orderLines(pfs []*pageFrags) []*textLine {
	cols := make([][][]*textLine, len(pfs))
	inParallel(len(pfs), func(i int) { cols[i] = pageColumns(pfs[i]) })
	var lines []*textLine
	colID := 0
	for i, p := range pfs {
		for _, ls := range cols[i] {
			setColumn(ls, p, colID)
			colID++
			lines = append(lines, ls...)
		}
	}
	return lines
}

// pageColumns returns the lines of each column of page p that has any, in
// reading order: bands top to bottom, columns left to right.
func pageColumns(p *pageFrags) [][]*textLine {
	kept := make([]*fragment, 0, len(p.frags))
	for _, f := range p.frags {
		if !f.removed {
			kept = append(kept, f)
		}
	}
	var cols [][]*textLine
	for _, b := range pageBands(kept, p.width) {
		for _, c := range b.cols {
			if len(c) > 0 {
				cols = append(cols, columnLines(c))
			}
		}
	}
	return cols
}

// setColumn records the column's identity and edges on its lines.
func setColumn(ls []*textLine, p *pageFrags, id int) {
	x0s := make([]float64, 0, len(ls))
	x1s := make([]float64, 0, len(ls))
	for _, l := range ls {
		x0s = append(x0s, l.x0)
		x1s = append(x1s, l.x1)
	}
	sort.Float64s(x0s)
	sort.Float64s(x1s)
	left := x0s[len(x0s)/10]
	right := x1s[len(x1s)-1-len(x1s)/10]
	for _, l := range ls {
		l.page, l.col, l.pageWidth, l.pageHeight = p.number, id, p.width, p.height
		l.colLeft, l.colRight = left, right
	}
}

// docStats are the document's typical body text measures.
type docStats struct {
	bodySize    float64 // font size of most text
	bodyFont    string  // the font of most text
	bodySpacing float64 // baseline distance between body lines
	indented    bool    // paragraphs start with an indented first line
}

func measureDoc(lines []*textLine) docStats {
	sizes := map[float64]int{}
	for _, l := range lines {
		sizes[math.Round(l.size*4)/4] += utf8.RuneCountInString(l.text)
	}
	fonts := map[string]int{}
	for _, l := range lines {
		fonts[l.font] += utf8.RuneCountInString(l.text)
	}
	st := docStats{bodySize: modeKey(sizes)}
	for f, n := range fonts {
		if n > fonts[st.bodyFont] || n == fonts[st.bodyFont] && f < st.bodyFont {
			st.bodyFont = f
		}
	}
	if st.bodySize == 0 {
		st.bodySize = 10
	}
	spacings := map[float64]int{}
	for i := 1; i < len(lines); i++ {
		p, c := lines[i-1], lines[i]
		if p.col != c.col || !st.isBody(p) || !st.isBody(c) {
			continue
		}
		d := c.base - p.base
		if d > 0.8*st.bodySize && d < 2.5*st.bodySize {
			spacings[math.Round(d*4)/4]++
		}
	}
	st.bodySpacing = modeKey(spacings)
	if st.bodySpacing == 0 {
		st.bodySpacing = 1.2 * st.bodySize
	}
	return st
}

func (st docStats) isBody(l *textLine) bool {
	return math.Abs(l.size-st.bodySize) <= 0.12*st.bodySize
}

// modeKey returns the key with the largest count (the smallest key on ties).
func modeKey(m map[float64]int) float64 {
	best, bestN := 0.0, 0
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

// pageBreaks lists where the text of a block's lines moves to another
// page; starts are the lines' offsets in the block's text, which begins at
// offset base of the document's.
func pageBreaks(ls []*textLine, starts []int, base int) []appraise.PageBreak {
	var out []appraise.PageBreak
	page := ls[0].page
	for i, l := range ls {
		if l.page != page && l.text != "" {
			out = append(out, appraise.PageBreak{Start: base + starts[i], Page: l.page})
			page = l.page
		}
	}
	return out
}

// tableText is a table's text: its lines as rows separated by "\n", each
// row's cells (the line's text when it has no cell gaps) separated by
// "\t". It returns where each line starts and, per row, the cells'
// start and end offsets in pairs, all in code points; and each line's own
// text as printed (its cells and the tabs between them; "" for a line
// with no text).
func tableText(ls []*textLine) (string, []int, [][]int, []edgeText) {
	var b strings.Builder
	starts := make([]int, len(ls))
	owns := make([]edgeText, len(ls))
	var rows [][]int
	at := 0
	for i, l := range ls {
		cells := l.cells
		if len(cells) == 0 && l.text != "" {
			cells = []string{l.text}
			owns[i] = l.ownText()
		} else if len(cells) > 0 {
			owns[i] = edgeText{s: strings.Join(cells, "\t"), e: concatEdges(l.cellEdges)}
		}
		starts[i] = at
		if len(cells) == 0 {
			continue
		}
		if len(rows) > 0 {
			b.WriteByte('\n')
			at++
			starts[i] = at
		}
		var row []int
		for j, c := range cells {
			if j > 0 {
				b.WriteByte('\t')
				at++
			}
			n := utf8.RuneCountInString(c)
			row = append(row, at, at+n)
			b.WriteString(c)
			at += n
		}
		rows = append(rows, row)
	}
	return b.String(), starts, rows, owns
}

// tableRows turns tableText's cell bounds into rows, offset by base.
func tableRows(rows [][]int, base int) []appraise.TableRow {
	if len(rows) == 0 {
		return nil
	}
	out := make([]appraise.TableRow, len(rows))
	for i, r := range rows {
		cells := make([]appraise.Span, 0, len(r)/2)
		for j := 0; j+1 < len(r); j += 2 {
			cells = append(cells, appraise.Span{Start: base + r[j], End: base + r[j+1]})
		}
		out[i] = appraise.TableRow{Cells: cells}
	}
	return out
}

// assemble joins the blocks' texts with "\n\n" and sets their offsets,
// and places every line of the text (see lineGeometry).
func assemble(drafts []*blockDraft, vocab vocabulary) ([]appraise.Block, string, []appraise.Line) {
	var b strings.Builder
	blocks := make([]appraise.Block, 0, len(drafts))
	var lines []appraise.Line
	offset := 0
	for _, d := range drafts {
		var t string
		var starts []int
		var rows [][]int    // a table's cell bounds, code points into t
		var owns []edgeText // each line's own text, as printed
		if d.kind == appraise.KindTable {
			t, starts, rows, owns = tableText(d.lines)
		} else {
			var cuts []int
			t, starts, cuts = vocab.joinLinesCut(d.lines)
			owns = joinedOwnTexts(d.lines, cuts)
		}
		if t == "" {
			continue
		}
		if len(blocks) > 0 {
			b.WriteString("\n\n")
			offset += 2
		}
		n := utf8.RuneCountInString(t)
		blocks = append(blocks, appraise.Block{
			Index: len(blocks), Kind: d.kind, Page: d.lines[0].page, BBox: d.bbox(),
			Start: offset, End: offset + n, PageBreaks: pageBreaks(d.lines, starts, offset),
			Rows: tableRows(rows, offset),
		})
		lines = appendLineGeometry(lines, d.lines, owns, starts, offset)
		b.WriteString(t)
		offset += n
	}
	return blocks, b.String(), lines
}
