package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/store"
)

// Open creates a library on first use; every change is committed before
// the method returns.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "appraise-example")
	defer os.RemoveAll(dir)
	s, err := store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	paper := appraise.Paper{ID: "4be9…example", Meta: appraise.Metadata{Title: "Budesonide in Childhood Asthma"}}
	_ = s.PutPaper(paper)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	_ = s.PutAnnotation(appraise.Annotation{
		ID: "0b0e6a52-4a0c-4c8e-9a7e-2f1f3b9d8c11", Paper: paper.ID, Tags: []string{appraise.TagLimitation},
		Note: "Twelve weeks is short for asthma.", Created: now, Modified: now,
		Anchor: appraise.Anchor{Start: 812, End: 858, Exact: "follow-up lasted only twelve weeks", ExtractorVersion: "0.1.0"},
	})

	hits, _ := s.Search("TWELVE weeks", 10)
	for _, h := range hits {
		fmt.Printf("%s in %q: %s\n", h.Field, h.PaperTitle, h.Snippet)
	}
	fmt.Println("created:", s.Report().Created)
	// Output:
	// quote in "Budesonide in Childhood Asthma": follow-up lasted only twelve weeks
	// created: true
}
