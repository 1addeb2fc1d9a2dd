package anchor

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

var base = []string{
	"Asthma affects many children worldwide. Inhaled steroids are the usual first treatment.",
	"We enrolled 120 adults with moderate asthma from three clinics. Participants were randomised to budesonide or placebo.",
	"The primary outcome was the rate of severe exacerbations. Secondary outcomes included lung function.",
	"Exacerbations fell by a third in the budesonide group. The effect was significant in every subgroup.",
	"The trial was small and follow-up lasted only twelve weeks. Adherence was self-reported.",
}

func TestReattach(t *testing.T) {
	tests := []struct {
		name       string
		old        []string
		quote      string
		nth        int
		new        []string
		wantStatus appraise.AnchorStatus
		wantText   string // the new document's text at the result, "" to skip
		wantNth    int    // which occurrence of wantText in the new text
	}{
		{
			name: "unchanged text stays attached", old: base, quote: "Adherence was self-reported.",
			new: base, wantStatus: appraise.Attached, wantText: "Adherence was self-reported.",
		},
		{
			name: "text shifted by a new paragraph re-attaches exactly", old: base, quote: "Adherence was self-reported.",
			new:        append([]string{"A new abstract paragraph the old extractor missed."}, base...),
			wantStatus: appraise.Attached, wantText: "Adherence was self-reported.",
		},
		{
			name: "whitespace and line breaks changed", old: base, quote: "We enrolled 120 adults with moderate asthma from three clinics.",
			new:        replaceIn(base, 1, "120 adults with moderate", "120\nadults  with\tmoderate"),
			wantStatus: appraise.Attached, wantText: "We enrolled 120\nadults  with\tmoderate asthma from three clinics.",
		},
		{
			name: "word hyphenated at a line break", old: base, quote: "Participants were randomised to budesonide or placebo.",
			new:        replaceIn(base, 1, "randomised", "random-\nised"),
			wantStatus: appraise.Attached, wantText: "Participants were random-\nised to budesonide or placebo.",
		},
		{
			name: "ligature in the new text", old: base, quote: "Asthma affects many children worldwide.",
			new:        replaceIn(base, 0, "affects", "a\ufb00ects"),
			wantStatus: appraise.Attached, wantText: "Asthma a\ufb00ects many children worldwide.",
		},
		{
			name: "blocks reordered", old: base, quote: "Exacerbations fell by a third in the budesonide group.",
			new:        []string{base[3], base[0], base[4], base[1], base[2]},
			wantStatus: appraise.Attached, wantText: "Exacerbations fell by a third in the budesonide group.",
		},
		{
			name: "whole paragraph selected and moved", old: base, quote: base[2],
			new:        []string{base[2], base[0], base[1], base[3], base[4]},
			wantStatus: appraise.Attached, wantText: base[2],
		},
		{
			name: "a few characters changed re-attaches by fuzzy match", old: base, quote: "The primary outcome was the rate of severe exacerbations.",
			new:        replaceIn(base, 2, "rate of severe", "rote of sevore"),
			wantStatus: appraise.Attached, wantText: "The primary outcome was the rote of sevore exacerbations.",
		},
		{
			name: "duplicated quote keeps the occurrence whose context matches",
			old:  dup(base), quote: "The effect was significant in every subgroup.", nth: 1,
			new:        append([]string{"Inserted front matter."}, dup(base)...),
			wantStatus: appraise.Attached, wantText: "The effect was significant in every subgroup.", wantNth: 1,
		},
		{
			name: "passage deleted is not attached anywhere", old: base, quote: "Secondary outcomes included lung function.",
			new:        replaceIn(base, 2, " Secondary outcomes included lung function.", ""),
			wantStatus: appraise.Orphaned,
		},
		{
			name:       "short quote deleted but found elsewhere with other context needs review",
			old:        replaceIn(base, 4, "Adherence was self-reported.", "Budesonide was given. Adherence was self-reported."),
			quote:      "Budesonide was given.",
			new:        replaceIn(base, 1, "placebo.", "placebo. Budesonide was given."),
			wantStatus: appraise.NeedsReview, wantText: "Budesonide was given.",
		},
		{
			name: "heavily rewritten sentence needs review", old: base, quote: "The trial was small and follow-up lasted only twelve weeks.",
			new:        replaceIn(base, 4, "The trial was small and follow-up lasted only twelve weeks.", "The study was tiny and its follow-up lasted just twelve weeks."),
			wantStatus: appraise.NeedsReview,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := docOf(t, "v1", tt.old...)
			a := anchorAt(t, old, tt.quote, tt.nth)
			nd := docOf(t, "v2", tt.new...)
			res := Reattach(nd, a)
			if res.Status != tt.wantStatus {
				t.Fatalf("status = %q (%s, sim %.2f, ctx %.2f), want %q", res.Status, res.Method, res.Similarity, res.Context, tt.wantStatus)
			}
			if res.Status == appraise.Orphaned {
				if res.Anchor != a {
					t.Errorf("orphaned anchor changed: %+v, want the old %+v", res.Anchor, a)
				}
				return
			}
			if res.Anchor.ExtractorVersion != "v2" {
				t.Errorf("ExtractorVersion = %q, want v2", res.Anchor.ExtractorVersion)
			}
			if tt.wantText != "" {
				ws, we := spanOf(t, nd, tt.wantText, tt.wantNth)
				if res.Anchor.Start != ws || res.Anchor.End != we {
					t.Errorf("span = %d–%d (%q), want %d–%d (%q)", res.Anchor.Start, res.Anchor.End,
						string([]rune(nd.Text)[res.Anchor.Start:res.Anchor.End]), ws, we, tt.wantText)
				}
			}
			switch res.Status {
			case appraise.Attached:
				if got := string([]rune(nd.Text)[res.Anchor.Start:res.Anchor.End]); got != res.Anchor.Exact {
					t.Errorf("attached Exact %q differs from the text at its offsets %q", res.Anchor.Exact, got)
				}
			case appraise.NeedsReview:
				if res.Anchor.Exact != a.Exact || res.Anchor.Prefix != a.Prefix || res.Anchor.Suffix != a.Suffix {
					t.Errorf("needs-review anchor lost the user's quote: %+v", res.Anchor)
				}
			}
		})
	}
}

func TestReattachNeverDropsAnOrphansQuote(t *testing.T) {
	old := docOf(t, "v1", base...)
	a := anchorAt(t, old, "Inhaled steroids are the usual first treatment.", 0)
	res := Reattach(docOf(t, "v2", "Completely different paper about knee surgery outcomes."), a)
	if res.Status != appraise.Orphaned || res.Anchor.Exact != a.Exact {
		t.Errorf("got %q with Exact %q, want orphaned with the old quote", res.Status, res.Anchor.Exact)
	}
}

func TestReattachEmptyDocumentOrphans(t *testing.T) {
	old := docOf(t, "v1", base...)
	a := anchorAt(t, old, "Adherence was self-reported.", 0)
	if res := Reattach(appraise.Document{ExtractorVersion: "v2"}, a); res.Status != appraise.Orphaned {
		t.Errorf("status = %q, want orphaned", res.Status)
	}
}

func replaceIn(ps []string, i int, old, new string) []string {
	out := append([]string(nil), ps...)
	if !strings.Contains(out[i], old) {
		panic("replaceIn: " + old + " not in paragraph")
	}
	out[i] = strings.Replace(out[i], old, new, 1)
	return out
}

// dup repeats the fourth paragraph's second sentence in the first one.
func dup(ps []string) []string {
	return replaceIn(ps, 0, "worldwide.", "worldwide. The effect was significant in every subgroup.")
}
