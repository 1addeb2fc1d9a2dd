package export

import (
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// deletedAnnotation is an evidence id whose annotation no longer exists.
const deletedAnnotation = "3f2b6c1e-0d4a-4c8e-9b1f-00000000000d"

// annID is the id of demo annotation n (see ann).
func annID(n int) string { return demoAnnotations()[0].ID[:35] + string(rune('0'+n)) }

// appraisedRecord is a full appraisal of the demo case series: the JBI
// checklist answered throughout with evidence, a comment and a finding of
// absence, one piece of evidence deleted since, the level overridden,
// both claims graded, links both ways and the PICO.
func appraisedRecord(comment, text string) appraise.PaperAppraisal {
	at := fixtureTime(90)
	ans := func(n int, a appraise.Answer, c string, nr bool, ev ...string) appraise.ItemAnswer {
		return appraise.ItemAnswer{Item: n, Answer: a, Comment: c, NotReported: nr, Evidence: ev, Modified: fixtureTime(60 + n)}
	}
	return appraise.PaperAppraisal{
		Paper:      demoPaperID,
		Instrument: appraise.InstrumentJBICaseSeries,
		Level:      appraise.LevelChoice{Level: 5, Reason: "Three patients only; " + text, Modified: at},
		Checklists: []appraise.Checklist{{Instrument: appraise.InstrumentJBICaseSeries, Answers: []appraise.ItemAnswer{
			ans(1, appraise.AnswerYes, "", false, annID(2)),
			ans(2, appraise.AnswerYes, "EPDS for all three", false, annID(2)),
			ans(3, appraise.AnswerUnclear, "EPDS is a screening tool, not a diagnosis", false, annID(2)),
			ans(4, appraise.AnswerNo, comment, true),
			ans(5, appraise.AnswerUnclear, "", true),
			ans(6, appraise.AnswerYes, "", false, annID(1)),
			ans(7, appraise.AnswerYes, "", false, annID(1), deletedAnnotation),
			ans(8, appraise.AnswerNo, "Only 12 weeks", false, annID(6)),
			ans(9, appraise.AnswerYes, "", false),
			ans(10, appraise.AnswerNotApplicable, "Descriptive only", false),
		}}},
		Certainties: []appraise.ClaimCertainty{
			{Claim: annID(3), Modified: at, Domains: []appraise.DomainRating{
				{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelSerious, Reasons: []string{annID(5)}, Modified: at},
				{Domain: appraise.DomainImprecision, Level: appraise.LevelVerySerious, Reasons: []string{annID(5), annID(6)}, Modified: at},
			}},
			{Claim: annID(4), Modified: at, Domains: []appraise.DomainRating{
				{Domain: appraise.DomainIndirectness, Level: appraise.LevelSerious, Reasons: []string{annID(2)}, Modified: at},
				{Domain: appraise.DomainLargeEffect, Level: appraise.LevelUpOne, Modified: at},
			}},
		},
		Links: []appraise.Link{
			{From: annID(5), To: annID(3), Type: appraise.LinkLimits, Created: at},
			{From: annID(6), To: annID(3), Type: appraise.LinkLimits, Created: at},
			{From: annID(3), To: annID(1), Type: appraise.LinkAbout, Created: at},
		},
		PICO: appraise.PICO{
			Population: appraise.Population{N: "n = 3", Age: "aged 24–36 years", Sex: "female", Diagnosis: "first-episode postpartum depression (EPDS ≥ 13)",
				Setting: "perinatal mental health clinic, one university hospital", TimeWindow: "postpartum up to 24 months; " + text},
			Intervention: "interpersonal psychotherapy with adjunctive bright-light exposure", Outcomes: "EPDS response by week 8",
			FollowUp: "12 weeks after the end of treatment", Modified: at,
		},
		Modified: fixtureTime(95),
	}
}

// appraisedInput is the demo fixture with its full appraisal.
func appraisedInput() Input {
	return withAppraisal(demoInput(), appraisedRecord("The paper does not say how the three were chosen.", "from the records"),
		mustBuiltin(appraise.InstrumentJBICaseSeries))
}

func mustBuiltin(id appraise.InstrumentID) appraise.Instrument {
	in, ok := instrument.BuiltinByID(id)
	if !ok {
		panic("no built-in instrument " + id)
	}
	return in
}

// withAppraisal resolves pa against in's annotations and instrument ins.
func withAppraisal(in Input, pa appraise.PaperAppraisal, ins appraise.Instrument) Input {
	pa.Card = in.Paper.Appraisal
	r := instrument.Report(ins, pa, sortedAnnotations(in.Annotations))
	in.Appraisal = &r
	return in
}
