package library

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/export/xlsx"
)

// libraryOfFour is a library of four papers: two titled "Trial" but for
// case, one untitled whose PDF name has a colon, and one without
// annotations. One annotation carries two tags.
func libraryOfFour(tb testing.TB) *fixture {
	tb.Helper()
	f := newFixture(tb)
	day := func(d int) time.Time { return time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC) }
	papers := []appraise.Paper{
		{ID: "p1", Meta: appraise.Metadata{Title: "Trial", Authors: []string{"Zoë Ødegård"}, Year: 2024, DOI: "10.1/a"}, Added: day(1),
			Appraisal: appraise.Appraisal{Design: appraise.DesignRandomisedTrial, SampleSize: "n = 120"}},
		{ID: "p2", Meta: appraise.Metadata{Title: "trial"}, Added: day(2)},
		{ID: "p3", Path: "/papers/Notes: draft.pdf", Added: day(3)},
		{ID: "p4", Meta: appraise.Metadata{Title: "Nothing tagged yet"}, Added: day(4)},
	}
	for _, p := range papers {
		f.store.PutPaper(p)
	}
	anns := []appraise.Annotation{
		{ID: "a1", Paper: "p1", Tags: []string{"limitation", "claim"}, Note: "=1+1", Author: "Ann", Anchor: appraise.Anchor{Exact: "Exacerbations fell by a third.", Page: 2, Start: 10, End: 40}},
		{ID: "a2", Paper: "p1", Tags: []string{"population"}, Author: "Ben", Anchor: appraise.Anchor{Exact: "120 children", Page: 1, Start: 1, End: 13}},
		{ID: "a3", Paper: "p2", Tags: []string{"claim"}, Author: "Ann", Anchor: appraise.Anchor{Exact: "It works.", Page: 1}},
		{ID: "a4", Paper: "p3", Author: "Ann", Anchor: appraise.Anchor{Exact: "Untagged passage", Page: 1}},
	}
	for _, a := range anns {
		f.store.PutAnnotation(a)
	}
	return f
}

func TestLibraryCSVHasOneRowPerAnnotationAndEveryPaper(t *testing.T) {
	f := libraryOfFour(t)
	var buf bytes.Buffer
	if err := f.lib.ExportLibrary(appraise.FormatCSV, appraise.ExportFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(export.TableHeader, name) }
	var ids, titles []string
	for _, r := range rows[1:] {
		ids = append(ids, r[col("Annotation ID")])
		titles = append(titles, r[col("Paper title")])
	}
	// Papers in the order they were added; p1's annotations in text order;
	// the paper without annotations on a row of its own.
	if want := []string{"a2", "a1", "a3", "a4", ""}; !slices.Equal(ids, want) {
		t.Errorf("annotation ids by row %q, want %q", ids, want)
	}
	if want := []string{"Trial", "Trial", "trial", "Notes: draft.pdf", "Nothing tagged yet"}; !slices.Equal(titles, want) {
		t.Errorf("titles by row %q, want %q", titles, want)
	}
	a1 := rows[2]
	for name, want := range map[string]string{"Tags": "claim; limitation", "Note": "'=1+1", "DOI": "10.1/a",
		"Authors": "Zoë Ødegård", "Year": "2024", "Study design": "Randomised trial", "Sample size": "n = 120", "Paper ID": "p1"} {
		if got := a1[col(name)]; got != want {
			t.Errorf("a1 %s = %q, want %q", name, got, want)
		}
	}
	buf.Reset()
	if err := f.lib.ExportLibrary(appraise.FormatCSV, appraise.ExportFilter{Tags: []string{"claim"}}, &buf); err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(&buf).ReadAll(); len(rows) != 3 {
		t.Errorf("filtered by claim: %d rows, want the header and a1, a3", len(rows))
	}
}

func TestLibrarySpreadsheetReadsBack(t *testing.T) {
	f := libraryOfFour(t)
	var buf bytes.Buffer
	if err := f.lib.ExportLibrary(appraise.FormatXLSX, appraise.ExportFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	rows, formulas, err := xlsx.Read(&buf)
	if err != nil || len(rows) != 6 {
		t.Fatalf("%d rows (%v), want header + 5", len(rows), err)
	}
	if formulas != 0 {
		t.Errorf("%d cells hold a formula", formulas)
	}
	note := slices.Index(export.TableHeader, "Note")
	if rows[2][note] != "=1+1" {
		t.Errorf("note cell %q, want the text =1+1 as it is", rows[2][note])
	}
	authors := slices.Index(export.TableHeader, "Authors")
	if rows[2][authors] != "Zoë Ødegård" {
		t.Errorf("authors %q, want the accents intact", rows[2][authors])
	}
}

func TestOneSpreadsheetPerPaper(t *testing.T) {
	f := libraryOfFour(t)
	var buf bytes.Buffer
	if err := f.lib.Export("p1", appraise.FormatXLSX, appraise.ExportFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	if rows, _, err := xlsx.Read(&buf); err != nil || len(rows) != 3 {
		t.Errorf("%d rows, want header + p1's two annotations", len(rows))
	}
}

func TestLibraryMarkdownIsOneNamedFilePerPaper(t *testing.T) {
	f := libraryOfFour(t)
	dir := filepath.Join(t.TempDir(), "Appraise notes")
	names, err := f.lib.ExportLibraryMarkdown(dir, appraise.ExportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Trial.md", "trial (2).md", "Notes draft.md", "Nothing tagged yet.md"}
	if !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("folder holds %d entries, want %d (no temporary files left)", len(entries), len(want))
	}
	for i, n := range want {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "---\ntitle: ") || !strings.Contains(string(b), "paper_id: \"p"+string(rune('1'+i))+"\"") {
			t.Errorf("%s does not start with its paper's front matter:\n%s", n, b)
		}
	}
	// Again: the same names, the files replaced.
	if again, err := f.lib.ExportLibraryMarkdown(dir, appraise.ExportFilter{}); err != nil || !slices.Equal(again, want) {
		t.Errorf("second export %q, %v", again, err)
	}
	if _, err := f.lib.ExportLibraryMarkdown(filepath.Join(t.TempDir(), "missing", "notes"), appraise.ExportFilter{}); err == nil ||
		!strings.Contains(err.Error(), "does not exist") {
		t.Errorf("export under a missing folder: %v", err)
	}
}

func TestLibraryOfOneUnannotatedPaperStillListsIt(t *testing.T) {
	f := newFixture(t)
	f.store.PutPaper(appraise.Paper{ID: "p1", Meta: appraise.Metadata{Title: "Alone"}})
	var buf bytes.Buffer
	if err := f.lib.ExportLibrary(appraise.FormatCSV, appraise.ExportFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "Alone" {
		t.Errorf("rows %q (%v), want the header and the paper's row", rows, err)
	}
}
