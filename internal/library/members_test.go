package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// clubPair is a lead and a trainee on their own laptops, the lead having
// annotated and appraised the trial (case series, JBI checklist) and
// exported the bundle.
type clubPair struct {
	lead, trainee *fixture
	paper         appraise.PaperID
	claim         appraise.Annotation
}

func newClubPair(tb testing.TB) clubPair {
	tb.Helper()
	lead := newFixture(tb)
	lead.lib.SetUser("Dr Lee")
	op := lead.open(tb)
	lead.tag(tb, op, "We enrolled 120 children", "Dr Lee", "who", appraise.TagPopulation)
	claim := lead.tag(tb, op, "Exacerbations fell by a third.", "Dr Lee", "main claim", appraise.TagClaim)
	lim := lead.tag(tb, op, "follow-up lasted only twelve weeks", "Dr Lee", "", appraise.TagLimitation)
	must := func(_ any, err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(lead.lib.SaveCard(op.Paper.ID, appraise.Appraisal{Design: appraise.DesignCaseSeries}))
	for _, a := range []appraise.ItemAnswer{
		{Item: 1, Answer: appraise.AnswerYes},
		{Item: 2, Answer: appraise.AnswerNo, Comment: "no standard measurement", Evidence: []string{lim.ID}},
		{Item: 3, Answer: appraise.AnswerYes},
		{Item: 4, Answer: appraise.AnswerUnclear},
	} {
		must(lead.lib.AnswerItem(op.Paper.ID, a))
	}
	must(lead.lib.SetDomain(claim.ID, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Reasons: []string{lim.ID}}))
	trainee := lead.member(tb)
	trainee.lib.SetUser("Sam")
	top := trainee.open(tb)
	trainee.tag(tb, top, "Exacerbations fell by a third.", "Sam", "", appraise.TagClaim)
	return clubPair{lead: lead, trainee: trainee, paper: op.Paper.ID, claim: claim}
}

func TestAMembersAppraisalTravelsReadOnlyAndMergesOnReimport(t *testing.T) {
	c := newClubPair(t)
	if _, err := c.trainee.lib.SaveCard(c.paper, appraise.Appraisal{Design: appraise.DesignCaseSeries}); err != nil {
		t.Fatal(err)
	}
	mine, err := c.trainee.lib.AnswerItem(c.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerNo})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper)))
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Totals().Appraisals; n != (appraise.AppraisalCounts{New: 1}) {
		t.Fatalf("appraisal counts = %+v, want 1 new", n)
	}
	ms, err := c.trainee.lib.MemberAppraisals(c.paper)
	if err != nil || len(ms) != 1 || ms[0].Author != "Dr Lee" {
		t.Fatalf("members' appraisals = %+v, %v", ms, err)
	}
	if got := ms[0].Checklist(appraise.InstrumentJBICaseSeries).Answer(2); got.Answer != appraise.AnswerNo || got.Comment != "no standard measurement" {
		t.Fatalf("the lead's item 2 = %+v", got)
	}
	if ms[0].Card.Design != appraise.DesignCaseSeries {
		t.Errorf("the lead's card did not travel: %+v", ms[0].Card)
	}
	own, _ := c.trainee.lib.Appraisal(c.paper)
	if got := own.Checklist(appraise.InstrumentJBICaseSeries).Answer(1); got.Answer != mine.Answer.Answer || len(own.Checklist(appraise.InstrumentJBICaseSeries).Answers) != 1 {
		t.Fatalf("the trainee's own checklist changed: %+v", own.Checklists)
	}
	rep, err = c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper)))
	if err != nil || rep.Totals().Appraisals != (appraise.AppraisalCounts{Unchanged: 1}) {
		t.Fatalf("the same bundle again: %+v, %v", rep.Totals().Appraisals, err)
	}
	// The lead changes an answer: the next bundle updates that item only.
	c.lead.now = c.lead.now.Add(time.Hour)
	if _, err := c.lead.lib.AnswerItem(c.paper, appraise.ItemAnswer{Item: 4, Answer: appraise.AnswerYes}); err != nil {
		t.Fatal(err)
	}
	rep, err = c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper)))
	if err != nil || rep.Totals().Appraisals != (appraise.AppraisalCounts{Updated: 1}) {
		t.Fatalf("a newer bundle: %+v, %v", rep.Totals().Appraisals, err)
	}
	ms, _ = c.trainee.lib.MemberAppraisals(c.paper)
	if ms[0].Checklist(appraise.InstrumentJBICaseSeries).Answer(4).Answer != appraise.AnswerYes {
		t.Fatalf("item 4 after the newer bundle = %+v", ms[0].Checklist(appraise.InstrumentJBICaseSeries).Answer(4))
	}
}

