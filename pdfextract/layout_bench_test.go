package pdfextract

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	dir := layoutCorpusDir(b)
	type paper struct {
		name  string
		pages []PageGlyphs
	}
	var papers []paper
	for _, path := range layoutCorpusFiles(b, dir) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		pages, err := PageGlyphsOf(data, Options{})
		if err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		papers = append(papers, paper{strings.TrimSuffix(filepath.Base(path), ".pdf"), pages})
	}
	perPage := make([][]float64, len(papers))
	b.ResetTimer()
	for b.Loop() {
		for i, p := range papers {
			start := time.Now()
			layoutPages(p.pages)
			perPage[i] = append(perPage[i], float64(time.Since(start).Microseconds())/1000/float64(max(1, len(p.pages))))
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
