package merge

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestPaperMatching(t *testing.T) {
	lib := []appraise.Paper{
		{ID: "aaa", Meta: appraise.Metadata{Title: "Ketamine-assisted psychotherapy after childbirth: a case series", Year: 2024, DOI: "10.3389/fpsyt.2024.001"}},
		{ID: "bbb", Meta: appraise.Metadata{Title: "Screening for anaemia in pregnancy", Year: 2021}},
	}
	cases := []struct {
		name   string
		in     appraise.Paper
		wantID appraise.PaperID
		how    Match
	}{
		{"same file", appraise.Paper{ID: "bbb"}, "bbb", SameFile},
		{"another copy with the DOI as a link", appraise.Paper{ID: "ccc", Meta: appraise.Metadata{DOI: "https://doi.org/10.3389/FPSYT.2024.001"}}, "aaa", SameDOI},
		{"another copy by title and year", appraise.Paper{ID: "ddd", Meta: appraise.Metadata{Title: "SCREENING for anaemia in pregnancy.", Year: 2021}}, "bbb", SameTitled},
		{"same title, another year", appraise.Paper{ID: "eee", Meta: appraise.Metadata{Title: "Screening for anaemia in pregnancy", Year: 2022}}, "", NoMatch},
		{"a short title is not enough", appraise.Paper{ID: "fff", Meta: appraise.Metadata{Title: "Editorial", Year: 2021}}, "", NoMatch},
		{"not a DOI", appraise.Paper{ID: "ggg", Meta: appraise.Metadata{DOI: "n/a"}}, "", NoMatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, how := Paper(lib, c.in)
			if p.ID != c.wantID || how != c.how {
				t.Fatalf("matched %q by %q, want %q by %q", p.ID, how, c.wantID, c.how)
			}
		})
	}
}
