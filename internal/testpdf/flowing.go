package testpdf

import "github.com/go-pdf/fpdf"

// frame is a column on a page: lines start at x with baselines from top
// down to at most bottom, and at most maxLines of them when that is set.
type frame struct {
	page           int // 1-based
	x, top, bottom float64
	maxLines       int
}

// block is a paragraph or heading already broken into lines.
type block struct {
	fc       face
	lines    []string
	gapAfter float64
}

// flowBlocks sets blocks through the frames in order, adding pages as the
// frames ask for them (onPage runs on each new page, for running heads).
// A block that does not fit continues in the next frame, line by line.
func flowBlocks(f *fpdf.Fpdf, frames []frame, blocks []block, onPage func(page int)) {
	fi, y, n := 0, frames[0].top, 0
	ensurePage := func() {
		for f.PageNo() < frames[fi].page {
			f.AddPage()
			if onPage != nil {
				onPage(f.PageNo())
			}
		}
	}
	ensurePage()
	for _, b := range blocks {
		for _, ln := range b.lines {
			if y > frames[fi].bottom || frames[fi].maxLines > 0 && n == frames[fi].maxLines {
				fi, n = fi+1, 0
				if fi == len(frames) {
					panic("testpdf: text does not fit the frames")
				}
				y = frames[fi].top
				ensurePage()
			}
			f.SetFont(b.fc.family, b.fc.style, b.fc.size)
			f.Text(frames[fi].x, y, ln)
			y += b.fc.leading
			n++
		}
		y += b.gapAfter
	}
}
