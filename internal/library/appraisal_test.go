package library

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// appraisalFixture is the trial paper opened, with a population, a claim
// and two limitations annotated, and its design set.
type appraisalFixture struct {
	*fixture
	paper, otherPaper      appraise.PaperID
	pop, claim, lim1, lim2 string
	otherAnnota            string
}

func newAppraisalFixture(tb testing.TB, design appraise.StudyDesign) *appraisalFixture {
	tb.Helper()
	f := &appraisalFixture{fixture: newFixture(tb)}
	op := f.open(tb)
	f.paper = op.Paper.ID
	ann := func(quote string, occurrence int, tag string) string {
		a, err := f.lib.AnnotateQuote(f.paper, quote, occurrence, []string{tag}, "", "")
		if err != nil {
			tb.Fatalf("annotate %q: %v", quote, err)
		}
		return a.ID
	}
	f.pop = ann("We enrolled 120 children with moderate asthma from three clinics.", 0, appraise.TagPopulation)
	f.claim = ann("Exacerbations fell by a third.", 1, appraise.TagClaim)
	f.lim1 = ann("The trial was small", 0, appraise.TagLimitation)
	f.lim2 = ann("follow-up lasted only twelve weeks", 0, appraise.TagLimitation)
	if _, err := f.lib.SaveCard(f.paper, appraise.Appraisal{Design: design}); err != nil {
		tb.Fatal(err)
	}
	// A second paper with one annotation, for cross-paper refusals.
	f.otherPaper = appraise.PaperID(strings.Repeat("b", 64))
	f.store.PutPaper(appraise.Paper{ID: f.otherPaper, ExtractorVersion: "v1"})
	f.otherAnnota = "other-ann"
	f.store.PutAnnotation(appraise.Annotation{ID: f.otherAnnota, Paper: f.otherPaper, Tags: []string{appraise.TagClaim},
		Anchor: appraise.Anchor{Exact: "elsewhere"}})
	return f
}

func TestAnsweringAnItemSavesItInTheDesignsChecklist(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignCaseSeries)
	v, err := f.lib.Checklist(f.paper)
	if err != nil {
		t.Fatal(err)
	}
	if v.Instrument.ID != appraise.InstrumentJBICaseSeries || len(v.Rows) != 10 {
		t.Fatalf("checklist = %s with %d rows, want the JBI case series checklist", v.Instrument.ID, len(v.Rows))
	}
	puts := f.store.appraisalPuts
	r, err := f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 4, Answer: appraise.AnswerNo, Comment: "  Only referred cases  ",
		Evidence: []string{f.pop, f.pop}})
	if err != nil {
		t.Fatal(err)
	}
	if f.store.appraisalPuts != puts+1 {
		t.Errorf("%d commits for one answer, want 1", f.store.appraisalPuts-puts)
	}
	if r.Answer.Answer != appraise.AnswerNo || r.Answer.Comment != "Only referred cases" || r.Rating != appraise.RatingBad ||
		len(r.Evidence) != 1 || r.Evidence[0].Annotation.Anchor.Exact == "" || !r.Answer.Modified.Equal(f.now) {
		t.Errorf("row = %+v", r)
	}
	v, _ = f.lib.Checklist(f.paper)
	if got := v.Rows[3].Answer; got.Answer != appraise.AnswerNo || len(got.Evidence) != 1 {
		t.Errorf("stored item 4 = %+v", got)
	}
	if _, err := f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 5, NotReported: true, Answer: appraise.AnswerUnclear}); err != nil {
		t.Fatal(err)
	}
	v, _ = f.lib.Checklist(f.paper)
	if nr := v.NotReported(); len(nr) != 1 || nr[0].Item.Number != 5 {
		t.Errorf("not reported = %+v", nr)
	}
}

func TestBadChecklistInputIsRefusedAndWritesNothing(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignCaseSeries)
	tests := []struct {
		name string
		a    appraise.ItemAnswer
	}{
		{"item beyond the checklist", appraise.ItemAnswer{Item: 11, Answer: appraise.AnswerYes}},
		{"item zero", appraise.ItemAnswer{Item: 0, Answer: appraise.AnswerYes}},
		{"a CASP answer on a JBI checklist", appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerCantTell}},
		{"unknown annotation as evidence", appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerYes, Evidence: []string{"nope"}}},
		{"another paper's annotation as evidence", appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerYes, Evidence: []string{f.otherAnnota}}},
		{"a comment too long", appraise.ItemAnswer{Item: 1, Comment: strings.Repeat("x", maxComment+1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			puts := f.store.appraisalPuts
			_, err := f.lib.AnswerItem(f.paper, tt.a)
			if !errors.Is(err, appraise.ErrInvalidAppraisal) && !errors.Is(err, appraise.ErrNotFound) {
				t.Errorf("err = %v, want bad input", err)
			}
			if f.store.appraisalPuts != puts {
				t.Error("a refused answer was written")
			}
		})
	}
	if _, err := f.lib.LinkEvidence(f.paper, 1, f.otherAnnota); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("linking another paper's annotation: %v", err)
	}
	if _, err := f.lib.ChooseInstrument(f.paper, "no-such"); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("unknown instrument: %v", err)
	}
}

