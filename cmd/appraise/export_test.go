package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/export/xlsx"
	"appraise.app/appraise/internal/testpdf"
)

func TestExportArguments(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		want    exportOptions
		wantErr string // a usage error containing this; "" for none
	}{
		{"format and paper", []string{"--paper", "abc123", "--format", "md"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatMarkdown}, ""},
		{"filters", []string{"--paper", "p.pdf", "--format", "csv", "--tag", "claim", "--tag", "limitation", "--author", "Ann", "--bom", "-o", "x.csv"},
			exportOptions{papers: []string{"p.pdf"}, format: appraise.FormatCSV, out: "x.csv",
				filter: appraise.ExportFilter{Tags: []string{"claim", "limitation"}, Author: "Ann", BOM: true}}, ""},
		{"format from the output file's extension", []string{"--paper", "abc123", "-o", "Handout.HTML"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatHTML, out: "Handout.HTML"}, ""},
		{"json file means JSON-LD", []string{"--paper", "abc123", "-o", "notes.json"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatJSONLD, out: "notes.json"}, ""},
		{"explicit format wins over extension", []string{"--paper", "abc123", "--format", "md", "-o", "notes.txt"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatMarkdown, out: "notes.txt"}, ""},
		{"missing paper", []string{"--format", "html"}, exportOptions{}, "--paper is required"},
		{"xlsx from the extension", []string{"--paper", "abc123", "-o", "Sheet.xlsx"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatXLSX, out: "Sheet.xlsx"}, ""},
		{"every paper as CSV", []string{"--all", "--format", "csv"}, exportOptions{all: true, format: appraise.FormatCSV}, ""},
		{"every paper as a spreadsheet", []string{"--all", "-o", "lib.xlsx"}, exportOptions{all: true, format: appraise.FormatXLSX, out: "lib.xlsx"}, ""},
		{"every paper as a bundle", []string{"--all", "--format", "jsonld"}, exportOptions{all: true, format: appraise.FormatJSONLD}, ""},
		{"every paper as Markdown into a folder", []string{"--all", "--format", "md", "-o", "notes"},
			exportOptions{all: true, format: appraise.FormatMarkdown, out: "notes"}, ""},
		{"every paper as Markdown needs a folder", []string{"--all", "--format", "md"}, exportOptions{}, "name their folder with -o FOLDER"},
		{"every paper as a handout is refused", []string{"--all", "--format", "html"}, exportOptions{}, "--all exports csv, xlsx, md or jsonld"},
		{"two papers as CSV are refused", []string{"--paper", "a", "--paper", "b", "--format", "csv"}, exportOptions{}, "or export every paper with --all"},
		{"--paper with --all", []string{"--all", "--paper", "abc", "--format", "csv"}, exportOptions{}, "do not go together"},
		{"missing format", []string{"--paper", "abc123"}, exportOptions{}, "--format is required"},
		{"unknown extension and no format", []string{"--paper", "abc123", "-o", "x.docx"}, exportOptions{}, "--format is required"},
		{"unknown format", []string{"--paper", "abc123", "--format", "docx"}, exportOptions{}, `unknown format "docx"`},
		{"annotated PDF", []string{"--paper", "abc123", "--format", "pdf", "--tag", "claim"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatPDF, filter: appraise.ExportFilter{Tags: []string{"claim"}}}, ""},
		{"annotated PDF from the extension", []string{"--paper", "abc123", "-o", "Marked.PDF"},
			exportOptions{papers: []string{"abc123"}, format: appraise.FormatPDF, out: "Marked.PDF"}, ""},
		{"annotated PDF of every paper is refused", []string{"--all", "--format", "pdf"}, exportOptions{}, "name one --paper"},
		{"annotated PDF of two papers is refused", []string{"--paper", "a", "--paper", "b", "--format", "pdf"}, exportOptions{}, "name one --paper"},
		{"by author outside HTML", []string{"--paper", "abc123", "--format", "md", "--by-author"}, exportOptions{}, "--by-author applies to --format html only"},
		{"BOM outside CSV", []string{"--paper", "abc123", "--format", "html", "--bom"}, exportOptions{}, "--bom applies to --format csv only"},
		{"stray argument", []string{"--paper", "abc123", "--format", "md", "extra"}, exportOptions{}, `unexpected argument "extra"`},
		{"unknown flag", []string{"--paper", "abc123", "--colour", "x"}, exportOptions{}, "flag provided but not defined"},
		{"several papers make a bundle", []string{"--paper", "abc123", "--paper", "def456", "--format", "jsonld"},
			exportOptions{papers: []string{"abc123", "def456"}, format: appraise.FormatJSONLD}, ""},
		{"the whole library", []string{"--all", "-o", "club.jsonld"}, exportOptions{all: true, format: appraise.FormatJSONLD, out: "club.jsonld"}, ""},
		{"several papers as a handout", []string{"--paper", "abc123", "--paper", "def456", "--format", "html"}, exportOptions{}, "several papers go into one file as --format jsonld"},
		{"papers and all", []string{"--paper", "abc123", "--all", "--format", "jsonld"}, exportOptions{}, "--paper and --all do not go together"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseExportArgs(c.args)
			if c.wantErr != "" {
				var u usageError
				if !errors.As(err, &u) || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error = %v, want a usage error containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.papers, c.want.papers) || got.all != c.want.all || got.format != c.want.format || got.filter.BOM != c.want.filter.BOM || got.out != c.want.out ||
				got.filter.Author != c.want.filter.Author || !slices.Equal(got.filter.Tags, c.want.filter.Tags) {
				t.Errorf("options = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestExportUsageMistakesExitTwo(t *testing.T) {
	code, out, errOut := runCLI(t, "export", "--paper", "abc123")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "--format is required") || !strings.Contains(errOut, "usage: appraise export") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// halfThenFail writes the first half of doc, then fails, like a disk that
// fills up or a library read that breaks mid-export.
func halfThenFail(doc string) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, doc[:len(doc)/2]); err != nil {
			return err
		}
		return errors.New("interrupted")
	}
}

func TestInterruptedExportLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "handout.html")
	if err := os.WriteFile(path, []byte("old handout"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	e := &env{stdout: &stdout, stderr: io.Discard}
	err := writeExport(e, exportOptions{out: path}, halfThenFail("<!DOCTYPE html><html>new handout</html>"))
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("writeExport = %v, want the interruption", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old handout" {
		t.Errorf("after an interrupted export the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the old file alone (no temporary left behind)", len(entries))
	}
	if stdout.Len() != 0 {
		t.Errorf("an interrupted export printed %q", stdout.String())
	}
}

func TestExportReplacesTheFileWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "annotations.csv")
	if err := os.WriteFile(path, []byte("old,longer,content,than,the,new,one\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	e := &env{stdout: &stdout, stderr: io.Discard}
	err := writeExport(e, exportOptions{out: path}, func(w io.Writer) error {
		_, err := io.WriteString(w, "\uFEFFa,b\r\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "\uFEFFa,b\r\n" {
		t.Errorf("file holds %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("file mode %v, want 0644", st.Mode().Perm())
	}
	if !strings.Contains(stdout.String(), "wrote "+path) {
		t.Errorf("stdout %q does not say where the export went", stdout.String())
	}
}

func TestExportToStandardOutput(t *testing.T) {
	var stdout bytes.Buffer
	e := &env{stdout: &stdout, stderr: io.Discard}
	if err := writeExport(e, exportOptions{out: "-"}, func(w io.Writer) error {
		_, err := io.WriteString(w, "# Handout\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "# Handout\n" {
		t.Errorf("stdout %q", stdout.String())
	}
}

func TestExportIntoMissingFolderFails(t *testing.T) {
	e := &env{stdout: io.Discard, stderr: io.Discard}
	path := filepath.Join(t.TempDir(), "no such folder", "x.md")
	err := writeExport(e, exportOptions{out: path}, func(w io.Writer) error { return nil })
	if err == nil || exitCode(err) != exitError {
		t.Errorf("writeExport into a missing folder = %v (exit %d), want an error (exit 1)", err, exitCode(err))
	}
}

// exportFixture is a library with the generated one-column paper and two
// annotations by two authors, one with two tags.
func exportFixture(t *testing.T) (cli func(args ...string) (int, string, string), id, pdfPath string) {
	t.Helper()
	pdf, _ := testpdf.OneColumn()
	pdfPath = writePDF(t, "anaemia.pdf", pdf)
	db := filepath.Join(t.TempDir(), "library.db")
	cli = func(args ...string) (int, string, string) {
		t.Helper()
		return runCLI(t, append([]string{"--db", db}, args...)...)
	}
	code, out, errOut := cli("import", pdfPath)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	id = strings.TrimSpace(out)
	for _, args := range [][]string{
		{"--quote", "n = 212 and n = 198 women", "--tag", "population", "--note", "=two clinics\nbefore and after", "--author", "Ann"},
		{"--quote", "which we attribute to earlier detection", "--tag", "claim", "--tag", "limitation", "--author", "Ben"},
	} {
		if code, _, errOut := cli(append([]string{"annotate", "--paper", id}, args...)...); code != 0 {
			t.Fatalf("annotate %q: exit %d: %s", args, code, errOut)
		}
	}
	return cli, id, pdfPath
}

func TestExportCommand(t *testing.T) {
	cli, id, pdfPath := exportFixture(t)
	dir := t.TempDir()

	t.Run("handout to standard output", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", id, "--format", "html")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, want := range []string{"<!DOCTYPE html>", "Content-Security-Policy", "Screening for anaemia in pregnancy",
			"n = 212 and n = 198 women", "which we attribute to earlier detection", "2 tagged passages"} {
			if !strings.Contains(out, want) {
				t.Errorf("handout lacks %q", want)
			}
		}
	})

	t.Run("Markdown to a file named by its extension", func(t *testing.T) {
		path := filepath.Join(dir, "handout.md")
		code, out, errOut := cli("export", "--paper", id, "-o", path)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		got, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(got), "---\ntitle: \"Screening for anaemia in pregnancy") ||
			!strings.Contains(string(got), "\n---\n\n# Screening for anaemia in pregnancy") || !strings.Contains(out, path) {
			t.Errorf("file %q (%v), stdout %q", got, err, out)
		}
	})

	t.Run("CSV filtered by tag with a BOM", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", pdfPath, "--format", "csv", "--tag", "claim", "--bom")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, export.BOM))).ReadAll()
		if !strings.HasPrefix(out, export.BOM) || err != nil {
			t.Fatalf("CSV with BOM: %v\n%s", err, out)
		}
		// The claim annotation also carries limitation: one row, both tags.
		if len(rows) != 2 || rows[1][6] != "Ben" || rows[1][3] != "claim; limitation" {
			t.Errorf("rows = %q, want Ben's annotation once with both tags", rows)
		}
	})

	t.Run("CSV filtered by author defuses a formula", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", id, "--format", "csv", "--author", "Ann")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 2 || rows[1][5] != "'=two clinics\nbefore and after" {
			t.Errorf("rows = %q (%v), want Ann's annotation with its note behind an apostrophe", rows, err)
		}
	})

	t.Run("JSON-LD reads back", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", id[:8], "--format", "jsonld")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		anns, paper, err := export.DecodeJSONLD(strings.NewReader(out))
		if err != nil || string(paper) != id || len(anns) != 2 {
			t.Fatalf("DecodeJSONLD = %d annotations on %s, %v", len(anns), paper, err)
		}
		if anns[0].Note != "=two clinics\nbefore and after" || !slices.Equal(anns[1].Tags, []string{"claim", "limitation"}) {
			t.Errorf("decoded %+v", anns)
		}
	})

	t.Run("unknown paper", func(t *testing.T) {
		code, out, errOut := cli("export", "--paper", strings.Repeat("0", 64), "--format", "md")
		if code != exitTyped || out != "" || !strings.Contains(errOut, "not found") {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and a not-found message", code, out, errOut, exitTyped)
		}
	})

	t.Run("existing file kept when the export fails", func(t *testing.T) {
		path := filepath.Join(dir, "kept.html")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := cli("export", "--paper", strings.Repeat("0", 64), "-o", path); code == 0 {
			t.Fatal("export of an unknown paper succeeded")
		}
		if got, _ := os.ReadFile(path); string(got) != "old" {
			t.Errorf("file holds %q after a failed export", got)
		}
	})
}

