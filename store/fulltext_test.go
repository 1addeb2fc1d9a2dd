package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// pagedDocument builds an extraction with one passage per sentence and
// the given sentences on successive pages.
func pagedDocument(version string, pages ...string) appraise.Document {
	d := appraise.Document{ExtractorVersion: version}
	var text strings.Builder
	for i, s := range pages {
		if i > 0 {
			text.WriteString("\n\n")
		}
		start := len([]rune(text.String()))
		text.WriteString(s)
		d.Pages = append(d.Pages, appraise.Page{Number: i + 1, Width: 595, Height: 842})
		d.Blocks = append(d.Blocks, appraise.Block{Index: i, Kind: appraise.KindParagraph, Page: i + 1, Start: start, End: start + len([]rune(s))})
		d.Passages = append(d.Passages, appraise.Passage{ID: fmt.Sprintf("b%d.s0", i), Block: i, Page: i + 1, Start: start, End: start + len([]rune(s))})
	}
	d.Text = text.String()
	return d
}

func mustPutDoc(tb testing.TB, s *Store, n int, d appraise.Document) {
	tb.Helper()
	if err := s.PutDocument(paperID(n), d); err != nil {
		tb.Fatal(err)
	}
}

func textHits(hits []appraise.SearchHit) []appraise.SearchHit {
	var out []appraise.SearchHit
	for _, h := range hits {
		if h.Field == "text" {
			out = append(out, h)
		}
	}
	return out
}