func TestAPaperWithoutADesignAsksForAChecklist(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignUnset)
	v, err := f.lib.Checklist(f.paper)
	if err != nil || v.Instrument.ID != "" || len(v.Rows) != 0 {
		t.Fatalf("checklist = %+v, %v; want empty", v, err)
	}
	if _, err := f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerYes}); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("answering with no checklist: %v", err)
	}
}

func TestDeletedEvidenceIsReportedMissingAndComesBackOnRestore(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignRandomisedTrial)
	if _, err := f.lib.LinkEvidence(f.paper, 3, f.lim2); err != nil {
		t.Fatal(err)
	}
	if err := f.lib.DeleteAnnotation(f.lim2); err != nil {
		t.Fatal(err)
	}
	v, _ := f.lib.Checklist(f.paper)
	ev := v.Rows[2].Evidence
	if len(ev) != 1 || !ev[0].Missing || ev[0].ID != f.lim2 {
		t.Fatalf("evidence after deleting its annotation = %+v, want it reported missing", ev)
	}
	if _, err := f.lib.RestoreAnnotation(f.lim2); err != nil {
		t.Fatal(err)
	}
	v, _ = f.lib.Checklist(f.paper)
	if ev := v.Rows[2].Evidence; ev[0].Missing {
		t.Error("restored evidence still missing")
	}
	r, err := f.lib.UnlinkEvidence(f.paper, 3, f.lim2)
	if err != nil || len(r.Evidence) != 0 {
		t.Errorf("unlink: %+v, %v", r, err)
	}
}

func TestSwitchingInstrumentsKeepsEachOnesAnswers(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignCohort)
	if _, err := f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerCantTell}); err != nil {
		t.Fatal(err)
	}
	v, err := f.lib.ChooseInstrument(f.paper, appraise.InstrumentJBICaseSeries)
	if err != nil || v.Instrument.ID != appraise.InstrumentJBICaseSeries || v.Rows[0].Answer.Answer != "" {
		t.Fatalf("after switching: %s, item 1 %q, %v", v.Instrument.ID, v.Rows[0].Answer.Answer, err)
	}
	v, _ = f.lib.ChooseInstrument(f.paper, appraise.InstrumentCASPCohort)
	if v.Rows[0].Answer.Answer != appraise.AnswerCantTell {
		t.Errorf("the cohort answers were lost on switching: %+v", v.Rows[0])
	}
	// Answering pinned the instrument: a new design does not switch it.
	if _, err := f.lib.SaveCard(f.paper, appraise.Appraisal{Design: appraise.DesignCaseReport}); err != nil {
		t.Fatal(err)
	}
	if v, _ := f.lib.Checklist(f.paper); v.Instrument.ID != appraise.InstrumentCASPCohort {
		t.Errorf("a design change switched the checklist to %s", v.Instrument.ID)
	}
}

func TestEvidenceLevelIsProposedFromTheDesignAndOverriddenWithAReason(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignCaseSeries)
	v, err := f.lib.Level(f.paper)
	if err != nil || v.Proposed != 4 || v.Level != 4 {
		t.Fatalf("level = %+v, %v; want 4 proposed for a case series", v, err)
	}
	if _, err := f.lib.SetLevel(f.paper, 3, " "); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("an override without a reason: %v", err)
	}
	if _, err := f.lib.SetLevel(f.paper, 6, "why"); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("level 6: %v", err)
	}
	v, err = f.lib.SetLevel(f.paper, 5, "Only three cases")
	if err != nil || v.Level != 5 || v.Proposed != 4 || v.Override.Reason != "Only three cases" {
		t.Errorf("after override: %+v, %v", v, err)
	}
	v, _ = f.lib.SetLevel(f.paper, 0, "ignored")
	if v.Level != 4 || v.Override.Reason != "" {
		t.Errorf("after clearing: %+v", v)
	}
}

