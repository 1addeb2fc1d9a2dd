package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestExportArguments(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		want    exportOptions
		wantErr string // a usage error containing this; "" for none
	}{
		{"format and paper", []string{"--paper", "abc123", "--format", "md"},
			exportOptions{paper: "abc123", format: appraise.FormatMarkdown}, ""},
		{"filters", []string{"--paper", "p.pdf", "--format", "csv", "--tag", "claim", "--tag", "limitation", "--author", "Ann", "--bom", "-o", "x.csv"},
			exportOptions{paper: "p.pdf", format: appraise.FormatCSV, bom: true, out: "x.csv",
				filter: appraise.ExportFilter{Tags: []string{"claim", "limitation"}, Author: "Ann"}}, ""},
		{"format from the output file's extension", []string{"--paper", "abc123", "-o", "Handout.HTML"},
			exportOptions{paper: "abc123", format: appraise.FormatHTML, out: "Handout.HTML"}, ""},
		{"json file means JSON-LD", []string{"--paper", "abc123", "-o", "notes.json"},
			exportOptions{paper: "abc123", format: appraise.FormatJSONLD, out: "notes.json"}, ""},
		{"explicit format wins over extension", []string{"--paper", "abc123", "--format", "md", "-o", "notes.txt"},
			exportOptions{paper: "abc123", format: appraise.FormatMarkdown, out: "notes.txt"}, ""},
		{"missing paper", []string{"--format", "html"}, exportOptions{}, "--paper is required"},
		{"missing format", []string{"--paper", "abc123"}, exportOptions{}, "--format is required"},
		{"unknown extension and no format", []string{"--paper", "abc123", "-o", "x.docx"}, exportOptions{}, "--format is required"},
		{"unknown format", []string{"--paper", "abc123", "--format", "pdf"}, exportOptions{}, `unknown format "pdf"`},
		{"BOM outside CSV", []string{"--paper", "abc123", "--format", "html", "--bom"}, exportOptions{}, "--bom applies to --format csv only"},
		{"stray argument", []string{"--paper", "abc123", "--format", "md", "extra"}, exportOptions{}, `unexpected argument "extra"`},
		{"unknown flag", []string{"--paper", "abc123", "--colour", "x"}, exportOptions{}, "flag provided but not defined"},
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
			if got.paper != c.want.paper || got.format != c.want.format || got.bom != c.want.bom || got.out != c.want.out ||
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
	err := writeExport(e, exportOptions{out: path, bom: true}, func(w io.Writer) error {
		_, err := io.WriteString(w, "a,b\r\n")
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
