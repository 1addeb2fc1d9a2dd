package testpdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pdftotext runs poppler's pdftotext on pdf and returns its output; the
// test is skipped when pdftotext is not installed. A non-zero exit fails
// the test with pdftotext's message.
func pdftotext(tb testing.TB, pdf []byte, args ...string) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed; skipping the cross-check with poppler")
	}
	in := filepath.Join(tb.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, append(append([]string{"-q"}, args...), in, "-")...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pdftotext %v: %v: %s", args, err, stderr.String())
	}
	return string(out)
}

// words splits text into words for comparisons that ignore spacing.
func words(s string) []string { return strings.Fields(s) }

// firstDifference describes where two word lists part, or "" when equal.
func firstDifference(got, want []string) string {
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			lo := max(0, i-4)
			return "word " + strconv.Itoa(i) + ": got …" + strings.Join(got[lo:min(len(got), i+5)], " ") +
				"…, want …" + strings.Join(want[lo:min(len(want), i+5)], " ") + "…"
		}
	}
	if len(got) != len(want) {
		return "got " + strconv.Itoa(len(got)) + " words, want " + strconv.Itoa(len(want))
	}
	return ""
}
