package pdfrender

import (
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// Benchmarks run under the shared CPU lock, e.g.:
//
//	flock /tmp/appraise-heavy.lock env APPRAISE_CORPUS=/work/shared/corpus \
//	  go test ./internal/pdfrender -run '^$' -bench . -benchtime 3x -v

// BenchmarkWorkerStart is the first render of a new worker: process
// start, module compilation (cold: empty cache folder; warm: the cache
// filled by an earlier worker) and one small page.
func BenchmarkWorkerStart(b *testing.B) {
	req := appraise.RenderRequest{Path: demoPDF(b), Page: 1, Scale: 0.25}
	for _, warm := range []bool{false, true} {
		name := "cold"
		if warm {
			name = "warm"
		}
		b.Run(name, func(b *testing.B) {
			var startup time.Duration
			for b.Loop() {
				dir := sharedCache
				if !warm {
					dir = b.TempDir()
				}
				x := NewIsolated(dir)
				if _, err := x.RenderPage(context.Background(), req); err != nil {
					b.Fatal(err)
				}
				startup += x.last.startup
				b.ReportMetric(float64(x.last.rss>>20), "MiB-rss")
				_ = x.Close()
			}
			b.ReportMetric(float64(startup.Milliseconds())/float64(b.N), "ms-compile")
		})
	}
}

// BenchmarkRenderPage renders every page of a paper in turn with a warm
// worker (the document stays open) and reports the median per page.
func BenchmarkRenderPage(b *testing.B) {
	papers := []string{demoPDF(b)}
	if c := corpusPDFsIfAny(b); len(c) > 0 {
		papers = append(papers, c[0], c[len(c)/2], c[len(c)-1])
	}
	x := newTestIsolated(b, "")
	for _, scale := range []float64{1.5, 2} {
		for _, p := range papers {
			pages := pageCount(b, p)
			b.Run(filepath.Base(p)+"@"+strconv.FormatFloat(scale, 'g', -1, 64), func(b *testing.B) {
				if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: p, Page: 1, Scale: scale}); err != nil {
					b.Fatal(err) // opens the document: not timed
				}
				var times []float64
				page := 0
				for b.Loop() {
					page = page%pages + 1
					start := time.Now()
					if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: p, Page: page, Scale: scale}); err != nil {
						b.Fatal(err)
					}
					times = append(times, float64(time.Since(start).Microseconds())/1000)
				}
				sort.Float64s(times)
				b.ReportMetric(times[len(times)/2], "ms-median")
			})
		}
	}
}

// BenchmarkExport writes 100 highlights (two line quads each) into the
// corpus's longest paper (30 pages); the target is 2 s.
func BenchmarkExport(b *testing.B) {
	src := longestCorpusPDF(b)
	pages := pageCount(b, src)
	var hs []appraise.Highlight
	for page := 1; page <= pages && len(hs) < 100; page++ {
		words := popplerWords(b, src, page)
		for i := 0; i+1 < len(words) && len(hs) < 100 && i < 8; i += 2 {
			hs = append(hs, appraise.Highlight{ID: "h" + strconv.Itoa(len(hs)), Page: page, Quads: []appraise.Rect{words[i].Box, words[i+1].Box},
				Color: [3]uint8{255, 214, 0}, Contents: "claim — a note", Author: "ana", Modified: time.Now()})
		}
	}
	if len(hs) < 100 {
		b.Fatalf("only %d highlights placed", len(hs))
	}
	x := newTestIsolated(b, "")
	dst := filepath.Join(b.TempDir(), "out.pdf")
	for b.Loop() {
		if err := x.WriteHighlights(context.Background(), src, dst, hs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkerRSS renders every page of the corpus's longest paper at
// 2× and reports the worker's peak resident memory.
func BenchmarkWorkerRSS(b *testing.B) {
	src := longestCorpusPDF(b)
	pages := pageCount(b, src)
	for b.Loop() {
		x := NewIsolated(sharedCache)
		for page := 1; page <= pages; page++ {
			if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: src, Page: page, Scale: 2}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(x.last.peakRSS>>20), "MiB-peak-rss")
		b.ReportMetric(float64(pages), "pages")
		_ = x.Close()
	}
}

func corpusPDFsIfAny(tb testing.TB) []string {
	if testingCorpusUnset() {
		return nil
	}
	return corpusPDFs(tb)
}

// longestCorpusPDF is the corpus paper with the most pages.
func longestCorpusPDF(tb testing.TB) string {
	best, most := "", 0
	for _, p := range corpusPDFs(tb) {
		if n := pageCount(tb, p); n > most {
			best, most = p, n
		}
	}
	return best
}