// A bundle under the user's own name (the user's other laptop) merges
// into the user's appraisal, newer answer per item winning.
func TestTheUsersOwnAppraisalFromElsewhereMergesIntoTheirs(t *testing.T) {
	c := newClubPair(t)
	c.trainee.lib.SetUser("dr  LEE") // the lead's second laptop
	c.trainee.now = c.lead.now.Add(time.Hour)
	if _, err := c.trainee.lib.SaveCard(c.paper, appraise.Appraisal{Design: appraise.DesignCaseSeries, BottomLine: "second laptop"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.trainee.lib.AnswerItem(c.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerUnclear}); err != nil {
		t.Fatal(err)
	}
	rep, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper)))
	if err != nil || rep.Totals().Appraisals != (appraise.AppraisalCounts{Updated: 1}) {
		t.Fatalf("import: %+v, %v", rep.Totals().Appraisals, err)
	}
	own, _ := c.trainee.lib.Appraisal(c.paper)
	cl := own.Checklist(appraise.InstrumentJBICaseSeries)
	if cl.Answer(1).Answer != appraise.AnswerUnclear || cl.Answer(2).Answer != appraise.AnswerNo || own.Card.BottomLine != "second laptop" {
		t.Fatalf("own appraisal after merging = %+v card %+v", cl.Answers, own.Card)
	}
	if ms, _ := c.trainee.lib.MemberAppraisals(c.paper); len(ms) != 0 {
		t.Fatalf("the user's own appraisal was kept as a member's: %+v", ms)
	}
}

