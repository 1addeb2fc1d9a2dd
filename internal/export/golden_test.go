package export

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestGoldenFiles(t *testing.T) {
	cases := []struct {
		name   string
		format appraise.ExportFormat
		in     func() Input
		golden string
	}{
		{"demo paper as handout", appraise.FormatHTML, demoInput, "demo.html"},
		{"demo paper as Markdown", appraise.FormatMarkdown, demoInput, "demo.md"},
		{"demo paper as CSV", appraise.FormatCSV, demoInput, "demo.csv"},
		{"demo paper as JSON-LD", appraise.FormatJSONLD, demoInput, "demo.jsonld"},
		{"untagged paper as handout", appraise.FormatHTML, emptyInput, "empty.html"},
		{"untagged paper as Markdown", appraise.FormatMarkdown, emptyInput, "empty.md"},
		{"untagged paper as CSV", appraise.FormatCSV, emptyInput, "empty.csv"},
		{"untagged paper as JSON-LD", appraise.FormatJSONLD, emptyInput, "empty.jsonld"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkGolden(t, c.golden, render(t, c.format, c.in()))
		})
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	for _, f := range Formats() {
		in := demoInput()
		first := render(t, f, in)
		// Same data given in another order: same bytes.
		in.Annotations = reversed(in.Annotations)
		if got := render(t, f, in); got != first {
			t.Errorf("%s: output depends on the order annotations are given in:\n%s", f, firstDifference(first, got))
		}
	}
}

func TestWriteRejectsUnknownFormat(t *testing.T) {
	var sb strings.Builder
	err := Write(&sb, "pdf", demoInput())
	if err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Fatalf("Write(pdf) = %v, want an error naming the format", err)
	}
	if sb.Len() != 0 {
		t.Errorf("Write(pdf) wrote %d bytes", sb.Len())
	}
}

func TestWriteRejectsAnnotationOfAnotherPaper(t *testing.T) {
	in := demoInput()
	in.Annotations[2].Paper = "0000000000000000000000000000000000000000000000000000000000000000"
	var sb strings.Builder
	if err := Write(&sb, appraise.FormatHTML, in); err == nil {
		t.Fatal("Write accepted an annotation of another paper")
	}
	if sb.Len() != 0 {
		t.Errorf("Write wrote %d bytes before failing", sb.Len())
	}
}

type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

func TestWriteReportsWriterError(t *testing.T) {
	want := fmt.Errorf("disk full")
	for _, f := range Formats() {
		if err := Write(failingWriter{want}, f, demoInput()); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: Write to a failing writer = %v, want the writer's error", f, err)
		}
	}
}

func TestExtensionCoversEveryFormat(t *testing.T) {
	for _, f := range Formats() {
		if Extension(f) == "" {
			t.Errorf("Extension(%q) is empty", f)
		}
	}
	if Extension("pdf") != "" {
		t.Error(`Extension("pdf") is not empty`)
	}
}

func reversed[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// firstDifference describes where two texts first differ, by line.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, wl, gl)
		}
	}
	return "(no difference)"
}
