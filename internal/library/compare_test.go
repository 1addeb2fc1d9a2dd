package library

import (
	"errors"
	"strings"
	"testing"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
)

func TestCompareMeasuresTheTraineeAgainstTheKey(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	tag := func(quote, author string, tags ...string) {
		t.Helper()
		s, e := spanOf(t, op.Doc, quote)
		if _, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s, End: e, Tags: tags, Author: author, Note: author + "'s note"}); err != nil {
			t.Fatal(err)
		}
	}
	tag("We enrolled 120 children with moderate asthma from three clinics.", "Dr Lee", "population")
	tag("The trial was small and follow-up lasted only twelve weeks.", "Dr Lee", "limitation")
	tag("We enrolled 120 children", "sam", "population") // 24 of 65 characters: under half
	tag("The trial was small and follow-up lasted only twelve weeks.", "sam", "limitation")
	tag("Exacerbations fell by a third.", "sam", "claim")

	cmp, err := f.lib.Compare(op.Paper.ID, " dr lee ", "Sam")
	if err != nil {
		t.Fatal(err)
	}
	byTag := map[string]agreement.TagResult{}
	for _, r := range cmp.Result.Tags {
		byTag[r.Tag] = r
	}
	// The fixture has one passage per paragraph: four sentences.
	if got := byTag["limitation"].Table; got != (agreement.Table2x2{Both: 1, Neither: 3}) {
		t.Errorf("limitation %+v", got)
	}
	if got := byTag["population"].Table; got != (agreement.Table2x2{KeyOnly: 1, Neither: 3}) {
		t.Errorf("population %+v (the trainee's short quote covers under half the sentence)", got)
	}
	// "Exacerbations fell by a third." is 30 of the paragraph's 80 characters.
	if got := byTag["claim"].Table; got != (agreement.Table2x2{Neither: 4}) {
		t.Errorf("claim %+v", got)
	}
	if len(cmp.Result.Review) != 1 || cmp.Result.Review[0].Kind != agreement.Missed || cmp.Result.Review[0].KeyNotes[0] != "Dr Lee's note" {
		t.Errorf("review = %+v", cmp.Result.Review)
	}
	if !strings.Contains(cmp.Text, "twelve weeks") {
		t.Error("the comparison does not carry the paper's text for quoting")
	}
}

func TestCompareWithAnUnknownKeySaysWhoAnnotated(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	s, e := spanOf(t, op.Doc, "120 children")
	if _, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s, End: e, Tags: []string{"population"}, Author: "sam"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.lib.Compare(op.Paper.ID, "lead", "sam")
	if !errors.Is(err, ErrNoSuchAuthor) || !strings.Contains(err.Error(), "annotated by: sam") {
		t.Fatalf("err = %v", err)
	}
	if _, err := f.lib.Compare("nope", "lead", "sam"); !errors.Is(err, appraise.ErrNotFound) {
		t.Fatalf("unknown paper: err = %v", err)
	}
}
