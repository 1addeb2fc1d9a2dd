package pdfextract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// Line geometry against poppler: pdftotext -bbox reports every word's box
// (top-left origin of the crop box after /Rotate, points), the same
// coordinates Document.Lines uses. A word printed once on a page in both
// poppler's words and our text is looked up in our text and its span's box
// (SpanRects) compared with poppler's.

// popplerWord is one word of pdftotext -bbox.
type popplerWord struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

// popplerWords runs pdftotext -bbox on the PDF at path; the test skips
// when poppler is not installed (CI installs poppler-utils).
func popplerWords(tb testing.TB, path string) []popplerWord {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext is not installed (apt-get install poppler-utils): skipping the comparison with poppler's word boxes")
	}
	out, err := exec.Command(bin, "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	// poppler writes control characters of unmapped glyphs as they are,
	// which XML forbids.
	out = bytes.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return unicode.ReplacementChar
		}
		return r
	}, out)
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var words []popplerWord
	page := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			page++
		case "word":
			w := popplerWord{page: page}
			for _, a := range se.Attr {
				var v float64
				fmt.Sscan(a.Value, &v)
				switch a.Name.Local {
				case "xMin":
					w.xMin = v
				case "yMin":
					w.yMin = v
				case "xMax":
					w.xMax = v
				case "yMax":
					w.yMax = v
				}
			}
			var text string
			if err := dec.DecodeElement(&text, &se); err != nil {
				tb.Fatalf("pdftotext -bbox %s: %v", path, err)
			}
			w.text = text
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		tb.Fatalf("pdftotext -bbox %s: no words", path)
	}
	return words
}

// wordBoxes is how well our word boxes agree with poppler's.
type wordBoxes struct {
	matched int       // words printed once on their page on both sides
	good    int       // of those, words whose boxes overlap with IoU ≥ 0.5
	ious    []float64 // sorted
	worst   []string  // a few words with IoU < 0.5, for the failure message
}

func (w wordBoxes) share() float64 { return float64(w.good) / float64(max(w.matched, 1)) }

func (w wordBoxes) median() float64 {
	if len(w.ious) == 0 {
		return 0
	}
	return w.ious[len(w.ious)/2]
}

func (w wordBoxes) String() string {
	return fmt.Sprintf("%d words matched, %.1f%% with IoU ≥ 0.5, median IoU %.3f", w.matched, 100*w.share(), w.median())
}

// compareWordBoxes matches the words printed once on a page in both
// poppler's words and doc's lines, and measures the overlap of their
// boxes. Words are whitespace-separated tokens, compared exactly.
func compareWordBoxes(doc appraise.Document, pw []popplerWord) wordBoxes {
	type key struct {
		page int
		text string
	}
	theirs := map[key][]popplerWord{}
	for _, w := range pw {
		k := key{w.page, w.text}
		theirs[k] = append(theirs[k], w)
	}
	type span struct{ start, end int }
	ours := map[key][]span{}
	runes := []rune(doc.Text)
	for _, l := range doc.Lines {
		at := l.Start
		for at < l.End {
			for at < l.End && unicode.IsSpace(runes[at]) {
				at++
			}
			end := at
			for end < l.End && !unicode.IsSpace(runes[end]) {
				end++
			}
			if end > at {
				k := key{l.Page, string(runes[at:end])}
				ours[k] = append(ours[k], span{at, end})
			}
			at = end
		}
	}
	var out wordBoxes
	keys := make([]key, 0, len(ours))
	for k := range ours {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].page < keys[j].page || keys[i].page == keys[j].page && keys[i].text < keys[j].text
	})
	for _, k := range keys {
		sp, tw := ours[k], theirs[k]
		if len(sp) != 1 || len(tw) != 1 {
			continue
		}
		rs := doc.SpanRects(sp[0].start, sp[0].end)
		if len(rs) != 1 || rs[0].Page != k.page {
			continue
		}
		out.matched++
		r, w := rs[0].Rect, tw[0]
		iou := boxIoU(r, appraise.Rect{X0: w.xMin, Y0: w.yMin, X1: w.xMax, Y1: w.yMax})
		out.ious = append(out.ious, iou)
		if iou >= 0.5 {
			out.good++
		} else if len(out.worst) < 8 {
			out.worst = append(out.worst, fmt.Sprintf("p.%d %q ours %.1f,%.1f–%.1f,%.1f poppler %.1f,%.1f–%.1f,%.1f IoU %.2f",
				k.page, k.text, r.X0, r.Y0, r.X1, r.Y1, w.xMin, w.yMin, w.xMax, w.yMax, iou))
		}
	}
	sort.Float64s(out.ious)
	return out
}

// boxIoU is the area of the intersection of a and b over that of their
// union.
func boxIoU(a, b appraise.Rect) float64 {
	ix := min(a.X1, b.X1) - max(a.X0, b.X0)
	iy := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
	if ix <= 0 || iy <= 0 {
		return 0
	}
	inter := ix * iy
	union := (a.X1-a.X0)*(a.Y1-a.Y0) + (b.X1-b.X0)*(b.Y1-b.Y0) - inter
	return inter / union
}

// TestDemoPaperWordBoxes: the boxes of the demo paper's words, from our
// lines, overlap poppler's almost everywhere.
func TestDemoPaperWordBoxes(t *testing.T) {
	path := filepath.Join("..", "assets", "demo.pdf")
	pw := popplerWords(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ExtractBytes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := compareWordBoxes(doc, pw)
	t.Log(got)
	if got.matched < 500 || got.share() < 0.98 || got.median() < 0.8 {
		t.Errorf("demo paper: %v; want ≥ 500 words, ≥ 98%% with IoU ≥ 0.5, median ≥ 0.8\n%s", got, strings.Join(got.worst, "\n"))
	}
}

// TestCorpusWordBoxes compares the word boxes of every corpus paper with
// poppler's (skipped without APPRAISE_CORPUS):
//
//	APPRAISE_CORPUS=../shared/corpus go test ./pdfextract -run CorpusWordBoxes -v
func TestCorpusWordBoxes(t *testing.T) {
	dir := corpusDir(t)
	var all wordBoxes
	for _, p := range layoutCorpusPapers(t) {
		t.Run(p.name, func(t *testing.T) {
			pw := popplerWords(t, filepath.Join(dir, "pdfs", p.name+".pdf"))
			doc, err := ExtractBytes(p.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := compareWordBoxes(doc, pw)
			t.Logf("%s: %v", p.name, got)
			all.matched += got.matched
			all.good += got.good
			all.ious = append(all.ious, got.ious...)
			if got.matched < 100 || got.share() < 0.9 || got.median() < 0.7 {
				t.Errorf("%v; want ≥ 100 words, ≥ 90%% with IoU ≥ 0.5, median ≥ 0.7\n%s", got, strings.Join(got.worst, "\n"))
			}
		})
	}
	sort.Float64s(all.ious)
	t.Logf("corpus: %v", all)
}

// TestRotatedSheetWordBoxes: on a sheet shown with /Rotate 270 the word
// boxes are in the rotated page's coordinates, as poppler's are.
func TestRotatedSheetWordBoxes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twoup.pdf")
	data := twoUpDoc()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	pw := popplerWords(t, path)
	doc, err := ExtractBytes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := compareWordBoxes(doc, pw)
	t.Log(got)
	if got.matched < 60 || got.share() < 0.98 || got.median() < 0.8 {
		t.Errorf("rotated sheet: %v; want ≥ 60 words, ≥ 98%% with IoU ≥ 0.5, median ≥ 0.8\n%s", got, strings.Join(got.worst, "\n"))
	}
}
