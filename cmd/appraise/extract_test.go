package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// TestMain lets this test binary serve as the extraction child, as main
// does: "appraise extract" re-executes the running binary to read a PDF.
// With APPRAISE_TEST_RUN_MAIN=1 it is the appraise command itself, for
// tests that must see a whole process (its exit code, what it prints).
func TestMain(m *testing.M) {
	if os.Getenv("APPRAISE_TEST_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	if code, ok := runExtractChildIfAsked(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	if code, ok := runRenderWorkerIfAsked(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	// The Ctrl-C test runs appraise in a process of its own to signal it.
	if args := os.Getenv(cliChildEnv); args != "" {
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// writePDF writes pdf into a temporary folder and returns its path.
func writePDF(tb testing.TB, name string, pdf []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// assertNoTrace fails when stderr looks like a Go crash report.
func assertNoTrace(tb testing.TB, stderr string) {
	tb.Helper()
	for _, s := range []string{"goroutine ", "panic:", ".go:", "fatal error"} {
		if strings.Contains(stderr, s) {
			tb.Fatalf("stderr carries a Go trace (%q): %s", s, stderr)
		}
	}
}

func TestExtractTextIsBlocksSeparatedByBlankLines(t *testing.T) {
	pdf, truth := testpdf.OneColumn()
	path := writePDF(t, "one-column.pdf", pdf)
	code, out, errOut := runCLI(t, "extract", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	paras := strings.Split(strings.TrimSuffix(out, "\n"), "\n\n")
	for _, p := range paras {
		if p == "" || strings.Contains(p, "\n") {
			t.Fatalf("paragraph %q is empty or spans lines; output:\n%s", p, out)
		}
	}
	// The headings of the generated paper stand alone, as in its truth.
	for _, heading := range []string{"Background", "Methods"} {
		if !strings.Contains(truth, "\n\n"+heading+"\n\n") {
			t.Fatalf("the generator's truth changed: no heading %q", heading)
		}
		if !containsLine(paras, heading) {
			t.Errorf("heading %q is not a paragraph of its own:\n%s", heading, out)
		}
	}
	// Same blocks as the JSON form.
	_, jsonOut, _ := runCLI(t, "extract", "--format", "json", path)
	var doc extractJSON
	if err := json.Unmarshal([]byte(jsonOut), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != len(paras) {
		t.Errorf("text has %d paragraphs, JSON %d blocks", len(paras), len(doc.Blocks))
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

func TestExtractTextLeavesOutRunningHeadersAndPageNumbers(t *testing.T) {
	pdf, truth := testpdf.HeaderFooter()
	code, out, errOut := runCLI(t, "extract", writePDF(t, "header-footer.pdf", pdf))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, s := range []string{"Annals of Imaginary Medicine", "2024; 7(2)", "doi:10.5555/aim.2024.0042", "\n58\n", "\n59\n"} {
		if strings.Contains(out, s) {
			t.Errorf("output contains running header/footer or page number %q:\n%s", s, out)
		}
	}
	// The generator's truth has no furniture and is in this very format:
	// a page number glued to a line or paragraph shows here.
	if out != truth {
		t.Errorf("output differs from the generator's truth\n got: %q\nwant: %q", out, truth)
	}
}

func TestExtractJSONHasTheWholeExtraction(t *testing.T) {
	pdf, _ := testpdf.TwoColumn()
	code, out, errOut := runCLI(t, "extract", "--format", "json", writePDF(t, "two-column.pdf", pdf))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc extractJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.ExtractorVersion == "" || len(doc.Pages) != 1 || doc.Pages[0].Width <= 0 || len(doc.Blocks) == 0 || len(doc.Passages) == 0 {
		t.Fatalf("incomplete extraction: version %q, %d pages, %d blocks, %d passages",
			doc.ExtractorVersion, len(doc.Pages), len(doc.Blocks), len(doc.Passages))
	}
	text := []rune(doc.Text)
	for _, b := range doc.Blocks {
		if b.Kind == "" || b.BBox.X1 <= b.BBox.X0 || b.BBox.Y1 <= b.BBox.Y0 {
			t.Errorf("block %d has no kind or an empty box: %+v", b.Index, b)
		}
		if b.Text != string(text[b.Start:b.End]) {
			t.Errorf("block %d text %q is not text[%d:%d]", b.Index, b.Text, b.Start, b.End)
		}
	}
	for _, p := range doc.Passages {
		if !strings.HasPrefix(p.ID, fmt.Sprintf("b%d.s", p.Block)) || p.Text != string(text[p.Start:p.End]) {
			t.Errorf("passage %+v does not match its block or the text", p)
		}
	}
	// Field order is part of the format: metadata, pages, blocks, passages, text.
	order := []string{`"file"`, `"extractor_version"`, `"meta"`, `"pages"`, `"blocks"`, `"passages"`, `"text"`}
	last := -1
	for _, k := range order {
		i := strings.Index(out, "\n  "+k+":") // top-level keys are indented by two spaces
		if i <= last {
			t.Fatalf("key %s out of order in:\n%.400s", k, out)
		}
		last = i
	}
}

func TestExtractTypedErrorsExitThreeWithTheSentence(t *testing.T) {
	cycle := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "x"))
	enc := cycle.AddObject("<< /Filter /Nonsense /V 9 /R 9 /O <00> /U <00> /P -4 >>")
	encrypted := cycle.BytesWith(testpdf.Options{TrailerExtra: fmt.Sprintf("/Encrypt %d 0 R /ID [<01> <01>]", enc)})
	tests := []struct {
		name string
		pdf  []byte
		want error
	}{
		{"not a PDF", []byte("just some text, not a PDF"), appraise.ErrNotPDF},
		{"empty file", nil, appraise.ErrEmptyFile},
		{"unsupported encryption", encrypted, appraise.ErrUnsupportedEncryption},
		{"no text and no images", testpdf.NewDoc("0 0 m 100 100 l S\n").Bytes(), appraise.ErrNoTextNoImages},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "extract", writePDF(t, "paper.pdf", tt.pdf))
			if code != exitTyped {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitTyped, errOut)
			}
			if want := "appraise: open paper.pdf: " + tt.want.Error() + "\n"; errOut != want {
				t.Errorf("stderr %q, want %q", errOut, want)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

func TestExtractHostileFileNeverShowsATrace(t *testing.T) {
	d := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "cycle"))
	d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", d.Pages, d.PageObjs[0]))
	deep := testpdf.NewDoc("BT /F1 12 Tf 72 700 Td " + strings.Repeat("[", 200000) + " TJ ET")
	for name, pdf := range map[string][]byte{"cycle.pdf": d.Bytes(), "deep.pdf": deep.Bytes()} {
		code, _, errOut := runCLI(t, "extract", writePDF(t, name, pdf))
		if code != 0 && code != exitTyped {
			t.Errorf("%s: exit %d, want 0 or %d: %s", name, code, exitTyped, errOut)
		}
		assertNoTrace(t, errOut)
	}
}

func TestExtractArguments(t *testing.T) {
	pdf, _ := testpdf.OneColumn()
	path := writePDF(t, "p.pdf", pdf)
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"no file", []string{"extract"}, exitUsage, "name the PDF to extract"},
		{"two files", []string{"extract", path, path}, exitUsage, "one PDF at a time"},
		{"unknown format", []string{"extract", "--format", "xml", path}, exitUsage, `unknown format "xml"`},
		{"unknown flag", []string{"extract", "--colour", path}, exitUsage, "flag provided but not defined"},
		{"missing file", []string{"extract", filepath.Join(t.TempDir(), "gone.pdf")}, exitTyped, "gone.pdf: there is no file at this path"},
		{"flags after the file", []string{"extract", path, "--format", "json"}, 0, ""},
		{"password on an unencrypted file is harmless", []string{"extract", "--password", "x", path}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d with %q", code, errOut, tt.code, tt.want)
			}
			if tt.code == exitUsage && !strings.Contains(errOut, "usage: appraise extract") {
				t.Errorf("usage error without usage: %q", errOut)
			}
		})
	}
}

func TestExtractCorpusAES256SampleOpensWithItsOwnerPassword(t *testing.T) {
	corpus := os.Getenv("APPRAISE_CORPUS")
	if corpus == "" {
		t.Skip("APPRAISE_CORPUS is not set: skipping the real-paper corpus (CI sets it to ../shared/corpus)")
	}
	truth, err := os.ReadFile(filepath.Join(corpus, "truth", "encrypted-aes256-ownerpw-foo.expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "extract", "--password", "foo", filepath.Join(corpus, "pdfs", "encrypted-aes256-ownerpw-foo.pdf"))
	if code != 0 || strings.TrimSpace(out) != strings.TrimSpace(string(truth)) {
		t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, out, errOut, truth)
	}
}

func TestMessagesNameTheFileOnce(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notes, []byte("my notes, not a PDF"), 0o600)
	empty := filepath.Join(dir, "empty.pdf")
	os.WriteFile(empty, nil, 0o600)
	gone := filepath.Join(dir, "gone.pdf")
	db := filepath.Join(t.TempDir(), "lib.db")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"extract, not a PDF", []string{"extract", notes}, "appraise: open notes.pdf: this file is not a PDF\n"},
		{"import, not a PDF", []string{"--db", db, "import", notes}, "appraise: open notes.pdf: this file is not a PDF\n"},
		{"extract, empty file", []string{"extract", empty}, "appraise: open empty.pdf: " + appraise.ErrEmptyFile.Error() + "\n"},
		{"import, empty file", []string{"--db", db, "import", empty}, "appraise: open empty.pdf: " + appraise.ErrEmptyFile.Error() + "\n"},
		{"extract, missing file", []string{"extract", gone}, "appraise: open gone.pdf: there is no file at this path\n"},
		{"import, missing file", []string{"--db", db, "import", gone}, "appraise: open gone.pdf: there is no file at this path\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, errOut := runCLI(t, c.args...)
			if errOut != c.want {
				t.Errorf("stderr %q, want %q", errOut, c.want)
			}
		})
	}
}
