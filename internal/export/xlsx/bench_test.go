package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"appraise.app/appraise/internal/export"
)

// libraryTable is a table the size of a large library: 1,000 papers with
// 100 annotations each, cells of realistic lengths.
func libraryTable() export.Table {
	t := export.Table{Header: export.TableHeader}
	quote := strings.Repeat("Exacerbations fell by a third in children given budesonide. ", 3)
	for p := range 1000 {
		for a := range 100 {
			t.Rows = append(t.Rows, []string{fmt.Sprintf("Paper %d: a randomised trial of something useful", p), "10.1000/xyz" + fmt.Sprint(p),
				fmt.Sprint(a%12 + 1), "claim; limitation", quote, "Small sample; no blinding.", "Dr Zoë Ødegård",
				"2026-03-02T09:22:00Z", "2026-03-02T09:25:00Z", fmt.Sprintf("3f2b6c1e-0d4a-4c8e-9b1f-%012d", p*100+a), "",
				"A. Author; B. Author", "2024", "Journal of Things", "Randomised trial", "n = 120", "Three clinics",
				"Promising but small.", fmt.Sprintf("%064d", p)})
		}
	}
	return t
}

func BenchmarkWriteLibrary100kAnnotations(b *testing.B) {
	t := libraryTable()
	b.Run("xlsx", func(b *testing.B) {
		var n int
		for b.Loop() {
			var buf bytes.Buffer
			if err := Write(&buf, t); err != nil {
				b.Fatal(err)
			}
			n = buf.Len()
		}
		b.ReportMetric(float64(n)/(1<<20), "MiB/file")
	})
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			if err := export.WriteTableCSV(io.Discard, t, true); err != nil {
				b.Fatal(err)
			}
		}
	})
}