// A cleared answer stays cleared when an older copy of the same reader's
// appraisal comes back in a bundle (from a second laptop, or passed round
// the club): clearing is an edit with its own time, not a forgetting.
func TestAClearedAnswerStaysClearedWhenAnOlderCopyComesBack(t *testing.T) {
	c := newClubPair(t)
	old := c.lead.bundle(t, c.paper) // item 2 answered "no"
	c.lead.now = c.lead.now.Add(time.Hour)
	if _, err := c.lead.lib.AnswerItem(c.paper, appraise.ItemAnswer{Item: 2}); err != nil {
		t.Fatal(err)
	}
	before, err := c.lead.lib.Certainty(c.claim.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.lead.lib.SetDomain(c.claim.ID, appraise.DomainRating{Domain: appraise.DomainImprecision}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.lead.lib.ImportBundle(bytes.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	after, err := c.lead.lib.Certainty(c.claim.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Final == before.Final {
		t.Fatalf("the imprecision concern set back to none came back from the older bundle: final %v", after.Final)
	}
	own, _ := c.lead.lib.Appraisal(c.paper)
	cl := own.Checklist(appraise.InstrumentJBICaseSeries)
	if a := cl.Answer(2); !a.Empty() {
		t.Fatalf("the cleared item 2 came back from the older bundle: %+v", a)
	}
	if cl.Answer(1).Answer != appraise.AnswerYes {
		t.Fatalf("item 1 lost: %+v", cl.Answers)
	}
	// And the other way round: the clearing travels to a library that
	// has the old answer.
	c.trainee.now = c.lead.now.Add(time.Hour)
	if _, err := c.trainee.lib.ImportBundle(bytes.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper))); err != nil {
		t.Fatal(err)
	}
	ms, _ := c.trainee.lib.MemberAppraisals(c.paper)
	if len(ms) != 1 || !ms[0].Checklist(appraise.InstrumentJBICaseSeries).Answer(2).Empty() {
		t.Fatalf("the lead's clearing did not reach the trainee: %+v", ms)
	}
}

// editBundle changes the lead's appraisal inside a bundle's JSON.
func editBundle(tb testing.TB, b []byte, edit func(pa map[string]any)) []byte {
	tb.Helper()
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	for _, it := range doc["first"].(map[string]any)["items"].([]any) {
		item := it.(map[string]any)
		if item["motivation"] != "assessing" {
			continue
		}
		for _, body := range item["body"].([]any) {
			if pa, ok := body.(map[string]any)["appraise:appraisal"]; ok {
				edit(pa.(map[string]any))
			}
		}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestABadMembersAppraisalRefusesTheWholeBundle(t *testing.T) {
	answer := func(pa map[string]any) map[string]any {
		return pa["checklists"].([]any)[0].(map[string]any)["answers"].([]any)[0].(map[string]any)
	}
	cases := []struct {
		name, want string
		edit       func(pa map[string]any)
	}{
		{"unknown checklist", `"no-such-list", which neither`, func(pa map[string]any) {
			pa["checklists"].([]any)[0].(map[string]any)["instrument"] = "no-such-list"
		}},
		{"unknown item", "has no item 42", func(pa map[string]any) { answer(pa)["item"] = 42 }},
		{"unknown answer", `"perhaps" is not one of its answers`, func(pa map[string]any) { answer(pa)["answer"] = "perhaps" }},
		{"certainty of an annotation not in the bundle", "neither in the bundle nor on the paper", func(pa map[string]any) {
			pa["certainties"].([]any)[0].(map[string]any)["claim"] = "ann-999"
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClubPair(t)
			_, err := c.trainee.lib.ImportBundle(bytes.NewReader(editBundle(t, c.lead.bundle(t, c.paper), tc.edit)))
			if !errors.Is(err, export.ErrInvalidJSONLD) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), `"Dr Lee"`) {
				t.Fatalf("import = %v, want a refusal saying %q and whose", err, tc.want)
			}
			if as, _ := c.trainee.lib.Annotations(c.paper); len(as) != 1 {
				t.Fatalf("%d annotations after a refused bundle, want the trainee's own only", len(as))
			}
			if ms, _ := c.trainee.lib.MemberAppraisals(c.paper); len(ms) != 0 {
				t.Fatalf("a refused bundle left an appraisal: %+v", ms)
			}
		})
	}
}

// An appraisal that names no author is left out with a line in the
// report; the annotations still come in.
func TestAnAuthorlessAppraisalIsSkippedWithALine(t *testing.T) {
	c := newClubPair(t)
	c.lead.lib.SetUser("")
	rep, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "names no author") || rep.Totals().Appraisals != (appraise.AppraisalCounts{}) {
		t.Fatalf("report = %+v", rep)
	}
	if rep.Totals().New != 3 {
		t.Fatalf("annotations new = %d, want the lead's 3", rep.Totals().New)
	}
}

// The comparison measures the checklists and the claims' certainty, and
// lists the items answered differently with the key's comment and a jump
// to the key's evidence.
func TestCompareMeasuresTheChecklistAndCertainty(t *testing.T) {
	c := newClubPair(t)
	if _, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper))); err != nil {
		t.Fatal(err)
	}
	lib := c.trainee.lib
	if _, err := lib.SaveCard(c.paper, appraise.Appraisal{Design: appraise.DesignCaseSeries}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []appraise.ItemAnswer{{Item: 1, Answer: appraise.AnswerYes}, {Item: 2, Answer: appraise.AnswerYes},
		{Item: 3, Answer: appraise.AnswerYes}, {Item: 5, Answer: appraise.AnswerNo}} {
		if _, err := lib.AnswerItem(c.paper, a); err != nil {
			t.Fatal(err)
		}
	}
	as, _ := lib.Annotations(c.paper)
	var myClaim string
	for _, a := range as {
		if a.Author == "Sam" {
			myClaim = a.ID
		}
	}
	if _, err := lib.SetDomain(myClaim, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious}); err != nil {
		t.Fatal(err)
	}
	f, err := lib.Compare(c.paper, "Dr Lee", "Sam")
	if err != nil {
		t.Fatal(err)
	}
	cl := f.Checklist
	if cl == nil || f.Instrument.ID != appraise.InstrumentJBICaseSeries {
		t.Fatalf("checklist comparison = %+v with %q", cl, f.Instrument.ID)
	}
	// Both answered items 1–3: yes/yes, no/yes, yes/yes → po = 2/3; key
	// yes 2/3 no 1/3, trainee yes 1 → pe = 2/3; κ = 0.
	if cl.Answered != 3 || cl.Agreement < 0.666 || cl.Agreement > 0.667 || cl.Kappa.Value == nil || *cl.Kappa.Value != 0 {
		t.Fatalf("checklist = answered %d agreement %v kappa %v", cl.Answered, cl.Agreement, cl.Kappa)
	}
	var diff []agreement.ReviewItem
	for _, r := range f.Result.Review {
		if r.Kind == agreement.DifferentAnswer {
			diff = append(diff, r)
		}
	}
	if len(diff) != 1 || diff[0].Item != 2 || diff[0].KeyAnswer != "no" || diff[0].TraineeAnswer != "yes" ||
		len(diff[0].KeyNotes) != 1 || diff[0].KeyNotes[0] != "no standard measurement" || diff[0].End <= diff[0].Start {
		t.Fatalf("different answers = %+v", diff)
	}
	if got := []rune(f.Text)[diff[0].Start:diff[0].End]; string(got) != "follow-up lasted only twelve weeks" {
		t.Errorf("the review item jumps to %q, want the key's evidence", string(got))
	}
	ce := f.Certainty
	if ce == nil || len(ce.Claims) != 1 || ce.Claims[0].Trainee == nil || ce.Rated != 1 || !ce.Claims[0].Same || ce.Claims[0].Key.Certainty != "very low" {
		t.Fatalf("certainty = %+v", ce)
	}
}

// With no name set, the user's own appraisal is the trainee's.
func TestCompareWithoutAUserNameTakesTheOwnAppraisalAsTheTrainees(t *testing.T) {
	c := newClubPair(t)
	if _, err := c.trainee.lib.ImportBundle(bytes.NewReader(c.lead.bundle(t, c.paper))); err != nil {
		t.Fatal(err)
	}
	lib := c.trainee.lib
	lib.SetUser("")
	if _, err := lib.SaveCard(c.paper, appraise.Appraisal{Design: appraise.DesignCaseSeries}); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AnswerItem(c.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerYes}); err != nil {
		t.Fatal(err)
	}
	f, err := lib.Compare(c.paper, "Dr Lee", "Sam")
	if err != nil {
		t.Fatal(err)
	}
	if f.Checklist == nil || f.Checklist.Answered != 1 || !f.Checklist.Items[0].Same {
		t.Fatalf("checklist = %+v", f.Checklist)
	}
}
