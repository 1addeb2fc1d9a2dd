package pdfextract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/textmetrics"
)

// Corpus tests: the real papers in $APPRAISE_CORPUS (../shared/corpus in
// CI). Each paper with a text layer must reach word F1 ≥ 0.95 against
// pdftotext (furniture lines taken out of it, see withoutFurniture); the
// papers with a truth text must reach word recall ≥ 0.99
// and reading-order agreement ≥ 0.95 against it. Set
// APPRAISE_LAYOUT_DUMP to a folder to keep each paper's text there.

const (
	targetF1           = 0.95
	targetRecall       = 0.99
	targetReadingOrder = 0.95
)

func layoutCorpusDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("APPRAISE_CORPUS")
	if dir == "" {
		tb.Skip("APPRAISE_CORPUS is not set: skipping the real-paper corpus (set it to ../shared/corpus)")
	}
	return dir
}

// corpusPapers lists the corpus PDFs that have a text layer.
func layoutCorpusFiles(tb testing.TB, dir string) []string {
	tb.Helper()
	pdfs, err := filepath.Glob(filepath.Join(dir, "pdfs", "*.pdf"))
	if err != nil || len(pdfs) == 0 {
		tb.Fatalf("no PDFs in %s/pdfs (%v)", dir, err)
	}
	var out []string
	for _, p := range pdfs {
		if strings.Contains(filepath.Base(p), "encrypted") {
			continue // no text without the owner password; the interp tests cover it
		}
		out = append(out, p)
	}
	return out
}

func readOrSkip(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}

// furnitureTexts is the text of every fragment layout drops as page
// furniture: running headers and footers, page numbers, line numbers.
func furnitureTexts(pages []PageGlyphs) []string {
	pfs := make([]*pageFrags, len(pages))
	for i, p := range pages {
		pfs[i] = &pageFrags{number: p.Number, width: p.Width, height: p.Height, frags: buildFragments(prepareGlyphs(p))}
	}
	removeFurniture(pfs)
	var out []string
	for _, p := range pfs {
		for _, f := range p.frags {
			if f.removed {
				out = append(out, f.plainText())
			}
		}
	}
	return out
}

// withoutFurniture drops from pdftotext's output the lines that are page
// furniture by layout's own detector: pdftotext keeps running headers,
// page numbers and line numbers, which layout removes by design, and the
// F1 target is about the body text. A line goes when its words equal a
// removed fragment's, or (two words or more) run inside one — pdftotext
// sometimes breaks a long running header in two lines. Lines mixing
// furniture and body text stay.
func withoutFurniture(ref string, removed []string) string {
	keys := map[string]bool{}
	var long []string
	for _, r := range removed {
		k := strings.Join(textmetrics.Words(r), " ")
		if k == "" {
			continue
		}
		keys[k] = true
		if strings.Contains(k, " ") {
			long = append(long, " "+k+" ")
		}
	}
	var b strings.Builder
	for _, line := range strings.Split(ref, "\n") {
		k := strings.Join(textmetrics.Words(line), " ")
		drop := keys[k]
		if !drop && strings.Contains(k, " ") {
			for _, l := range long {
				if strings.Contains(l, " "+k+" ") {
					drop = true
					break
				}
			}
		}
		if !drop {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestCorpusLayout(t *testing.T) {
	dir := layoutCorpusDir(t)
	dump := os.Getenv("APPRAISE_LAYOUT_DUMP")
	for _, path := range layoutCorpusFiles(t, dir) {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := PageGlyphsOf(data, Options{})
			if err != nil {
				t.Fatalf("glyphs: %v", err)
			}
			start := time.Now()
			_, text := layoutPages(pages)
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(max(1, len(pages)))
			if dump != "" {
				if err := os.WriteFile(filepath.Join(dump, name+".txt"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			raw := readOrSkip(t, filepath.Join(dir, "pdftotext", name+".txt"))
			ref := withoutFurniture(raw, furnitureTexts(pages))
			vs := textmetrics.Compare(text, ref)
			rawF1 := textmetrics.Compare(text, raw).F1
			t.Logf("%-42s pages %2d words %6d layout %5.1f ms/page | vs pdftotext R %.3f P %.3f F1 %.3f (raw %.3f) order %.3f",
				name, len(pages), vs.GotWords, ms, vs.Recall, vs.Precision, vs.F1, rawF1, vs.ReadingOrder)
			if vs.F1 < targetF1 {
				t.Errorf("word F1 against pdftotext %.3f < %.2f", vs.F1, targetF1)
			}
			truth := readOrSkip(t, filepath.Join(dir, "truth", name+".plain.txt"))
			if truth == "" {
				return
			}
			tr := textmetrics.Compare(text, truth)
			pt := textmetrics.Compare(ref, truth)
			t.Logf("%-42s vs truth: recall %.3f precision %.3f order %.3f (pdftotext: recall %.3f order %.3f)",
				name, tr.Recall, tr.Precision, tr.ReadingOrder, pt.Recall, pt.ReadingOrder)
			if tr.Recall < targetRecall {
				t.Errorf("word recall against truth %.3f < %.2f", tr.Recall, targetRecall)
			}
			if tr.ReadingOrder < targetReadingOrder {
				t.Errorf("reading order against truth %.3f < %.2f", tr.ReadingOrder, targetReadingOrder)
			}
		})
	}
}

// TestDemoPaperLayout holds the demo paper (assets/demo.pdf, generated by
// internal/demopaper with its exact truth text) to the corpus targets. It
// needs no corpus: both files are in the repository.
func TestDemoPaperLayout(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "demo.pdf"))
	if err != nil {
		t.Skipf("demo paper not generated yet: %v", err)
	}
	truth, err := os.ReadFile(filepath.Join("..", "assets", "demo.truth.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PageGlyphsOf(data, Options{})
	if err != nil {
		t.Fatalf("glyphs: %v", err)
	}
	_, text := layoutPages(pages)
	if dump := os.Getenv("APPRAISE_LAYOUT_DUMP"); dump != "" {
		if err := os.WriteFile(filepath.Join(dump, "demo.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := textmetrics.Compare(text, string(truth))
	t.Logf("demo: words %d, recall %.3f precision %.3f order %.3f", s.GotWords, s.Recall, s.Precision, s.ReadingOrder)
	if s.Recall < targetRecall {
		t.Errorf("word recall against truth %.3f < %.2f", s.Recall, targetRecall)
	}
	if s.ReadingOrder < targetReadingOrder {
		t.Errorf("reading order against truth %.3f < %.2f", s.ReadingOrder, targetReadingOrder)
	}
}
