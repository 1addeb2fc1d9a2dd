package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"appraise.app/appraise/internal/appraise"
)

// benchDocs are the documents the reader benchmarks run on: a generated
// 3,000-paragraph paper, and the 30-page corpus paper's text when
// APPRAISE_CORPUS names the corpus.
func benchDocs(b *testing.B) map[string]appraise.Document {
	docs := map[string]appraise.Document{"3000paragraphs": genDoc("Benchmark paper", 3000)}
	if dir := os.Getenv("APPRAISE_CORPUS"); dir != "" {
		raw, err := os.ReadFile(filepath.Join(dir, "pdftotext", "biorxiv-2024.05.13.593936.txt"))
		if err != nil {
			b.Fatalf("APPRAISE_CORPUS is set but the 30-page paper's text is missing: %v", err)
		}
		docs["corpus30pages"] = docFromPlainText(string(raw))
	}
	return docs
}

// docFromPlainText makes a Document from pdftotext output: a block per
// blank-line paragraph, a page per form feed, a passage per sentence.
func docFromPlainText(s string) appraise.Document {
	b := newDocBuilder("Corpus paper")
	for pi, page := range strings.Split(s, "\f") {
		if pi > 0 {
			b.newPage()
		}
		for _, para := range strings.Split(page, "\n\n") {
			para = strings.Join(strings.Fields(para), " ")
			if para == "" {
				continue
			}
			kind := appraise.KindParagraph
			if len(para) < 60 && !strings.HasSuffix(para, ".") {
				kind = appraise.KindHeading
			}
			b.add(kind, splitSentences(para)...)
		}
	}
	return b.build()
}

func splitSentences(p string) []string {
	var out []string
	rs := []rune(p)
	start := 0
	for i := 1; i+2 < len(rs); i++ {
		if rs[i] == '.' && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, string(rs[start:i+1]))
			start = i + 2
		}
	}
	return append(out, string(rs[start:]))
}

// benchReader puts a reader alone on a 760×720 test window, about the
// reader column of a 1280×800 window.
func benchReader(b *testing.B) (*reader, fyne.Window) {
	test.NewTempApp(b)
	r := newReader()
	w := test.NewTempWindow(b, r)
	w.Resize(fyne.NewSize(760, 720))
	return r, w
}

// BenchmarkLayout measures wrapping every block of a paper and computing
// its row heights: what the reader does on opening and on every width or
// text-size change. "cold" includes measuring each glyph once.
func BenchmarkLayout(b *testing.B) {
	for name, doc := range benchDocs(b) {
		v := newDocView(doc)
		b.Run(name+"/cold", func(b *testing.B) {
			test.NewTempApp(b)
			th := fyne.CurrentApp().Settings().Theme()
			for b.Loop() {
				newReaderLayout(v, 720, th, nil)
			}
			b.ReportMetric(float64(len(v.blocks)), "blocks")
		})
		b.Run(name+"/warm", func(b *testing.B) {
			test.NewTempApp(b)
			th := fyne.CurrentApp().Settings().Theme()
			styles := newReaderLayout(v, 720, th, nil).styles
			for b.Loop() {
				newReaderLayout(v, 720, th, styles)
			}
		})
	}
}

// BenchmarkScrollStep measures one scroll step of 40 px through a paper:
// the list binds the rows that come into view and lays them out.
func BenchmarkScrollStep(b *testing.B) {
	for name, doc := range benchDocs(b) {
		b.Run(name, func(b *testing.B) {
			r, _ := benchReader(b)
			r.setDocument(newDocView(doc), 0)
			end := r.lay.contentHeight() - r.list.Size().Height
			y := float32(0)
			for b.Loop() {
				y += 40
				if y > end {
					y = 0
				}
				r.list.ScrollToOffset(y)
			}
		})
	}
}

// BenchmarkRowBuild measures painting one row: wrapping is done, this is
// placing its text, highlights, stripes and selection.
func BenchmarkRowBuild(b *testing.B) {
	r, _ := benchReader(b)
	doc := genDoc("Benchmark paper", 3000)
	v := newDocView(doc)
	r.setDocument(v, 0)
	var anns []appraise.Annotation
	for i := 0; i < len(v.passages); i += 3 {
		p := v.passages[i]
		anns = append(anns, appraise.Annotation{ID: p.ID, Tags: []string{"claim", "limitation"}, Anchor: appraise.Anchor{Start: p.Start, End: p.End}})
	}
	r.setTags(appraise.BuiltInTags())
	r.setMarks(buildMarks(v, anns))
	row := newBlockRow(r)
	row.Resize(fyne.NewSize(760, 200))
	rr := test.WidgetRenderer(row).(*blockRowRenderer)
	i := 0
	for b.Loop() {
		row.block = i % len(v.blocks)
		rr.build()
		i++
	}
}

// BenchmarkTimeToFirstText measures, from an opened Document, indexing it,
// laying it out and drawing the first screen of rows: the GUI's share of
// the time from choosing a file to seeing its text (extraction excluded).
func BenchmarkTimeToFirstText(b *testing.B) {
	for name, doc := range benchDocs(b) {
		b.Run(name, func(b *testing.B) {
			r, _ := benchReader(b)
			drawn := false
			r.onFirstText = func() { drawn = true }
			for b.Loop() {
				drawn = false
				r.setDocument(newDocView(doc), 0)
				if !drawn {
					b.Fatal("no text drawn")
				}
			}
		})
	}
}
