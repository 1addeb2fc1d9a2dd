package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"appraise.app/appraise/internal/appraise"
)

// benchPaper is a 30-page paper with printed lines and an annotation on
// every page, so each frame draws highlights as well as pages.
func benchPaper() appraise.Document {
	b := newDocBuilder("Thirty pages", "A")
	for i := 0; i < 30; i++ {
		if i > 0 {
			b.newPage()
		}
		for j := 0; j < 8; j++ {
			b.add(appraise.KindParagraph, fmt.Sprintf("Paragraph %d on page %d reports an outcome with its confidence interval.", j+1, i+1),
				"Follow-up was complete for most of the cohort, and the analysis was by intention to treat.")
		}
	}
	return withLines(b.build())
}

// BenchmarkPageViewScroll is one frame of scrolling the page view: a
// wheel step, the pages kept and dropped, the sheet's objects (pages,
// highlights, selection) rebuilt, and the renders it starts delivered
// (the fake renderer caches its images, so this is the GUI's own cost).
func BenchmarkPageViewScroll(b *testing.B) {
	h := newHarness(b, newFakeLibrary())
	h.openDoc("thirty", benchPaper())
	// One annotation a page.
	for _, p := range h.u.cur.v.passages {
		if p.Block%8 == 0 {
			h.u.reader.sel.selectSpan(p.Start, p.End)
			h.typeKeys("c")
		}
	}
	h.typeKeys("v")
	pv := h.u.pv
	// Warm the renderer's cache over the whole paper.
	for pv.currentPage() < len(pv.sizes)-1 {
		h.pageKey(fyne.KeyPageDown)
	}
	h.pageKey(fyne.KeyHome)
	step := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -40)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if pv.scroll.Offset.Y+pv.scroll.Size().Height >= pv.geom.height-1 {
			step.Scrolled.DY = 40
		} else if pv.scroll.Offset.Y <= 0 {
			step.Scrolled.DY = -40
		}
		pv.sheet.Scrolled(step)
		h.settle()
	}
}
