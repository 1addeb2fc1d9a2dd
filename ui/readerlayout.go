package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"appraise.app/appraise/internal/appraise"
)

// kindStyle is how the reader draws one kind of block.
type kindStyle struct {
	size      float32
	style     fyne.TextStyle
	lineH     float32
	padTop    float32
	padBottom float32
	indent    float32
	muted     bool
	textH     float32 // height canvas.Text takes at this size
	adv       *advances
	boldAdv   *advances // a table's header row; nil for other kinds
}

// Reader geometry, in multiples of the theme's text size where it scales.
const (
	gutterEm      = 3.6  // page markers and the cursor bar live here
	rightMarginEm = 1.4  // also absorbs kerning drift
	maxColumnEm   = 52.0 // longest comfortable line
)

// readerStyles builds the style of every block kind for text size t.
func readerStyles(t float32) map[appraise.BlockKind]*kindStyle {
	mk := func(scale float32, style fyne.TextStyle, leading, top, indent float32, muted bool) *kindStyle {
		size := t * scale
		ks := &kindStyle{size: size, style: style, lineH: size * leading, padTop: t * top,
			padBottom: t * 0.25, indent: t * indent, muted: muted}
		ks.textH = fyne.MeasureText("Mg", size, style).Height
		if ks.lineH < ks.textH+4 {
			ks.lineH = ks.textH + 4
		}
		ks.adv = newAdvances(func(s string) float32 { return fyne.MeasureText(s, size, style).Width })
		return ks
	}
	body := mk(1, fyne.TextStyle{}, 1.6, 0.35, 0, false)
	table := mk(0.9, fyne.TextStyle{}, 1.6, 0.3, 0, false)
	table.boldAdv = newAdvances(func(s string) float32 { return fyne.MeasureText(s, table.size, fyne.TextStyle{Bold: true}).Width })
	return map[appraise.BlockKind]*kindStyle{
		appraise.KindTitle:     mk(1.55, fyne.TextStyle{Bold: true}, 1.35, 0.6, 0, false),
		appraise.KindHeading:   mk(1.15, fyne.TextStyle{Bold: true}, 1.45, 1.0, 0, false),
		appraise.KindParagraph: body,
		appraise.KindCaption:   mk(0.93, fyne.TextStyle{Italic: true}, 1.6, 0.4, 1.0, false),
		appraise.KindFootnote:  mk(0.86, fyne.TextStyle{}, 1.6, 0.3, 0, true),
		appraise.KindReference: mk(0.86, fyne.TextStyle{}, 1.6, 0.2, 0, true),
		appraise.KindOther:     mk(0.9, fyne.TextStyle{}, 1.6, 0.3, 0, true),
		appraise.KindTable:     table,
	}
}

// readerLayout is where every block of a document goes at one width: its
// wrapped lines, its height and its top in the list's content. Computing
// it for 3,000 paragraphs is arithmetic over cached advances.
type readerLayout struct {
	width   float32 // the list's width it was made for
	textX   float32 // left edge of the text column
	textW   float32 // width of the text column
	gutter  float32
	styles  map[appraise.BlockKind]*kindStyle
	lines   [][]int32    // per block: first code point of each line
	grids   []*tableGrid // per block: where a table's lines go; nil for text
	heights []float32
	tops    []float32 // per block: y of its top in the list's content
	pad     float32   // the list's gap between rows
}

func (l *readerLayout) style(k appraise.BlockKind) *kindStyle {
	if s, ok := l.styles[k]; ok {
		return s
	}
	return l.styles[appraise.KindParagraph]
}

// newReaderLayout lays v out for a list width. styles may be reused from
// an earlier layout at the same text size.
func newReaderLayout(v *docView, width float32, th fyne.Theme, styles map[appraise.BlockKind]*kindStyle) *readerLayout {
	t := th.Size(theme.SizeNameText)
	if styles == nil {
		styles = readerStyles(t)
	}
	l := &readerLayout{width: width, styles: styles, pad: th.Size(theme.SizeNamePadding)}
	l.gutter = t * gutterEm
	l.textW = width - l.gutter - t*rightMarginEm
	if maxW := t * maxColumnEm; l.textW > maxW {
		l.textW = maxW
	}
	if l.textW < t*8 {
		l.textW = t * 8
	}
	l.textX = l.gutter
	if spare := width - l.gutter - t*rightMarginEm - l.textW; spare > 0 {
		l.textX += spare / 2
	}
	n := len(v.blocks)
	l.lines = make([][]int32, n)
	l.grids = make([]*tableGrid, n)
	l.heights = make([]float32, n)
	l.tops = make([]float32, n)
	var y float32
	for i, b := range v.blocks {
		ks := l.style(b.Kind)
		if b.Kind == appraise.KindTable {
			l.lines[i], l.grids[i] = layoutTable(v.blockRunes(i), l.textW-ks.indent, ks)
		} else {
			l.lines[i] = wrap(v.blockRunes(i), l.textW-ks.indent, ks.adv)
		}
		h := ks.padTop + float32(l.visualLines(i))*ks.lineH + ks.padBottom
		l.heights[i] = h
		l.tops[i] = y
		y += h + l.pad
	}
	return l
}

// blockAtY returns the block whose row covers content y.
func (l *readerLayout) blockAtY(y float32) int {
	i := sort.Search(len(l.tops), func(i int) bool { return l.tops[i] > y })
	return max(0, i-1)
}

// contentHeight is the height of all rows with their gaps.
func (l *readerLayout) contentHeight() float32 {
	n := len(l.tops)
	if n == 0 {
		return 0
	}
	return l.tops[n-1] + l.heights[n-1]
}

// lineOf returns the line of block b that holds block-relative offset off.
func (l *readerLayout) lineOf(b, off int) int {
	ls := l.lines[b]
	i := sort.Search(len(ls), func(i int) bool { return int(ls[i]) > off })
	return max(0, i-1)
}

// lineY returns the content y of line ln of block b (a segment of a
// table's grid), and its height.
func (l *readerLayout) lineY(v *docView, b, ln int) (float32, float32) {
	ks := l.style(v.blocks[b].Kind)
	return l.tops[b] + ks.padTop + float32(l.segLine(b, ln))*ks.lineH, ks.lineH
}
