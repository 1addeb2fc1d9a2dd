package pdfextract

import (
	"sort"
	"testing"
	"time"
)

// BenchmarkLayoutSyntheticPage lays out one synthetic two-column page of
// about 4,000 glyphs (a dense journal page) per iteration.
func BenchmarkLayoutSyntheticPage(b *testing.B) {
	p := newPage(b, 1)
	p.text(100, 60, "A Trial Of Something Important For Everyone", style{size: 18, bold: true})
	p.paragraph(leftX, 100, colW, 10, 11, style{size: 9}, lorem("l", 330))
	p.paragraph(rightX, 100, colW, 10, 11, style{size: 9}, lorem("r", 330))
	pages := pagesOf(p)
	for b.Loop() {
		layoutPages(pages)
	}
	b.ReportMetric(float64(len(p.pg.Glyphs)), "glyphs/page")
}

// BenchmarkLayoutCorpus lays out every corpus paper (glyphs extracted
// once, outside the timer) and reports the median and 90th percentile
// milliseconds per page over the papers. Skipped without APPRAISE_CORPUS.
func BenchmarkLayoutCorpus(b *testing.B) {
	var papers [][]PageGlyphs
	for _, p := range layoutCorpusPapers(b) {
		pages, err := PageGlyphsOf(p.data, Options{})
		if err != nil {
			b.Fatalf("%s: %v", p.name, err)
		}
		papers = append(papers, pages)
	}
	perPage := make([][]float64, len(papers))
	for b.Loop() {
		for i, pages := range papers {
			start := time.Now()
			layoutPages(pages)
			perPage[i] = append(perPage[i], float64(time.Since(start).Microseconds())/1000/float64(max(1, len(pages))))
		}
	}
	b.StopTimer()
	var medians []float64
	for i := range papers {
		sort.Float64s(perPage[i])
		medians = append(medians, perPage[i][len(perPage[i])/2])
	}
	sort.Float64s(medians)
	b.ReportMetric(medians[len(medians)/2], "median-ms/page")
	b.ReportMetric(medians[len(medians)*9/10], "p90-ms/page")
}
