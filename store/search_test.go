package store

import (
	"strings"
	"testing"
	"time"
)

func TestSearch(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "Budesonide in Childhood Asthma")
	mustPutPaper(t, s, 2, "Knee surgery outcomes")
	a := ann("quote-hit", 1, 0, "Participants were randomised to budesonide or placebo.")
	b := ann("note-hit", 2, 0, "Twelve weeks of follow-up.")
	b.Note = "Suivi très court: the Café effect"
	c := ann("trashed", 2, 40, "budesonide mentioned in a deleted annotation")
	mustPut(t, s, a, b, c)
	if err := s.DeleteAnnotation("trashed", time.Now()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		query     string
		want      []string // "title:<paper n>" or annotation ids, in order
		wantField string   // of the first hit
		snippet   string   // contained in the first hit's snippet
	}{
		{"title and quote, case-insensitive", "BUDESONIDE", []string{"title:1", "quote-hit"}, "title", "Budesonide"},
		{"diacritics ignored both ways", "tres cafe", []string{"note-hit"}, "note", "très court"},
		{"every word must occur", "randomised placebo", []string{"quote-hit"}, "quote", "randomised"},
		{"words in different fields do not combine across annotations", "randomised knee", nil, "", ""},
		{"trashed annotations are not found", "deleted annotation", nil, "", ""},
		{"empty query finds nothing", "   ", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(tt.query, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				if h.Annotation == "" {
					got = append(got, "title:"+string(h.Paper[63:]))
				} else {
					got = append(got, h.Annotation)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("hits = %v, want %v", got, tt.want)
			}
			if len(hits) > 0 {
				if hits[0].Field != tt.wantField || !strings.Contains(hits[0].Snippet, tt.snippet) {
					t.Errorf("first hit = %+v, want field %q and snippet containing %q", hits[0], tt.wantField, tt.snippet)
				}
				if hits[0].PaperTitle == "" {
					t.Errorf("hit without paper title")
				}
			}
		})
	}
}

func TestSearchHonoursLimitAndShortensSnippets(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	long := strings.Repeat("lorem ipsum ", 30) + "needle" + strings.Repeat(" dolor sit", 30)
	for i := range 5 {
		mustPut(t, s, ann(string(rune('a'+i)), 1, i*10, long))
	}
	hits, err := s.Search("needle", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("%d hits, want the limit 3", len(hits))
	}
	sn := hits[0].Snippet
	if !strings.HasPrefix(sn, "…") || !strings.HasSuffix(sn, "…") || !strings.Contains(sn, "needle") || len([]rune(sn)) > 2*snippetContext+10 {
		t.Errorf("snippet = %q", sn)
	}
}

func TestFoldKeepsOneCodePointPerCodePoint(t *testing.T) {
	for _, s := range []string{"Café Über ÅNGSTRÖM", "naïve coöperation", "αβγ ΔΕΖ", "x\x00y", "ﬁ ß ø"} {
		f := fold(s)
		if len([]rune(f)) != len([]rune(s)) {
			t.Errorf("fold(%q) = %q changes the length", s, f)
		}
	}
	if got := fold("Café ÜBER"); got != "cafe uber" {
		t.Errorf("fold = %q", got)
	}
}

func TestFinderAgreesWithBytesIndex(t *testing.T) {
	texts := []string{"", "a", "nnnnnown nowhere-to-be-found", "ünïcödé text with 95% of it", "xyz", "the the the"}
	terms := []string{"n", "nowhere", "-to-", "95%", "ïc", "the", "zzz", "xyz", "found"}
	for _, s := range texts {
		for _, term := range terms {
			if got, want := newFinder([]byte(term)).index([]byte(s)), strings.Index(s, term); got != want {
				t.Errorf("index(%q, %q) = %d, want %d", s, term, got, want)
			}
		}
	}
}
