package store

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Full-text benchmarks run on a library of 1,000 papers with 100
// annotations each and ~50 million characters of text (50,000 a paper),
// built once and cached in the temporary folder like largeLibrary.

const (
	textPapers       = 1000
	textCharsEach    = 50_000
	textCharsPerPage = 5_000
)

// textVocab is a Zipf-distributed vocabulary: the clinical words of
// benchWords first (the most frequent), then 40,000 made-up words of
// two to four syllables, so the vocabulary grows with the text as a real
// library's does.
var textVocab = func() []string {
	rng := rand.New(rand.NewSource(11))
	syll := strings.Fields("ab ac ad al am an ar as at ba be bi bo ca ce ci co cu da de di do du el en er es fa fe fi fo ga ge gi go ha he hi ho id il im in ir is ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu ob oc od ol om on or os pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu ul um un ur us va ve vi vo za ze zi zo")
	seen := map[string]bool{}
	out := append([]string(nil), benchWords...)
	for _, w := range out {
		seen[w] = true
	}
	for len(out) < 40_000+len(benchWords) {
		var b strings.Builder
		for range 2 + rng.Intn(3) {
			b.WriteString(syll[rng.Intn(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}()

// genPaperText makes an extraction of about chars characters: sentences
// of Zipf-distributed words, capitalised, with numbers now and then, one
// passage per sentence, a page every textCharsPerPage characters.
func genPaperText(rng *rand.Rand, version string, chars int) appraise.Document {
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(textVocab)-1))
	d := appraise.Document{ExtractorVersion: version}
	var text strings.Builder
	pos, page := 0, 1
	d.Pages = append(d.Pages, appraise.Page{Number: 1, Width: 595, Height: 842})
	for pos < chars {
		var s strings.Builder
		n := 8 + rng.Intn(25)
		for i := range n {
			w := textVocab[zipf.Uint64()]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				s.WriteByte(' ')
			}
			s.WriteString(w)
			if rng.Intn(40) == 0 {
				fmt.Fprintf(&s, " %d", rng.Intn(1000))
			}
		}
		s.WriteString(". ")
		sentence := s.String()
		if pos/textCharsPerPage+1 > page {
			page++
			d.Pages = append(d.Pages, appraise.Page{Number: page, Width: 595, Height: 842})
		}
		d.Passages = append(d.Passages, appraise.Passage{ID: fmt.Sprintf("b%d.s0", len(d.Passages)), Block: len(d.Passages),
			Page: page, Start: pos, End: pos + len(sentence)})
		text.WriteString(sentence)
		pos += len(sentence)
	}
	d.Text = text.String()
	d.Blocks = []appraise.Block{{Kind: appraise.KindParagraph, Page: 1, End: pos}}
	return d
}

// textLibrary returns the path of the cached full-text benchmark library.
func textLibrary(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "appraise-store-bench")
	path := filepath.Join(dir, fmt.Sprintf("library-s%d-fulltext%d-%dx%d.db", SchemaVersion, textRecordFormat, textPapers, textCharsEach))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	b.Logf("building %s (cached for later runs)", path)
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := Open(tmp, Options{BackupDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	for p := range textPapers {
		paper := appraise.Paper{ID: paperID(p), Meta: appraise.Metadata{Title: "A study of " + words(rng, 6)},
			LastOpened: time.Unix(int64(p), 0), ExtractorVersion: "v1"}
		if err := s.PutPaper(paper); err != nil {
			b.Fatal(err)
		}
		if err := s.PutDocument(paper.ID, genPaperText(rng, "v1", textCharsEach)); err != nil {
			b.Fatal(err)
		}
		batch := make([]appraise.Annotation, largeAnnotationsEach)
		for i := range batch {
			batch[i] = genAnnotation(rng, fmt.Sprintf("%04d-%03d", p, i), p)
		}
		if err := s.PutAnnotations(batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func openText(b *testing.B) *Store {
	b.Helper()
	// A copy, so the update benchmark does not grow the cached library.
	path := filepath.Join(b.TempDir(), "library.db")
	copyFile(b, textLibrary(b), path)
	s, err := Open(path, Options{BackupDir: b.TempDir(), BackupEvery: 1 << 62})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.StartupBackup() // not running beside the measurements
	return s
}

// BenchmarkFullTextSearch runs whole searches (titles, annotations and
// text, 100 hits of each at most, as the app and the CLI ask) over the full-text library: a common
// word, a rare one, two words together, a two-letter prefix, a made-up
// word found nowhere and one found in no paper's text but in many
// vocabularies' neighbourhood. p95-ms is the measure.
func BenchmarkFullTextSearch(b *testing.B) {
	s := openText(b)
	for _, q := range []string{"patients", "budesonide", "asthma exacerbation", "hazard ratio", "re", "nowhere-to-be-found", "zzzz", "tenet"} {
		b.Run(q, func(b *testing.B) {
			var lat []time.Duration
			var n int
			for b.Loop() {
				start := time.Now()
				hits, err := s.Find(appraise.SearchQuery{Text: q, Limit: 100})
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				n = len(hits)
			}
			reportPercentiles(b, lat)
			reportP95(b, lat)
			b.ReportMetric(float64(n), "hits")
		})
	}
}

func reportP95(b *testing.B, lat []time.Duration) {
	// reportPercentiles sorted lat.
	b.ReportMetric(float64(lat[min(len(lat)-1, int(0.95*float64(len(lat))))].Microseconds())/1000, "p95-ms")
}

// BenchmarkFullTextIndexUpdate stores a freshly extracted 30-page paper
// (150,000 characters) in the full-text library: PutDocument, which
// caches the extraction and indexes its text in one commit (fsync
// included). p95-ms is the measure; index-ms is the indexing alone
// (vocabulary and text record, without the commit).
func BenchmarkFullTextIndexUpdate(b *testing.B) {
	s := openText(b)
	rng := rand.New(rand.NewSource(3))
	docs := make([]appraise.Document, 8)
	for i := range docs {
		docs[i] = genPaperText(rng, "v1", 30*textCharsPerPage)
	}
	if len(docs[0].Pages) != 30 {
		b.Fatalf("%d pages, want 30", len(docs[0].Pages))
	}
	var lat, indexOnly []time.Duration
	i := 0
	for b.Loop() {
		id := paperID(textPapers + i%50)
		d := docs[i%len(docs)]
		start := time.Now()
		if err := s.PutDocument(id, d); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		start = time.Now()
		_ = buildVocab(fold(d.Text))
		if _, err := encodeTextRecord(textRecord{Text: d.Text}); err != nil {
			b.Fatal(err)
		}
		indexOnly = append(indexOnly, time.Since(start))
		i++
	}
	var sum time.Duration
	for _, d := range indexOnly {
		sum += d
	}
	b.ReportMetric(float64(sum.Microseconds())/1000/float64(len(indexOnly)), "index-ms")
	reportPercentiles(b, lat)
	reportP95(b, lat)
}

// BenchmarkFullTextSize reports what the index adds to the library: the
// bytes the fulltext bucket uses, the cached extractions it sits beside,
// and the file size.
func BenchmarkFullTextSize(b *testing.B) {
	s := openText(b)
	var ft, docs bolt.BucketStats
	for b.Loop() {
		s.db.View(func(tx *bolt.Tx) error {
			ft, docs = tx.Bucket(bucketFullText).Stats(), tx.Bucket(bucketDocs).Stats()
			return nil
		})
	}
	used := func(st bolt.BucketStats) float64 {
		return float64(st.LeafAlloc+st.BranchAlloc) / (1 << 20)
	}
	st, err := os.Stat(s.Path())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(used(ft), "index-MB")
	b.ReportMetric(used(docs), "extractions-MB")
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
}
