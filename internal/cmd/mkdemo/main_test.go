package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appraise.app/appraise/internal/demopaper"
)

func TestMkdemoWritesTheGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	pdfPath, truthPath := filepath.Join(dir, "demo.pdf"), filepath.Join(dir, "demo.truth.txt")
	var stderr bytes.Buffer
	if err := run([]string{"-pdf", pdfPath, "-truth", truthPath}, &stderr); err != nil {
		t.Fatalf("run: %v (%s)", err, stderr.String())
	}
	wantPDF, wantTruth, err := demopaper.Generate()
	if err != nil {
		t.Fatal(err)
	}
	gotPDF, err := os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	gotTruth, err := os.ReadFile(truthPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotPDF, wantPDF) || string(gotTruth) != wantTruth {
		t.Error("written files differ from what demopaper.Generate returns")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want just the two files (no temporary leftovers)", len(entries))
	}
}

func TestMkdemoRejectsBadArguments(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"-nope"}} {
		var stderr bytes.Buffer
		if err := run(args, &stderr); err == nil {
			t.Errorf("run(%q) succeeded", strings.Join(args, " "))
		}
	}
}

func TestMkdemoFailsWhenTheFolderIsMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "such")
	var stderr bytes.Buffer
	if err := run([]string{"-pdf", filepath.Join(missing, "d.pdf"), "-truth", filepath.Join(missing, "d.txt")}, &stderr); err == nil {
		t.Error("run into a missing folder succeeded")
	}
}
