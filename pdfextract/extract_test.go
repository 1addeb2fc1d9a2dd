package pdfextract

import (
	"sort"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// ExtractBytes composes glyphs, layout, passages and metadata.
func TestExtractBytesComposes(t *testing.T) {
	pdf, truth := testpdf.OneColumn()
	doc, err := ExtractBytes(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.ExtractorVersion != Version {
		t.Errorf("ExtractorVersion %q, want %q", doc.ExtractorVersion, Version)
	}
	if len(doc.Pages) != 1 || doc.Pages[0] != (appraise.Page{Number: 1, Width: testpdf.LetterWidth, Height: testpdf.LetterHeight}) {
		t.Errorf("pages %+v", doc.Pages)
	}
	if strings.TrimSpace(doc.Text) != strings.TrimSpace(truth) {
		t.Errorf("text differs from the generator's truth:\n%s\n---\n%s", doc.Text, truth)
	}
	if len(doc.Blocks) == 0 || len(doc.Passages) < len(doc.Blocks) {
		t.Fatalf("%d blocks, %d passages", len(doc.Blocks), len(doc.Passages))
	}
	runes := []rune(doc.Text)
	for _, p := range doc.Passages {
		if p.Start < 0 || p.End > len(runes) || p.Start >= p.End {
			t.Fatalf("passage %s [%d,%d) outside the text", p.ID, p.Start, p.End)
		}
	}
	if doc.Meta.Title == "" {
		t.Error("no title")
	}
}

func TestExtractBytesMaxPages(t *testing.T) {
	doc, err := ExtractBytes(testpdf.NewDoc(hello, "BT /F1 12 Tf 72 700 Td (Second) Tj ET").Bytes(), Options{MaxPages: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 || strings.Contains(doc.Text, "Second") {
		t.Errorf("%d pages, text %q; want the first page only", len(doc.Pages), doc.Text)
	}
}

// BenchmarkExtractBytes measures the whole in-process extraction (glyphs,
// layout, passages, metadata) over the corpus, reporting ms/page and
// cpu-ms/page per paper, and with -v the median and 90th percentile:
//
//	APPRAISE_CORPUS=../shared/corpus go test ./pdfextract -run '^$' -bench ExtractBytes -benchtime 3x -v
func BenchmarkExtractBytes(b *testing.B) {
	var papers []corpusPaper
	for _, p := range corpusPapers(b) {
		if !strings.HasPrefix(p.name, "encrypted-") {
			papers = append(papers, p)
		}
	}
	// Indexed by paper: b.Run may call a sub-benchmark more than once.
	wall, cpu := make([]float64, len(papers)), make([]float64, len(papers))
	for i, p := range papers {
		b.Run(p.name, func(b *testing.B) {
			pages := 0
			b.ReportAllocs()
			start, c0 := time.Now(), processCPU()
			for b.Loop() {
				doc, err := ExtractBytes(p.data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(max(pages, 1))
			cms := float64((processCPU() - c0).Microseconds()) / 1000 / float64(max(pages, 1))
			wall[i], cpu[i] = ms, cms
			b.ReportMetric(ms, "ms/page")
			b.ReportMetric(cms, "cpu-ms/page")
		})
	}
	sort.Float64s(wall)
	sort.Float64s(cpu)
	b.Logf("ExtractBytes over %d papers: median %.2f ms/page, p90 %.2f ms/page; CPU median %.2f ms/page, p90 %.2f ms/page",
		len(wall), percentile(wall, 0.5), percentile(wall, 0.9), percentile(cpu, 0.5), percentile(cpu, 0.9))
}
