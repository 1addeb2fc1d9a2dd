package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
	"appraise.app/appraise/pdfextract"
)

// TestMain lets this test binary serve as the extraction child.
func TestMain(m *testing.M) {
	if code, ok := pdfextract.ChildMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// miniCorpus writes a corpus folder: one generated paper with its truth
// (also standing in for pdftotext's output) and one file that is not a PDF.
func miniCorpus(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	pdf, truth := testpdf.OneColumn()
	files := map[string][]byte{
		"pdfs/one-column.pdf":            pdf,
		"truth/one-column.plain.txt":     []byte(truth),
		"pdftotext/one-column.txt":       []byte(truth),
		"pdfs/not-a-pdf.pdf":             []byte("hello, I am a text file"),
		"truth/unrelated.tei.xml":        []byte("<TEI/>"),
		"pdftotext/not-a-pdf.txt":        []byte(""),
		"pdfs/.hidden-not-matched.txt":   []byte("x"),
		"pdftotext/orphan-without-a.txt": []byte("x"),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestEvalReportsEveryFileAndTheTotals(t *testing.T) {
	dir := miniCorpus(t)
	var out bytes.Buffer
	if err := run([]string{"-runs", "1", "-demo", ""}, func(k string) string {
		if k == "APPRAISE_CORPUS" {
			return dir
		}
		return ""
	}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	for _, want := range []string{
		"on 2 files from " + dir,
		"one-column",
		"not-a-pdf.pdf: this file is not a PDF",
		"Total: 1 files extracted, 1 pages, 1 gave a typed error.",
		"median", "p90",
		"Against truth (truth/*.plain.txt, demo truth), 1 files",
		"Against pdftotext (pdftotext/*.txt), 1 files",
		"Sentence integrity against truth (sentences of 8+ words whole in the output): 7 of 7 = 1.000 overall",
		"Child time per page over pdftotext's",
		"peak RSS per page median",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	// The row of the extracted file has a score in every metric column.
	for _, line := range strings.Split(report, "\n") {
		if strings.Contains(line, "one-column") && strings.Count(line, "0.")+strings.Count(line, "1.000") < 8 {
			t.Errorf("row without both score column groups: %q", line)
		}
	}
}

func TestEvalFailsWithoutPDFs(t *testing.T) {
	err := run([]string{"-corpus", t.TempDir()}, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no PDFs") {
		t.Fatalf("got %v", err)
	}
}

func TestPercentileIsNearestRank(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	tests := []struct {
		p    float64
		want float64
	}{{50, 5}, {90, 9}, {100, 10}, {1, 1}}
	for _, tt := range tests {
		if got := percentile(xs, tt.p); got != tt.want {
			t.Errorf("p%v = %v, want %v", tt.p, got, tt.want)
		}
	}
	if !math.IsNaN(percentile(nil, 50)) {
		t.Error("percentile of nothing should be NaN")
	}
}
