package agreement

import (
	"fmt"
	"strings"
	"testing"
)

func TestCompareChecklist(t *testing.T) {
	key := map[int]ChecklistAnswer{
		1: {Answer: "yes"},
		2: {Answer: "no", Comment: "consecutive inclusion not stated", NotReported: true},
		3: {Answer: "unclear"},
		4: {Answer: "yes"},
		5: {Answer: "yes"},
	}
	trainee := map[int]ChecklistAnswer{
		1: {Answer: "yes"},
		2: {Answer: "yes"},
		3: {Answer: "unclear"},
		4: {Answer: "yes"},
		6: {Answer: "no"},
	}
	res := CompareChecklist(key, trainee)
	if res.Answered != 4 {
		t.Fatalf("answered by both = %d, want 4", res.Answered)
	}
	if len(res.Items) != 6 {
		t.Fatalf("items = %d, want 6 (every item either answered)", len(res.Items))
	}
	if it := res.Items[1]; it.Item != 2 || it.Same || !it.BothAnswered || it.KeyComment == "" || !it.KeyNotReported {
		t.Fatalf("item 2 = %+v", it)
	}
	if it := res.Items[4]; it.Item != 5 || it.BothAnswered || it.Same {
		t.Fatalf("item 5 answered by the key only = %+v", it)
	}
	// Pairs: yes/yes, no/yes, unclear/unclear, yes/yes → po = .75;
	// key yes 2 no 1 unclear 1, trainee yes 3 unclear 1:
	// pe = .5·.75 + .25·0 + .25·.25 = .4375; κ = .3125/.5625 = .5556.
	if res.Agreement != 0.75 {
		t.Fatalf("agreement = %v, want 0.75", res.Agreement)
	}
	near(t, "kappa", res.Kappa.Value, 0.5556)
}

func TestCompareCertaintyMatchesByOverlap(t *testing.T) {
	key := []RatedClaim{
		{Annotation: "k1", Start: 0, End: 50, Certainty: "low"},
		{Annotation: "k2", Start: 100, End: 150, Certainty: "very low"},
		{Annotation: "k3", Start: 300, End: 320, Certainty: "low"},
	}
	trainee := []RatedClaim{
		{Annotation: "t1", Start: 10, End: 30, Certainty: "low"},
		{Annotation: "t2", Start: 40, End: 120, Certainty: "moderate"}, // overlaps k1 by 10, k2 by 20
	}
	res := CompareCertainty(key, trainee)
	if res.Claims[0].Trainee.Annotation != "t1" || !res.Claims[0].Same {
		t.Fatalf("k1 matched %+v", res.Claims[0])
	}
	if res.Claims[1].Trainee.Annotation != "t2" || res.Claims[1].Same {
		t.Fatalf("k2 matched %+v", res.Claims[1])
	}
	if res.Claims[2].Trainee != nil {
		t.Fatalf("k3 has no overlapping trainee claim, got %+v", res.Claims[2].Trainee)
	}
	if res.Rated != 2 || res.Agreement != 0.5 {
		t.Fatalf("rated %d agreement %v, want 2 and 0.5", res.Rated, res.Agreement)
	}
	// Pairs low/low, very low/moderate: po = .5; key low .5 very low .5,
	// trainee low .5 moderate .5 → pe = .25; κ = .25/.75 = .3333.
	near(t, "certainty kappa", res.Kappa.Value, 0.3333)
	if none := CompareCertainty(key, nil); none.Rated != 0 || none.Kappa.Value != nil || !strings.Contains(none.Kappa.Undefined, "no claim") {
		t.Fatalf("no trainee claims: %+v", none)
	}
}

// Items answered differently by both become review items carrying the
// key's comment; items alike or answered by one reader do not.
func TestAnswerReviewListsDifferentAnswersWithTheKeysComment(t *testing.T) {
	res := CompareChecklist(map[int]ChecklistAnswer{
		1: {Answer: "yes"}, 2: {Answer: "no", Comment: "consecutive inclusion not stated"}, 3: {Answer: "yes"},
	}, map[int]ChecklistAnswer{1: {Answer: "yes"}, 2: {Answer: "yes"}})
	got := AnswerReview(res, func(n int) string { return fmt.Sprintf("question %d", n) })
	if len(got) != 1 {
		t.Fatalf("review = %+v, want item 2 only", got)
	}
	r := got[0]
	if r.Kind != DifferentAnswer || r.Item != 2 || r.ItemText != "question 2" || r.KeyAnswer != "no" || r.TraineeAnswer != "yes" ||
		len(r.KeyNotes) != 1 || r.KeyNotes[0] != "consecutive inclusion not stated" || r.Kind.Title() != "Different checklist answer" {
		t.Fatalf("review item = %+v", r)
	}
}

// Two raters who never agree on two balanced categories: po = 0, pe = .5,
// κ = −1.
func TestCategoricalKappaOfTotalDisagreementIsMinusOne(t *testing.T) {
	_, k := CategoricalKappa([][2]string{{"yes", "no"}, {"no", "yes"}})
	near(t, "kappa", k.Value, -1)
}
