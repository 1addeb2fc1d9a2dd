package pdfextract

import (
	"regexp"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// Flow charts: a PRISMA or CONSORT diagram's boxes are short pieces of
// text, most ending with a count ("Records screened (n = 1,100)"), two or
// three side by side. Read as prose they become sentences that glue boxes
// together; read as a table, rows of unrelated boxes. A page with at least
// minChartBoxes such boxes has a flow chart: each box is its own block of
// kind other, which the segmenter keeps whole and paragraphs join over
// like any float. Boxes side by side arrive as one block whose lines have
// the same number of cells: each column of cells is one box.

const (
	minChartBoxes = 3
	maxBoxLines   = 4
	maxBoxWords   = 25
)

// countRE: a box's count at its end, "(n = 1,234)", "n=12", "(N = 5 studies)".
var countRE = regexp.MustCompile(`\(?\b[nN]\s*=\s*\d[\d,.]*(?:\s+\p{L}+)?\)?$`)

// markFlowCharts splits and marks the boxes of the pages' flow charts.
func markFlowCharts(ds []*blockDraft) []*blockDraft {
	boxes := map[int][][]*blockDraft{} // draft index → its boxes
	perPage := map[int]int{}
	for i, d := range ds {
		if d.kind != appraise.KindParagraph && d.kind != appraise.KindTable && d.kind != appraise.KindOther {
			continue
		}
		bs := chartBoxes(d)
		if len(bs) == 0 {
			continue
		}
		boxes[i] = [][]*blockDraft{bs}
		perPage[d.first().page] += len(bs)
	}
	if len(boxes) == 0 {
		return ds
	}
	var out []*blockDraft
	for i, d := range ds {
		bs, ok := boxes[i]
		if !ok || perPage[d.first().page] < minChartBoxes {
			out = append(out, d)
			continue
		}
		out = append(out, bs[0]...)
	}
	return out
}

// chartBoxes returns d as flow-chart boxes of kind other, or nil when it
// is not one: a short block whose text (or, for lines of cells, every
// column of cells) ends with a count.
func chartBoxes(d *blockDraft) []*blockDraft {
	if len(d.lines) > maxBoxLines {
		return nil
	}
	cells := len(d.first().cells)
	for _, l := range d.lines {
		if len(l.cells) != cells {
			cells = 0
			break
		}
	}
	if cells < 2 {
		if !isBoxText(d.text) {
			return nil
		}
		box := *d
		box.kind = appraise.KindOther
		return []*blockDraft{&box}
	}
	out := make([]*blockDraft, 0, cells)
	for j := range cells {
		box := &blockDraft{kind: appraise.KindOther, size: d.size, bold: d.bold, italic: d.italic}
		var parts []string
		for _, l := range d.lines {
			c := *l
			w := (l.x1 - l.x0) / float64(cells)
			c.x0, c.x1 = l.x0+float64(j)*w, l.x0+float64(j+1)*w
			c.text, c.cells, c.cellGaps, c.runIn = strings.TrimSpace(l.cells[j]), nil, 0, 0
			c.colLeft, c.colRight = c.x0, c.x1
			box.lines = append(box.lines, &c)
			parts = append(parts, c.text)
		}
		box.text = strings.Join(parts, " ")
		box.words = len(strings.Fields(box.text))
		if !isBoxText(box.text) {
			return nil
		}
		out = append(out, box)
	}
	return out
}

// isBoxText: at most maxBoxWords words ending with a count.
func isBoxText(s string) bool {
	s = strings.TrimSpace(s)
	return len(strings.Fields(s)) <= maxBoxWords && countRE.MatchString(s)
}
