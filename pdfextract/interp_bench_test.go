package pdfextract

import (
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkPageGlyphs measures glyph extraction (open + interpret every
// page, no layout) over the corpus. Per paper it reports wall-clock
// ms/page and cpu-ms/page (process CPU time, which a machine shared with
// other work disturbs less); with -v the top-level run logs the median and
// 90th percentile of the papers' ms/page:
//
//	APPRAISE_CORPUS=../shared/corpus go test ./pdfextract -run '^$' -bench PageGlyphs -benchtime 5x
func BenchmarkPageGlyphs(b *testing.B) {
	papers := corpusPapers(b)
	var usable []corpusPaper
	for _, p := range papers {
		if !strings.HasPrefix(p.name, "encrypted-") {
			usable = append(usable, p)
		}
	}
	perPage := make([]float64, len(usable))
	cpuPerPage := make([]float64, len(usable))
	for i, p := range usable {
		b.Run(p.name, func(b *testing.B) {
			pages := 0
			b.ReportAllocs()
			b.SetBytes(int64(len(p.data)))
			start, cpu := time.Now(), processCPU()
			for b.Loop() {
				ps, err := PageGlyphsOf(p.data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(ps)
			}
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(max(pages, 1))
			cpuMS := float64((processCPU() - cpu).Microseconds()) / 1000 / float64(max(pages, 1))
			perPage[i], cpuPerPage[i] = ms, cpuMS
			b.ReportMetric(ms, "ms/page")
			b.ReportMetric(cpuMS, "cpu-ms/page")
		})
	}
	sorted := append([]float64(nil), perPage...)
	sort.Float64s(sorted)
	cpuSorted := append([]float64(nil), cpuPerPage...)
	sort.Float64s(cpuSorted)
	b.Logf("glyph extraction over %d papers: median %.2f ms/page, p90 %.2f ms/page; CPU median %.2f ms/page, p90 %.2f ms/page",
		len(sorted), percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(cpuSorted, 0.5), percentile(cpuSorted, 0.9))
}

// percentile returns the p-quantile of sorted values (nearest rank).
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
