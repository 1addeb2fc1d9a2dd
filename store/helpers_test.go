package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func newClock() *clock               { return &clock{time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }
func (c *clock) Now() time.Time      { return c.t }
func (c *clock) Add(d time.Duration) { c.t = c.t.Add(d) }

// openAt opens (creating) the library at path with the test clock and
// closes it when the test ends.
func openAt(tb testing.TB, path string, c *clock) *Store {
	tb.Helper()
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// newStore opens a fresh library in a temporary folder.
func newStore(tb testing.TB) (*Store, *clock) {
	tb.Helper()
	c := newClock()
	return openAt(tb, filepath.Join(tb.TempDir(), "library.db"), c), c
}

func paperID(n int) appraise.PaperID {
	return appraise.PaperID(fmt.Sprintf("%064x", n))
}

func mustPutPaper(tb testing.TB, s *Store, n int, title string) appraise.Paper {
	tb.Helper()
	p := appraise.Paper{ID: paperID(n), Meta: appraise.Metadata{Title: title}, Pages: 3, ExtractorVersion: "v1",
		Added: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), LastOpened: time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC)}
	if err := s.PutPaper(p); err != nil {
		tb.Fatal(err)
	}
	return p
}

// ann builds a valid annotation of paper n at offset start.
func ann(id string, n, start int, quote string, tags ...string) appraise.Annotation {
	if len(tags) == 0 {
		tags = []string{appraise.TagClaim}
	}
	t := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
	return appraise.Annotation{
		ID: id, Paper: paperID(n), Tags: tags, Author: "ana", Created: t, Modified: t,
		Anchor: appraise.Anchor{Start: start, End: start + len([]rune(quote)), Exact: quote, PassageID: "b0.s0", Page: 1, ExtractorVersion: "v1"},
	}
}

func mustPut(tb testing.TB, s *Store, as ...appraise.Annotation) {
	tb.Helper()
	for _, a := range as {
		if err := s.PutAnnotation(a); err != nil {
			tb.Fatalf("PutAnnotation(%s): %v", a.ID, err)
		}
	}
}

func ids(as []appraise.Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