func TestExportOfUntaggedPaper(t *testing.T) {
	pdf, _ := testpdf.OneColumn()
	path := writePDF(t, "anaemia.pdf", pdf)
	db := filepath.Join(t.TempDir(), "library.db")
	if code, _, errOut := runCLI(t, "--db", db, "import", path); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	for _, f := range export.Formats() {
		code, out, errOut := runCLI(t, "--db", db, "export", "--paper", path, "--format", string(f))
		if code != 0 || out == "" {
			t.Errorf("%s: exit %d, %d bytes: %s", f, code, len(out), errOut)
		}
	}
}

func TestExportAllCommand(t *testing.T) {
	cli, id, _ := exportFixture(t)
	other := writePDF(t, "other.pdf", testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "Another paper about ferritin thresholds")).Bytes())
	if code, _, errOut := cli("import", other); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	dir := t.TempDir()

	t.Run("CSV of every paper, one row per annotation", func(t *testing.T) {
		code, out, errOut := cli("export", "--all", "--format", "csv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// Two annotations on the first paper, the second paper on a row of its own.
		if len(rows) != 4 || rows[2][3] != "claim; limitation" || rows[1][18] != id || rows[3][9] != "" {
			t.Errorf("rows = %q", rows)
		}
	})

	t.Run("spreadsheet of every paper", func(t *testing.T) {
		path := filepath.Join(dir, "library.xlsx")
		code, out, errOut := cli("export", "--all", "-o", path)
		if code != 0 || !strings.Contains(out, path) {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, formulas, err := xlsx.Read(f)
		if err != nil || len(rows) != 4 || formulas != 0 {
			t.Fatalf("%d rows, %d formulas, %v", len(rows), formulas, err)
		}
		if rows[1][5] != "=two clinics\nbefore and after" {
			t.Errorf("note cell %q, want the text as it is", rows[1][5])
		}
	})

	t.Run("Markdown, one file per paper in a folder", func(t *testing.T) {
		folder := filepath.Join(dir, "Journal club notes")
		code, out, errOut := cli("export", "--all", "--format", "md", "-o", folder)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		entries, _ := os.ReadDir(folder)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if len(names) != 2 || !slices.Contains(names, "Screening for anaemia in pregnancy a short report from two rural clinics.md") {
			t.Errorf("files %q", names)
		}
		if strings.Count(out, "wrote ") != 2 {
			t.Errorf("stdout %q, want a line per file", out)
		}
	})
}
