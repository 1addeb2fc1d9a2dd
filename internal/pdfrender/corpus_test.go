package pdfrender

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// corpusPDFs lists the unencrypted papers of $APPRAISE_CORPUS/pdfs,
// skipping the test or benchmark when the corpus is not there:
//
//	APPRAISE_CORPUS=/work/shared/corpus go test ./internal/pdfrender -run Corpus
func corpusPDFs(tb testing.TB) []string {
	tb.Helper()
	dir := os.Getenv("APPRAISE_CORPUS")
	if dir == "" {
		tb.Skip("APPRAISE_CORPUS is not set")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "pdfs", "*.pdf"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no PDFs in %s/pdfs: %v", dir, err)
	}
	var out []string
	for _, p := range paths {
		if !strings.HasPrefix(filepath.Base(p), "encrypted-") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// pageCount asks pdfinfo how many pages a PDF has.
func pageCount(tb testing.TB, path string) int {
	tb.Helper()
	need(tb, "pdfinfo")
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		tb.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	tb.Fatalf("pdfinfo %s: no page count", path)
	return 0
}

func TestCorpusAnnotatedCopiesOpenAndCarryTheirHighlights(t *testing.T) {
	x := newTestIsolated(t, "")
	for _, src := range corpusPDFs(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			pages := pageCount(t, src)
			var hs []appraise.Highlight
			for _, page := range []int{1, (pages + 1) / 2, pages} {
				words := popplerWords(t, src, page)
				var quads []appraise.Rect
				for _, w := range words[:min(6, len(words))] {
					quads = append(quads, w.Box)
				}
				hs = append(hs, appraise.Highlight{ID: "h" + strconv.Itoa(len(hs)), Page: page, Quads: quads, Color: [3]uint8{255, 214, 0}, Contents: "claim — note", Author: "ana"})
			}
			dst := filepath.Join(t.TempDir(), "out.pdf")
			if err := x.WriteHighlights(context.Background(), src, dst, hs); err != nil {
				t.Fatal(err)
			}
			checkOpens(t, dst)
			got := highlightsIn(t, dst)
			for _, h := range hs {
				a, ok := got[h.ID]
				if !ok || a.T != "ana" || a.Contents != h.Contents || len(a.QuadPoints) != 8*len(h.Quads) {
					t.Errorf("highlight %s: %+v", h.ID, a)
				}
			}
			// Rendering every page of the copy works.
			for page := 1; page <= pages; page++ {
				if _, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: dst, Page: page, Scale: 1}); err != nil {
					t.Errorf("page %d: %v", page, err)
				}
			}
		})
	}
}

func testingCorpusUnset() bool { return os.Getenv("APPRAISE_CORPUS") == "" }
