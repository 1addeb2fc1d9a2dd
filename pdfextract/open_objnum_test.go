package pdfextract

import (
	"context"
	"errors"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// A file's cost follows the bytes present, not the object numbers it
// claims: each of these few-hundred-byte files ends, in a child capped at
// 64 MiB, in text or a typed error other than "too large".
func TestHugeObjectNumbersCostWhatTheFileHolds(t *testing.T) {
	for _, c := range []struct {
		name string
		pdf  []byte
	}{
		{"tiny file defining object 2147483647", hugeObjectNumber()},
		{"xref table subsection at object 2147483646", hugeXrefSubsection()},
		{"xref stream with /Size 2147483647", hugeXrefStreamSize()},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := newTestIsolated(t, "")
			doc, st, err := x.ExtractData(context.Background(), "huge.pdf", c.pdf, appraise.ExtractOptions{MemoryLimit: 64 << 20})
			checkOutcome(t, doc, err)
			if errors.Is(err, appraise.ErrTooLarge) {
				t.Fatalf("%d-byte file: %v (peak %d MiB)", len(c.pdf), err, st.PeakRSS>>20)
			}
			t.Logf("%d bytes → %v, peak RSS %d MiB", len(c.pdf), err, st.PeakRSS>>20)
		})
	}
}

func TestSectionMaxObject(t *testing.T) {
	tests := []struct {
		name string
		data string
		want int
	}{
		{"table rows", "xref\n0 3\n0000000000 65535 f \n0000000010 00000 n \n0000000020 00000 n \ntrailer", 2},
		{"subsection far out counts its rows read", "xref\n0 1\n0000000000 65535 f \n900 2\n0000000010 00000 n \ntrailer", 900},
		{"a count larger than the rows present", "xref\n0 2147483647\n0000000000 65535 f \ntrailer", 0},
		{"xref stream /Size", "7 0 obj\n<< /Type /XRef /Size 12 /W [1 2 1] >>\nstream", 11},
		{"xref stream /Index", "7 0 obj\n<< /Type /XRef /Size 12 /Index [0 2 5000 3] /W [1 2 1] >>\nstream", 5002},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sectionMaxObject([]byte(tt.data), 0); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
