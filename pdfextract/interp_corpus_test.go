package pdfextract

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/textmetrics"
)

// Corpus tests: they read the real papers in $APPRAISE_CORPUS (see
// ../shared/corpus/README.md) and skip when it is unset.

func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("APPRAISE_CORPUS")
	if dir == "" {
		tb.Skip("APPRAISE_CORPUS is not set: skipping the real-paper corpus tests (CI sets it to ../shared/corpus)")
	}
	return dir
}

// corpusDoc extracts one corpus paper, named without .pdf.
func corpusDoc(tb testing.TB, name string) appraise.Document {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir(tb), "pdfs", name+".pdf"))
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := ExtractBytes(data, Options{})
	if err != nil {
		tb.Fatalf("extract %s: %v", name, err)
	}
	return doc
}

type corpusPaper struct {
	name string // without .pdf
	data []byte
	ref  string // pdftotext output
}

func corpusPapers(tb testing.TB) []corpusPaper {
	tb.Helper()
	dir := corpusDir(tb)
	files, err := filepath.Glob(filepath.Join(dir, "pdfs", "*.pdf"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no PDFs in %s/pdfs (%v)", dir, err)
	}
	sort.Strings(files)
	var out []corpusPaper
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		ref, _ := os.ReadFile(filepath.Join(dir, "pdftotext", name+".txt"))
		out = append(out, corpusPaper{name: name, data: data, ref: string(ref)})
	}
	return out
}

// glyphPlainText joins glyphs in drawing order into words: a space where
// the gap to the previous glyph exceeds 0.15 em or a drawn space glyph is
// not overlapped by the next glyph (NAR draws zero-gap "dummy" spaces),
// or where the baseline changes, and it joins words hyphenated at a line
// end. It is a crude stand-in for layout, good
// enough to compare bags of words with pdftotext.
func glyphPlainText(pages []PageGlyphs) string {
	var b strings.Builder
	for _, p := range pages {
		var prev, space *Glyph
		for i := range p.Glyphs {
			g := &p.Glyphs[i]
			if strings.TrimSpace(g.Text) == "" {
				space = g
				continue
			}
			if space != nil && g.Upright && g.X >= space.X+space.W/2 {
				b.WriteByte(' ') // a drawn space the next glyph does not overlap
			}
			space = nil
			if prev != nil {
				size := math.Max(math.Max(g.Size, prev.Size), 1)
				dx, dy := g.X-(prev.X+prev.W), g.Y-prev.Y
				switch {
				case !g.Upright || !prev.Upright:
					// Direction unknown: consecutive glyphs of a word are
					// about one advance apart.
					if d := math.Hypot(g.X-prev.X, g.Y-prev.Y); d > prev.W+0.15*size || d < prev.W/2-0.15*size {
						b.WriteByte(' ')
					}
				case math.Abs(dy) > 0.6*size:
					if t := b.String(); strings.HasSuffix(t, "-") && g.Text != strings.ToUpper(g.Text) {
						// A hyphen at a line end before a lower-case letter:
						// join, as pdftotext does.
						b.Reset()
						b.WriteString(t[:len(t)-1])
					} else {
						b.WriteByte('\n')
					}
				case dx > 0.15*size || dx < -size:
					b.WriteByte(' ')
				}
			}
			b.WriteString(g.Text)
			prev = g
		}
		b.WriteString("\n\f")
	}
	return b.String()
}

// charBag counts the letters and digits of text after NFKC folding and
// lower-casing (the folding textmetrics uses for words): a comparison of
// these bags does not care how glyphs were grouped into words.
func charBag(text string) map[rune]int {
	bag := map[rune]int{}
	for _, w := range textmetrics.Words(text) {
		for _, r := range w {
			bag[r]++
		}
	}
	return bag
}

func bagRecall(got, ref map[rune]int) float64 {
	hit, total := 0, 0
	for r, n := range ref {
		total += n
		hit += min(n, got[r])
	}
	if total == 0 {
		return 1
	}
	return float64(hit) / float64(total)
}

// Health floors against pdftotext. Character recall catches fonts and
// encodings that decode wrongly; word recall also depends on the crude
// word joining above (superscripts, figure labels, drawing order), so its
// floor is lower than the ~0.98 most papers reach.
const (
	minCharRecall = 0.99
	minWordRecall = 0.94
)

func TestCorpusGlyphsMatchPdftotext(t *testing.T) {
	for _, p := range corpusPapers(t) {
		t.Run(p.name, func(t *testing.T) {
			start := time.Now()
			pages, err := PageGlyphsOf(p.data, Options{})
			elapsed := time.Since(start)
			if strings.HasPrefix(p.name, "encrypted-aes256") {
				if err == nil {
					t.Fatalf("AES-256 file opened without error")
				}
				return
			}
			if err != nil {
				t.Fatalf("PageGlyphsOf: %v", err)
			}
			got := glyphPlainText(pages)
			s := textmetrics.Compare(got, p.ref)
			chars := bagRecall(charBag(got), charBag(p.ref))
			t.Logf("%-42s pages %2d %6.1f ms/page  chars %.4f  words %.4f (precision %.4f)", p.name, len(pages),
				float64(elapsed.Microseconds())/1000/float64(len(pages)), chars, s.Recall, s.Precision)
			if chars < minCharRecall {
				t.Errorf("character recall %.4f against pdftotext, want ≥ %.2f", chars, minCharRecall)
			}
			if s.Recall < minWordRecall {
				t.Errorf("word recall %.4f against pdftotext, want ≥ %.2f", s.Recall, minWordRecall)
			}
		})
	}
}
