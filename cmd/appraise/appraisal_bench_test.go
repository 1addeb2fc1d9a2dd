package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/store"
)

// benchLibrary is a real library file with one case series of 50
// annotations (10 claims, 20 limitations, 20 population passages).
func benchLibrary(b *testing.B) (*library.Library, appraise.PaperID, []string, []string) {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), "library.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	id := appraise.PaperID(strings.Repeat("c", 64))
	if err := s.PutPaper(appraise.Paper{ID: id, Meta: appraise.Metadata{Title: "A case series"}, ExtractorVersion: "v1",
		Appraisal: appraise.Appraisal{Design: appraise.DesignCaseSeries}}); err != nil {
		b.Fatal(err)
	}
	var claims, lims []string
	for i := range 50 {
		tag := []string{appraise.TagPopulation, appraise.TagClaim, appraise.TagLimitation, appraise.TagLimitation, appraise.TagPopulation}[i%5]
		a := appraise.Annotation{ID: fmt.Sprintf("ann-%02d", i), Paper: id, Tags: []string{tag}, Note: "a note of some length",
			Anchor: appraise.Anchor{Page: 1 + i/10, Start: i * 200, End: i*200 + 120, Exact: fmt.Sprintf("Quoted sentence number %d of the paper, as long as a real one tends to be.", i)}}
		if err := s.PutAnnotation(a); err != nil {
			b.Fatal(err)
		}
		switch tag {
		case appraise.TagClaim:
			claims = append(claims, a.ID)
		case appraise.TagLimitation:
			lims = append(lims, a.ID)
		}
	}
	return library.New(library.Config{Store: s}), id, claims, lims
}

func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkAnswerItemDurable is what an appraiser waits for when
// answering a checklist item: the library call returns after the commit
// (target: p99 ≤ 20 ms).
func BenchmarkAnswerItemDurable(b *testing.B) {
	lib, paper, _, lims := benchLibrary(b)
	answers := []appraise.Answer{appraise.AnswerYes, appraise.AnswerNo, appraise.AnswerUnclear}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		a := appraise.ItemAnswer{Item: 1 + i%10, Answer: answers[i%3], Comment: "changed " + fmt.Sprint(i), Evidence: []string{lims[i%len(lims)]}}
		start := time.Now()
		if _, err := lib.AnswerItem(paper, a); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	reportLatency(b, lat)
}

// BenchmarkSetDomainDurable is changing one GRADE domain of a claim,
// returned after the commit with the new certainty (target: p99 ≤ 20 ms).
func BenchmarkSetDomainDurable(b *testing.B) {
	lib, _, claims, lims := benchLibrary(b)
	levels := []appraise.DomainLevel{appraise.LevelSerious, appraise.LevelVerySerious, appraise.LevelNone}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		r := appraise.DomainRating{Domain: appraise.DownDomains()[i%5], Level: levels[i%3], Reasons: []string{lims[i%len(lims)]}}
		start := time.Now()
		if _, err := lib.SetDomain(claims[i%len(claims)], r); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	reportLatency(b, lat)
}

// BenchmarkExportAppraisedHandout exports the handout of a paper with a
// full checklist, 10 graded claims and 50 annotations from a real library
// (target: ≤ 50 ms).
func BenchmarkExportAppraisedHandout(b *testing.B) {
	lib, paper, claims, lims := benchLibrary(b)
	for n := 1; n <= 10; n++ {
		if _, err := lib.AnswerItem(paper, appraise.ItemAnswer{Item: n, Answer: appraise.AnswerNo, Comment: "why", Evidence: lims[:2]}); err != nil {
			b.Fatal(err)
		}
	}
	for i, c := range claims {
		if _, err := lib.SetDomains(c,
			appraise.DomainRating{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelSerious, Reasons: []string{lims[i]}},
			appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Reasons: []string{lims[i+1]}}); err != nil {
			b.Fatal(err)
		}
		if _, err := lib.AddLink(appraise.Link{From: lims[i], To: c, Type: appraise.LinkLimits}); err != nil {
			b.Fatal(err)
		}
	}
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := lib.Export(paper, appraise.FormatHTML, appraise.ExportFilter{}, io.Discard); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportLatency(b, lat)
}
