package agreement

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// sents makes disjoint sentences of the given lengths separated by one
// space, on page 1, with ids s0, s1, …
func sents(lengths ...int) []appraise.Passage {
	var out []appraise.Passage
	at := 0
	for i, n := range lengths {
		out = append(out, appraise.Passage{ID: "b0.s" + string(rune('0'+i)), Page: 1 + i/4, Start: at, End: at + n})
		at += n + 1
	}
	return out
}

func ann(id string, start, end int, note string, tags ...string) appraise.Annotation {
	return appraise.Annotation{ID: id, Tags: tags, Note: note, Anchor: appraise.Anchor{Start: start, End: end}}
}

func TestSentenceCountsAsTaggedFromHalfItsCharacters(t *testing.T) {
	s := sents(10) // [0,10)
	cases := []struct {
		name string
		anns []appraise.Annotation
		want bool
	}{
		{"exactly half counts", []appraise.Annotation{ann("a", 0, 5, "", "claim")}, true},
		{"one short of half does not", []appraise.Annotation{ann("a", 0, 4, "", "claim")}, false},
		{"two pieces that add to half count", []appraise.Annotation{ann("a", 0, 3, "", "claim"), ann("b", 7, 9, "", "claim")}, true},
		{"overlapping pieces are not counted twice", []appraise.Annotation{ann("a", 0, 3, "", "claim"), ann("b", 1, 4, "", "claim")}, false},
		{"a span running on past the sentence counts its part", []appraise.Annotation{ann("a", 6, 40, "", "claim")}, false},
		{"another tag does not count", []appraise.Annotation{ann("a", 0, 10, "", "population")}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := covered(s, tagSpans(c.anns, "claim"))
			if got[0] != c.want {
				t.Fatalf("tagged = %v, want %v", got[0], c.want)
			}
		})
	}
}

func TestCompareCountsPerTagAndPooled(t *testing.T) {
	// Eight sentences of 20 code points.
	s := sents(20, 20, 20, 20, 20, 20, 20, 20)
	at := func(i int) (int, int) { return s[i].Start, s[i].End }
	mk := func(id string, i int, note string, tags ...string) appraise.Annotation {
		a, b := at(i)
		return ann(id, a, b, note, tags...)
	}
	key := Reading{Author: "lead", Annotations: []appraise.Annotation{
		mk("k1", 0, "n = 3 mothers", "population"),
		mk("k2", 2, "", "claim"),
		mk("k3", 3, "", "claim"),
		mk("k4", 5, "retrospective: no control", "limitation"),
		mk("k5", 6, "", "limitation"),
	}}
	trainee := Reading{Author: "trainee", Annotations: []appraise.Annotation{
		mk("t1", 0, "", "population"),
		mk("t2", 2, "", "claim"),
		mk("t3", 4, "", "claim"),
		mk("t4", 6, "", "claim"),
	}}
	res := Compare(s, []string{"population", "claim", "limitation"}, key, trainee)
	want := map[string]Table2x2{
		"population": {Both: 1, Neither: 7},
		"claim":      {Both: 1, KeyOnly: 1, TraineeOnly: 2, Neither: 4},
		"limitation": {KeyOnly: 2, Neither: 6},
	}
	for _, tr := range res.Tags {
		if tr.Table != want[tr.Tag] {
			t.Errorf("%s: table %+v, want %+v", tr.Tag, tr.Table, want[tr.Tag])
		}
		if tr.Sentences != 8 {
			t.Errorf("%s: compared %d sentences, want 8", tr.Tag, tr.Sentences)
		}
	}
	pooled := Table2x2{Both: 2, KeyOnly: 3, TraineeOnly: 2, Neither: 17}
	if res.Overall.Table != pooled {
		t.Fatalf("overall %+v, want %+v", res.Overall.Table, pooled)
	}
	// claim: po = 5/8; key rate 2/8, trainee 3/8: pe = .25·.375 + .75·.625 = .5625;
	// κ = (.625 − .5625)/.4375 = .142857.
	near(t, "claim kappa", res.Tags[1].Kappa.Value, 0.142857)
	if res.Tags[2].Precision != nil {
		t.Fatalf("limitation precision = %v, want nil (trainee tagged none)", *res.Tags[2].Precision)
	}
	near(t, "limitation recall", res.Tags[2].Recall, 0)

	// Review: s3 missed claim; s4 extra claim; s5 missed limitation;
	// s6 limitation vs claim (different tag).
	got := make([]string, 0, len(res.Review))
	for _, r := range res.Review {
		got = append(got, string(r.Kind)+"@"+r.PassageID+":"+strings.Join(r.KeyTags, "+")+"/"+strings.Join(r.TraineeTags, "+")+":"+strings.Join(r.KeyNotes, ";"))
	}
	wantReview := []string{
		"missed@b0.s3:claim/:",
		"extra@b0.s4:/claim:",
		"missed@b0.s5:limitation/:retrospective: no control",
		"different tag@b0.s6:limitation/claim:",
	}
	if strings.Join(got, "\n") != strings.Join(wantReview, "\n") {
		t.Fatalf("review:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantReview, "\n"))
	}
}

func TestReviewJoinsConsecutiveSentencesMissedAlike(t *testing.T) {
	s := sents(10, 10, 10, 10)
	key := Reading{Annotations: []appraise.Annotation{ann("k", s[0].Start, s[2].End, "the whole limitations paragraph", "limitation")}}
	res := Compare(s, []string{"limitation"}, key, Reading{})
	if len(res.Review) != 1 {
		t.Fatalf("review has %d items, want one run: %+v", len(res.Review), res.Review)
	}
	r := res.Review[0]
	if r.Kind != Missed || r.Start != s[0].Start || r.End != s[2].End || r.KeyNotes[0] != "the whole limitations paragraph" || r.KeyAnnotations[0] != "k" {
		t.Fatalf("review item = %+v", r)
	}
}

func TestNothingTaggedByEitherGivesUndefinedKappa(t *testing.T) {
	res := Compare(sents(5, 5), []string{"claim"}, Reading{}, Reading{})
	if res.Tags[0].Kappa.Value != nil || !strings.Contains(res.Tags[0].Kappa.Undefined, "neither reader") {
		t.Fatalf("kappa = %+v", res.Tags[0].Kappa)
	}
	if res.Tags[0].Agreement != 1 || len(res.Review) != 0 {
		t.Fatalf("agreement %v, review %v", res.Tags[0].Agreement, res.Review)
	}
}
