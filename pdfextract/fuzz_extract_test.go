package pdfextract

import (
	"context"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// FuzzExtract feeds arbitrary bytes to the real extractor through the
// child-process guard, as the app reads a PDF: the answer must be a
// well-formed Document or a typed error, within the limit, whatever the
// parser does (hangs and memory blow-ups included). The limits are tighter
// than the app's so a hang costs the fuzzer 2 s, not 10. Crashers found
// are kept in testdata/fuzz/FuzzExtract and added to hostileCases.
func FuzzExtract(f *testing.F) {
	f.Add(testpdf.NewDoc(hostileHello, "BT /F1 10 Tf 72 720 Td (Second page.) Tj ET").Bytes())
	for _, c := range hostileCases() {
		if !c.big {
			f.Add(c.pdf())
		}
	}
	x := newTestIsolated(f, "")
	opt := appraise.ExtractOptions{Timeout: 2 * time.Second, MemoryLimit: 256 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc, st, err := x.ExtractData(context.Background(), "fuzz.pdf", data, opt)
		checkOutcome(t, doc, err)
		if took := time.Since(start); took > opt.Timeout+3*time.Second {
			t.Fatalf("took %v, limit %v", took, st.Limit)
		}
	})
}
