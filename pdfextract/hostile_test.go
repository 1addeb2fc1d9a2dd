package pdfextract

import (
	"context"
	"errors"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// TestHostileFiles runs every crafted malformed PDF through the isolated
// child with the default limits (the real ExtractBytes): each must end in
// a Document or a typed error, within the wall-clock limit, and this test
// process must live on. Run with -v for the outcome table.
func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile files take up to the 10 s limit each; skipped with -short")
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.big && raceBuild {
				// Building a flate bomb alone takes minutes under the race
				// detector, and these files test the parser's resource
				// guards, not concurrency: the plain run covers them.
				t.Skip("big hostile file: run without -race")
			}
			t.Parallel()
			pdf := c.pdf()
			x := newTestIsolated(t, "")
			start := time.Now()
			doc, st, err := x.ExtractData(context.Background(), "hostile.pdf", pdf, appraise.ExtractOptions{})
			took := time.Since(start)
			checkOutcome(t, doc, err)
			if took > st.Limit+3*time.Second {
				t.Errorf("took %v, limit %v", took, st.Limit)
			}
			outcome := "text"
			if err != nil {
				outcome = err.Error()
			}
			t.Logf("%s: %d bytes → %s in %v (limit %v, child peak RSS %d MiB)", c.name, len(pdf), outcome, took.Round(time.Millisecond), st.Limit, st.PeakRSS>>20)
		})
	}
}

// checkOutcome asserts an extraction ended in a well-formed Document or in
// a typed extraction error.
func checkOutcome(tb testing.TB, doc appraise.Document, err error) {
	tb.Helper()
	if err != nil {
		for _, k := range appraise.ExtractionErrors() {
			if errors.Is(err, k) {
				return
			}
		}
		tb.Fatalf("untyped error: %v", err)
	}
	checkDocument(tb, doc)
}

// checkDocument asserts a Document's offsets are consistent with its text.
func checkDocument(tb testing.TB, doc appraise.Document) {
	tb.Helper()
	n := len([]rune(doc.Text))
	for i, b := range doc.Blocks {
		if b.Index != i || b.Start < 0 || b.End < b.Start || b.End > n {
			tb.Fatalf("block %d: index %d, [%d,%d) in a text of %d code points", i, b.Index, b.Start, b.End, n)
		}
	}
	prev := 0
	for _, p := range doc.Passages {
		if p.Start < prev || p.End <= p.Start || p.End > n {
			tb.Fatalf("passage %s [%d,%d) out of order or bounds (text %d code points)", p.ID, p.Start, p.End, n)
		}
		prev = p.End
	}
}
