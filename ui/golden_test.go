package ui

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from what the row draws now; review with:\n  go test -tags ci ./ui -run %s -update && git diff ui/testdata\ngot:\n%s", path, t.Name(), got)
	}
}

// TestRowMarkup pins what a reader row draws: a tagged span's fill and one
// stripe per tag, the neutral selection, the sentence cursor, the text
// split into lines and the "p. 2" marker on a page's first block.
func TestRowMarkup(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjpl") // sentence 2: population + limitation
	h.typeKeys("jjjc")  // sentence 5: claim
	h.click(h.passage(7).Start+1, 0)
	golden(t, "row-two-tags.xml", test.RenderObjectToMarkup(h.row(2)))
	golden(t, "row-one-tag.xml", test.RenderObjectToMarkup(h.row(3)))
	golden(t, "row-page-start-selected.xml", test.RenderObjectToMarkup(h.row(4)))
}