func TestCertaintyChangesAsDomainsChange(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignRandomisedTrial)
	v, err := f.lib.Certainty(f.claim)
	if err != nil || v.Start != appraise.CertaintyHigh || v.Final != appraise.CertaintyHigh || len(v.Domains) != 8 {
		t.Fatalf("certainty = %+v, %v", v, err)
	}
	v, err = f.lib.SetDomain(f.claim, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Reasons: []string{f.lim1}})
	if err != nil || v.Final != appraise.CertaintyModerate {
		t.Fatalf("after serious imprecision: %s, %v", v.Final, err)
	}
	v, _ = f.lib.SetDomain(f.claim, appraise.DomainRating{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelVerySerious, Reasons: []string{f.lim2}})
	if v.Final != appraise.CertaintyVeryLow {
		t.Errorf("after very serious risk of bias: %s", v.Final)
	}
	if r := v.Domains[3]; r.Rating.Domain != appraise.DomainImprecision || len(r.Reasons) != 1 || r.Reasons[0].Annotation.Anchor.Exact != "The trial was small" {
		t.Errorf("imprecision = %+v", r)
	}
	v, _ = f.lib.SetDomain(f.claim, appraise.DomainRating{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelNone})
	if v.Final != appraise.CertaintyModerate {
		t.Errorf("after clearing risk of bias: %s", v.Final)
	}
	// A new design moves the start.
	f.lib.SaveCard(f.paper, appraise.Appraisal{Design: appraise.DesignCohort})
	if v, _ := f.lib.Certainty(f.claim); v.Start != appraise.CertaintyLow || v.Final != appraise.CertaintyVeryLow {
		t.Errorf("as a cohort: start %s final %s", v.Start, v.Final)
	}
	cs, err := f.lib.Certainties(f.paper)
	if err != nil || len(cs) != 1 || cs[0].Claim.ID != f.claim {
		t.Errorf("certainties = %+v, %v", cs, err)
	}
}

func TestBadCertaintyInputIsRefused(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignRandomisedTrial)
	tests := []struct {
		name  string
		claim string
		r     appraise.DomainRating
	}{
		{"unknown domain", f.claim, appraise.DomainRating{Domain: "luck", Level: appraise.LevelSerious}},
		{"level the domain cannot take", f.claim, appraise.DomainRating{Domain: appraise.DomainLargeEffect, Level: appraise.LevelSerious}},
		{"an annotation that is not a claim", f.lim1, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious}},
		{"a reason from another paper", f.claim, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Reasons: []string{f.otherAnnota}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			puts := f.store.appraisalPuts
			if _, err := f.lib.SetDomain(tt.claim, tt.r); !errors.Is(err, appraise.ErrInvalidAppraisal) {
				t.Errorf("err = %v", err)
			}
			if f.store.appraisalPuts != puts {
				t.Error("written")
			}
		})
	}
	if _, err := f.lib.Certainty("nope"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("unknown claim: %v", err)
	}
}

func TestLinksShowBothWaysAndStayWithinAPaper(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignCaseSeries)
	for _, lim := range []string{f.lim1, f.lim2} {
		if _, err := f.lib.AddLink(appraise.Link{From: lim, To: f.claim, Type: appraise.LinkLimits}); err != nil {
			t.Fatal(err)
		}
	}
	f.lib.AddLink(appraise.Link{From: f.lim1, To: f.claim, Type: appraise.LinkLimits}) // again: kept once
	if _, err := f.lib.AddLink(appraise.Link{From: f.claim, To: f.pop, Type: appraise.LinkAbout}); err != nil {
		t.Fatal(err)
	}
	ends, err := f.lib.Links(f.claim)
	if err != nil {
		t.Fatal(err)
	}
	var phrases []string
	for _, e := range ends {
		phrases = append(phrases, e.Phrase()+" "+e.Other.ID)
	}
	want := "limited by " + f.lim1 + "|limited by " + f.lim2 + "|is about " + f.pop
	if strings.Join(phrases, "|") != want {
		t.Errorf("claim's links = %v, want %s", phrases, want)
	}
	if ends, _ := f.lib.Links(f.lim1); len(ends) != 1 || ends[0].Phrase() != "limits" {
		t.Errorf("limitation's links = %+v", ends)
	}
	for name, k := range map[string]appraise.Link{
		"another paper's annotation": {From: f.lim1, To: f.otherAnnota, Type: appraise.LinkLimits},
		"itself":                     {From: f.lim1, To: f.lim1, Type: appraise.LinkLimits},
		"unknown type":               {From: f.lim1, To: f.claim, Type: "causes"},
	} {
		if _, err := f.lib.AddLink(k); !errors.Is(err, appraise.ErrInvalidLink) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := f.lib.RemoveLink(appraise.Link{From: f.lim1, To: f.claim, Type: appraise.LinkLimits}); err != nil {
		t.Fatal(err)
	}
	if err := f.lib.RemoveLink(appraise.Link{From: f.lim1, To: f.claim, Type: appraise.LinkLimits}); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	if ends, _ := f.lib.Links(f.claim); len(ends) != 2 {
		t.Errorf("after removing: %d links", len(ends))
	}
}

