package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/pdfextract"
	"appraise.app/appraise/store"
)

// BenchmarkImportBundle5000 imports a bundle of 5,000 annotations on the
// demo paper into a library that has the paper: the budget is
// 2 s. Each round starts from a fresh library, so every annotation is new
// and written.
func BenchmarkImportBundle5000(b *testing.B) {
	ctx := context.Background()
	fresh := func() (*library.Library, *store.Store, appraise.OpenedPaper) {
		s, err := store.Open(filepath.Join(b.TempDir(), "library.db"), store.Options{BackupEvery: 1 << 62})
		if err != nil {
			b.Fatal(err)
		}
		lib := library.New(library.Config{Store: s, Extractor: pdfextract.NewIsolated()})
		op, err := lib.Open(ctx, demoPDF, "")
		if err != nil {
			b.Fatal(err)
		}
		return lib, s, op
	}
	_, s, op := fresh()
	var anns []appraise.Annotation
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range 5000 {
		p := op.Doc.Passages[i%len(op.Doc.Passages)]
		text := []rune(op.Doc.Text)
		anns = append(anns, appraise.Annotation{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Paper: op.Paper.ID,
			Tags: []string{[]string{"population", "claim", "limitation"}[i%3]}, Author: fmt.Sprintf("member %d", i%12),
			Note: "a note of a few words", Created: t0, Modified: t0.Add(time.Duration(i) * time.Second),
			Anchor: appraise.Anchor{Start: p.Start, End: p.End, Exact: string(text[p.Start:p.End]), Page: p.Page,
				PassageID: p.ID, ExtractorVersion: op.Doc.ExtractorVersion}})
	}
	var buf bytes.Buffer
	if err := export.WriteBundle(&buf, []export.BundleInput{{Input: export.Input{Paper: op.Paper, Annotations: anns}}}); err != nil {
		b.Fatal(err)
	}
	s.Close()
	data := buf.Bytes()
	b.ReportMetric(float64(len(data))/(1<<20), "MiB/bundle")
	for b.Loop() {
		b.StopTimer()
		lib, s, _ := fresh()
		b.StartTimer()
		rep, err := lib.ImportBundle(bytes.NewReader(data))
		if err != nil || rep.Totals().New != 5000 {
			b.Fatalf("import: %+v %v", rep.Totals(), err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
