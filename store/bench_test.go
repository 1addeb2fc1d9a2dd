package store

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// BenchmarkSaveAnnotation measures what a clinician waits for when saving:
// one PutAnnotation, committed and fsynced, into a library that already
// holds a few thousand annotations. It reports p50 and p99 latency.
func BenchmarkSaveAnnotation(b *testing.B) {
	s, _ := newStore(b)
	for n := range 20 {
		mustPutPaper(b, s, n, fmt.Sprintf("Paper %d", n))
	}
	rng := rand.New(rand.NewSource(1))
	for i := range 2000 {
		mustPut(b, s, genAnnotation(rng, fmt.Sprintf("seed-%d", i), i%20))
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		a := genAnnotation(rng, fmt.Sprintf("bench-%d", i), i%20)
		start := time.Now()
		if err := s.PutAnnotation(a); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

var benchWords = strings.Fields(`patients participants adults children trial cohort randomised placebo
treatment therapy intervention outcome primary secondary efficacy effect significant difference
risk ratio hazard odds confidence interval baseline follow-up weeks months years dose inhaled
oral steroid budesonide asthma exacerbation lung function hospital admission clinic community
sample enrolled recruited excluded eligible criteria median mean analysis adjusted regression
subgroup heterogeneity bias selection blinding allocation adherence adverse events mortality
survival quality score questionnaire limited small short findings evidence benefit harm the of
and in to a with was were for on by from at as that this these than not no`)

func words(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchWords[rng.Intn(len(benchWords))]
	}
	return strings.Join(ws, " ")
}

// genAnnotation makes an annotation like a real one: a sentence-long quote,
// a note on half of them, one or two tags.
func genAnnotation(rng *rand.Rand, id string, paper int) appraise.Annotation {
	tags := []string{appraise.TagPopulation, appraise.TagClaim, appraise.TagLimitation}
	a := ann(id, paper, rng.Intn(80000), words(rng, 10+rng.Intn(30)), tags[rng.Intn(3)])
	if rng.Intn(4) == 0 {
		a.Tags = append(a.Tags, tags[(slices.Index(tags, a.Tags[0])+1)%3])
	}
	if rng.Intn(2) == 0 {
		a.Note = words(rng, 4+rng.Intn(20))
	}
	a.ID = id
	return a
}

const (
	largePapers          = 1000
	largeAnnotationsEach = 100
)

// largeLibrary returns the path of a library of 1,000 papers with 100
// annotations each, built once and cached in the temporary folder (it
// takes a while); benchmarks open it with backups off.
func largeLibrary(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "appraise-store-bench")
	path := filepath.Join(dir, fmt.Sprintf("library-s%d-%dx%d.db", SchemaVersion, largePapers, largeAnnotationsEach))
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
	for p := range largePapers {
		paper := appraise.Paper{ID: paperID(p), Meta: appraise.Metadata{Title: "A study of " + words(rng, 6)},
			LastOpened: time.Unix(int64(p), 0)}
		if err := s.PutPaper(paper); err != nil {
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

// openLarge opens the large library without start-up backups.
func openLarge(b *testing.B) *Store {
	b.Helper()
	s, err := Open(largeLibrary(b), Options{BackupDir: b.TempDir(), BackupEvery: 1 << 62})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLargeListAnnotations lists one paper's 100 annotations.
func BenchmarkLargeListAnnotations(b *testing.B) {
	s := openLarge(b)
	rng := rand.New(rand.NewSource(1))
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		as, err := s.Annotations(paperID(rng.Intn(largePapers)))
		if err != nil || len(as) != largeAnnotationsEach {
			b.Fatalf("%d annotations, %v", len(as), err)
		}
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
}

// BenchmarkLargeSearch searches all quotes, notes and titles: three words
// that occur together in few annotations, a common word (the limit of 50
// hits is reached early), and two words found nowhere, so the whole library
// is scanned: one with a rare letter and one ("tenet") made of the most
// common letters only, the slowest kind.
func BenchmarkLargeSearch(b *testing.B) {
	s := openLarge(b)
	for _, q := range []string{"budesonide asthma heterogeneity", "Patients", "nowhere-to-be-found", "tenet"} {
		b.Run(q, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := s.Search(q, 50); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
		})
	}
}

// BenchmarkLargePapers lists every paper with its counts per tag.
func BenchmarkLargePapers(b *testing.B) {
	s := openLarge(b)
	for b.Loop() {
		ps, err := s.Papers()
		if err != nil || len(ps) != largePapers {
			b.Fatalf("%d papers, %v", len(ps), err)
		}
	}
}

// BenchmarkLargeOpen opens and closes the library: verification (meta,
// schema, bbolt's full consistency check) and, in the "backup due" case,
// the daily verified backup too. p50-ms and p99-ms are how long Open takes
// to return, which is what start-up waits for; ns/op includes waiting for
// the backup, which Open leaves running in the background.
func BenchmarkLargeOpen(b *testing.B) {
	path := largeLibrary(b)
	for _, due := range []bool{false, true} {
		b.Run(fmt.Sprintf("backup due %v", due), func(b *testing.B) {
			every := time.Duration(1 << 62)
			if due {
				every = time.Nanosecond
			}
			opt := Options{BackupDir: b.TempDir(), BackupEvery: every, KeepBackups: 1}
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				s, err := Open(path, opt)
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				if backup, err := s.StartupBackup(); due && backup == "" {
					b.Fatalf("no backup made: %v", err)
				}
				s.Close()
			}
			reportPercentiles(b, lat)
		})
	}
}

// BenchmarkLargeSalvage salvages the large library (1,000 papers, 100k
// annotations) with both meta pages damaged, into an empty library: the
// worst case, every record found by scanning pages and written anew.
func BenchmarkLargeSalvage(b *testing.B) {
	src := largeLibrary(b)
	dir := b.TempDir()
	damaged := filepath.Join(dir, "damaged.db")
	copyFile(b, src, damaged)
	f, err := os.OpenFile(damaged, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	f.WriteAt(make([]byte, 2*4096), 0)
	f.Close()
	st, _ := os.Stat(damaged)
	for b.Loop() {
		b.StopTimer()
		target := filepath.Join(b.TempDir(), "target.db")
		s, err := Open(target, Options{BackupDir: b.TempDir(), BackupEvery: 1 << 62})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := salvageFile(s.db, damaged, nil)
		if err != nil || res.Recovered["annotations"] != largePapers*largeAnnotationsEach {
			b.Fatalf("salvaged %v (%d unreadable), %v", res.Recovered, res.Unreadable, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Size())/1e6, "MB")
}