func TestPICOIsProposedFromAPassageAndSaved(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignRandomisedTrial)
	props, err := f.lib.ProposePICO(f.pop)
	if err != nil || len(props) == 0 || props[0].Field != appraise.FieldN || props[0].Value != "n = 120" {
		t.Fatalf("proposals = %+v, %v", props, err)
	}
	p, err := f.lib.SavePICO(f.paper, appraise.PICO{Population: appraise.Population{N: " n = 120 ", Diagnosis: "moderate asthma"}, Intervention: "budesonide"})
	if err != nil || p.Population.N != "n = 120" || !p.Modified.Equal(f.now) {
		t.Fatalf("saved %+v, %v", p, err)
	}
	pa, _ := f.lib.Appraisal(f.paper)
	if pa.PICO.Intervention != "budesonide" || pa.Card.Design != appraise.DesignRandomisedTrial {
		t.Errorf("appraisal = %+v", pa)
	}
}

func TestImportedChecklistIsUsableAndABadOneImportsNothing(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignOther)
	bad := "id = \"club\"\nname = \"Club\"\nfamily = \"jbi\"\n[[items]]\nhint = \"no text\"\n"
	if _, err := f.lib.ImportInstrument("club.toml", strings.NewReader(bad)); !errors.Is(err, appraise.ErrInvalidChecklist) || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("bad file: %v", err)
	}
	if all, _ := f.lib.Instruments(); len(all) != 8 {
		t.Errorf("%d instruments after a failed import, want the 8 built-in", len(all))
	}
	good := "\ufeffid = \"club\"\nname = \"Club\"\nfamily = \"jbi\"\n[[items]]\ntext = \"Would we change practice?\"\n"
	in, err := f.lib.ImportInstrument("club.toml", strings.NewReader(good))
	if err != nil || !in.Custom {
		t.Fatalf("import: %+v, %v", in, err)
	}
	if _, err := f.lib.ChooseInstrument(f.paper, "club"); err != nil {
		t.Fatal(err)
	}
	r, err := f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 1, Answer: appraise.AnswerNotApplicable})
	if err != nil || r.Rating != appraise.RatingNotApplicable {
		t.Errorf("answer on the club checklist: %+v, %v", r, err)
	}
}

func TestSaveCardStampsAndValidates(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignUnset)
	f.now = f.now.Add(time.Minute)
	p, err := f.lib.SaveCard(f.paper, appraise.Appraisal{Design: appraise.DesignMetaAnalysis, SampleSize: " n = 3 "})
	if err != nil || p.Appraisal.SampleSize != "n = 3" || !p.Appraisal.Modified.Equal(f.now) {
		t.Errorf("card = %+v, %v", p.Appraisal, err)
	}
	if _, err := f.lib.SaveCard(f.paper, appraise.Appraisal{Design: "anecdote"}); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("unknown design: %v", err)
	}
	if _, err := f.lib.SaveCard(f.paper, appraise.Appraisal{Timing: "sideways"}); !errors.Is(err, appraise.ErrInvalidAppraisal) {
		t.Errorf("unknown timing: %v", err)
	}
}

func TestExportedJSONLDCarriesTheAppraisalBack(t *testing.T) {
	f := newAppraisalFixture(t, appraise.DesignRandomisedTrial)
	f.lib.AnswerItem(f.paper, appraise.ItemAnswer{Item: 2, Answer: appraise.AnswerCantTell, Evidence: []string{f.lim1}})
	f.lib.SetDomain(f.claim, appraise.DomainRating{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Reasons: []string{f.lim1}})
	f.lib.AddLink(appraise.Link{From: f.lim2, To: f.claim, Type: appraise.LinkLimits})
	f.lib.SavePICO(f.paper, appraise.PICO{Population: appraise.Population{N: "n = 120"}})
	var buf strings.Builder
	if err := f.lib.Export(f.paper, appraise.FormatJSONLD, appraise.ExportFilter{Tags: []string{appraise.TagClaim}}, &buf); err != nil {
		t.Fatal(err)
	}
	bs, err := export.DecodeBundle(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	b := bs[0]
	want, _ := f.lib.Appraisal(f.paper)
	if len(b.Appraisals) != 1 || !reflect.DeepEqual(b.Appraisals[0].Appraisal, want) {
		t.Errorf("bundle appraisals = %+v\nwant %+v", b.Appraisals, want)
	}
	if len(b.Annotations) != 1 {
		t.Errorf("the tag filter let %d annotations through, want the claim", len(b.Annotations))
	}
}
