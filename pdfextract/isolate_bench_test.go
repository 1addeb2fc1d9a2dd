package pdfextract

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// BenchmarkIsolated measures extraction as users run it: through the child
// process (this test binary re-executed, see TestMain), from starting the
// child to its decoded answer. Per paper it reports wall-clock ms/page;
// with -v the top-level run logs the median and 90th percentile over the
// papers. The "fixed" sub-benchmark extracts a one-line page, so its
// ms/op is the per-extraction cost of the child itself (process start,
// transport, limits):
//
//	APPRAISE_CORPUS=../shared/corpus go test ./pdfextract -run '^$' -bench Isolated -benchtime 5x -v
func BenchmarkIsolated(b *testing.B) {
	x := newTestIsolated(b, "")
	ctx := context.Background()
	b.Run("fixed", func(b *testing.B) {
		pdf := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "hello")).Bytes()
		for b.Loop() {
			if _, _, err := x.ExtractData(ctx, "hello.pdf", pdf, appraise.ExtractOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	var papers []corpusPaper
	for _, p := range corpusPapers(b) {
		if !strings.HasPrefix(p.name, "encrypted-") {
			papers = append(papers, p)
		}
	}
	perPage := make([]float64, len(papers))
	for i, p := range papers {
		b.Run(p.name, func(b *testing.B) {
			pages := 0
			start := time.Now()
			for b.Loop() {
				doc, _, err := x.ExtractData(ctx, p.name+".pdf", p.data, appraise.ExtractOptions{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			perPage[i] = float64(time.Since(start).Microseconds()) / 1000 / float64(max(pages, 1))
			b.ReportMetric(perPage[i], "ms/page")
		})
	}
	sort.Float64s(perPage)
	b.Logf("isolated extraction over %d papers: median %.2f ms/page, p90 %.2f ms/page",
		len(perPage), percentile(perPage, 0.5), percentile(perPage, 0.9))
}