func TestFindSearchesFullTextWithPagesSnippetsAndRanking(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Exposure to smoke in childhood")
	mustPutPaper(t, s, 2, "A cohort of miners")
	mustPutPaper(t, s, 3, "Nothing relevant")
	mustPutDoc(t, s, 1, pagedDocument("v1", "Introduction.", "Children with early exposure had more wheeze."))
	mustPutDoc(t, s, 2, pagedDocument("v1", "Methods: dust exposure was measured.", "Exposure continued; exposure levels were high.", "Naïve Café workers."))
	mustPutDoc(t, s, 3, pagedDocument("v1", "Nothing to see here."))
	mustPut(t, s, ann("note-exposure", 3, 0, "Nothing to see", appraise.TagClaim))
	a := ann("note-exposure", 3, 0, "Nothing to see", appraise.TagClaim)
	a.Note = "exposure not measured"
	mustPut(t, s, a)

	hits, err := s.Find(appraise.SearchQuery{Text: "exposure"})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, h := range hits {
		order = append(order, fmt.Sprintf("%s:%s:p%d", h.Field, h.Paper[63:], h.Page))
	}
	// Title first, then the note, then text: paper 2 (three matches)
	// before paper 1 (one), one hit per passage.
	want := []string{"title:1:p0", "note:3:p0", "text:2:p1", "text:2:p2", "text:1:p2"}
	if !slices.Equal(order, want) {
		t.Fatalf("hits = %v, want %v", order, want)
	}
	th := textHits(hits)
	if th[0].Matches != 3 || th[2].Matches != 1 {
		t.Errorf("matches = %d, %d; want 3 and 1", th[0].Matches, th[2].Matches)
	}
	doc2 := []rune(pagedDocument("v1", "Methods: dust exposure was measured.", "Exposure continued; exposure levels were high.", "Naïve Café workers.").Text)
	if got := string(doc2[th[0].Start:th[0].End]); got != "exposure" {
		t.Errorf("first text hit spans %q, want the matched word", got)
	}
	if !strings.Contains(th[2].Snippet, "early exposure had") || th[2].PaperTitle == "" {
		t.Errorf("snippet = %q, title %q", th[2].Snippet, th[2].PaperTitle)
	}

	tests := []struct {
		name  string
		query appraise.SearchQuery
		want  []string // text hits as paper:page
	}{
		{"a word's beginning finds the whole word", appraise.SearchQuery{Text: "expos"}, []string{"2:1", "2:2", "1:2"}},
		{"the middle of a word does not match", appraise.SearchQuery{Text: "posure"}, nil},
		{"accents and case are ignored both ways", appraise.SearchQuery{Text: "NAIVE cafe"}, []string{"2:3"}},
		{"every word must occur in the paper", appraise.SearchQuery{Text: "exposure wheeze"}, []string{"1:2"}},
		{"one paper only", appraise.SearchQuery{Text: "exposure", Paper: paperID(1)}, []string{"1:2"}},
		{"a word found nowhere", appraise.SearchQuery{Text: "zebra"}, nil},
		{"punctuation only finds nothing", appraise.SearchQuery{Text: "--"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Find(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range textHits(hits) {
				got = append(got, fmt.Sprintf("%s:%d", h.Paper[63:], h.Page))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("text hits = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFindPrefersPassagesHoldingEveryWord(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	mustPutDoc(t, s, 1, pagedDocument("v1", "Asthma alone.", "More asthma.", "Asthma and budesonide together.", "Asthma again."))
	hits, err := s.Find(appraise.SearchQuery{Text: "asthma budesonide"})
	if err != nil {
		t.Fatal(err)
	}
	th := textHits(hits)
	if len(th) != hitsPerPaper || !strings.Contains(th[0].Snippet, "Asthma alone") || th[2].Page != 3 {
		t.Errorf("hits = %+v; want %d hits in text order including page 3, where both words are", th, hitsPerPaper)
	}
}

func TestReExtractionReplacesTheIndex(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	mustPutDoc(t, s, 1, pagedDocument("v1", "The old text spoke of tigers."))
	mustPutDoc(t, s, 1, pagedDocument("v2", "The new text speaks of lions."))
	for q, n := range map[string]int{"tigers": 0, "lions": 1} {
		hits, err := s.Find(appraise.SearchQuery{Text: q})
		if err != nil || len(textHits(hits)) != n {
			t.Errorf("%q: %d text hits (%v), want %d", q, len(textHits(hits)), err, n)
		}
	}
}

func TestVocabCountBisectsPrefixes(t *testing.T) {
	v := buildVocab(fold("b a c ab abc abd abd x10 x2 ü"))
	for term, want := range map[string]int{"a": 5, "ab": 4, "abd": 2, "abe": 0, "b": 1, "x": 2, "x1": 1, "u": 1, "0": 0, "zz": 0, "": 10} {
		if got := vocabCount(v, term); got != want {
			t.Errorf("vocabCount(%q) = %d, want %d", term, got, want)
		}
	}
	if vocabCount(nil, "a") != 0 || vocabCount([]byte("damaged"), "d") != 0 {
		t.Errorf("empty or damaged vocabulary counted words")
	}
}

func TestALibraryOfSchema1OpensAndItsTextIsIndexedAfterwards(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	copyFile(t, "testdata/schema-1.db", path)
	s := openAt(t, path, newClock())
	if rep := s.Report(); rep.MigratedFrom != 1 {
		t.Fatalf("report = %+v, want migrated from schema 1", rep)
	}
	// The fixture's paper 1 has a cached extraction by "v1" but no index.
	missing, err := s.TextIndexMissing()
	if err != nil || !slices.Equal(missing, []appraise.PaperID{paperID(1)}) {
		t.Fatalf("missing = %v, %v; want paper 1", missing, err)
	}
	if th := mustFind(t, s, "placebo"); len(th) != 0 {
		t.Errorf("text found before indexing: %v", th)
	}
	if err := s.IndexText(paperID(1)); err != nil {
		t.Fatal(err)
	}
	if missing, _ := s.TextIndexMissing(); len(missing) != 0 {
		t.Errorf("still missing after indexing: %v", missing)
	}
	if th := mustFind(t, s, "placebo"); len(th) != 1 || th[0].Page != 1 {
		t.Errorf("text hits after indexing = %+v", th)
	}
	// The new buckets work in the migrated library.
	if _, err := s.RemovePaper(paperID(2), s.now()); err != nil {
		t.Fatal(err)
	}
}

func mustFind(tb testing.TB, s *Store, q string) []appraise.SearchHit {
	tb.Helper()
	hits, err := s.Find(appraise.SearchQuery{Text: q})
	if err != nil {
		tb.Fatal(err)
	}
	return textHits(hits)
}

func TestTextRecordsRoundTripAndDamageIsAnError(t *testing.T) {
	rec := textRecord{Text: "Naïve text ünïcode", Marks: [][3]int{{0, 1, 0}, {6, 2, 1}}}
	data, err := encodeTextRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeTextRecord(data)
	if err != nil || got.Text != rec.Text || !slices.Equal(got.Marks, rec.Marks) {
		t.Fatalf("round trip = %+v, %v", got, err)
	}
	for _, bad := range [][]byte{nil, []byte("not deflate"), data[:len(data)/2]} {
		if _, err := decodeTextRecord(bad); err == nil {
			t.Errorf("decodeTextRecord(%q) succeeded", bad)
		}
	}
}

func TestFindShowsReferenceListsAfterTheBody(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	d := pagedDocument("v1", "Smith J. Depression in winter. J Aff. 2001.", "Depression scores fell.", "Jones K. Depression again. 2003.")
	d.Blocks[0].Kind, d.Blocks[2].Kind = appraise.KindReference, appraise.KindReference
	mustPutDoc(t, s, 1, d)
	th := mustFind(t, s, "depression")
	if len(th) != 3 || th[0].Page != 1 || !strings.Contains(th[1].Snippet, "scores fell") {
		t.Fatalf("hits = %+v", th)
	}
	// With room for one passage, the body's wins.
	hits, err := s.Find(appraise.SearchQuery{Text: "depression", Limit: 1})
	if err != nil || len(textHits(hits)) != 1 || textHits(hits)[0].Page != 2 {
		t.Errorf("one hit = %+v, %v; want the body's on page 2", textHits(hits), err)
	}
}
