package appraise

// InstrumentID names an appraisal checklist, e.g. "jbi-case-series".
type InstrumentID string

// The built-in instruments' ids (their definitions live in
// internal/instrument).
const (
	InstrumentJBICaseSeries        InstrumentID = "jbi-case-series"
	InstrumentJBICaseReport        InstrumentID = "jbi-case-report"
	InstrumentCASPRCT              InstrumentID = "casp-rct"
	InstrumentCASPCohort           InstrumentID = "casp-cohort"
	InstrumentCASPCaseControl      InstrumentID = "casp-case-control"
	InstrumentCASPSystematicReview InstrumentID = "casp-systematic-review"
	InstrumentCASPQualitative      InstrumentID = "casp-qualitative"
	InstrumentCASPDiagnostic       InstrumentID = "casp-diagnostic"
)

// Answer is what an appraiser says about one checklist item. The empty
// answer means "not answered yet".
type Answer string

// The answers the built-in instruments use. JBI checklists offer yes, no,
// unclear and not applicable; CASP checklists yes, no and can't tell.
// Custom checklists may define answers of their own.
const (
	AnswerNone          Answer = ""
	AnswerYes           Answer = "yes"
	AnswerNo            Answer = "no"
	AnswerUnclear       Answer = "unclear"
	AnswerNotApplicable Answer = "not applicable"
	AnswerCantTell      Answer = "can't tell"
)

// Rating is how an answer reads in a traffic light: does it speak for the
// study, against it, or neither?
type Rating string

// The ratings, in traffic-light terms.
const (
	RatingNone          Rating = ""               // not answered: grey
	RatingGood          Rating = "good"           // green
	RatingBad           Rating = "bad"            // red
	RatingUnclear       Rating = "unclear"        // amber
	RatingNotApplicable Rating = "not-applicable" // grey, struck through
)

// AnswerOption is one answer an instrument offers, with its rating.
type AnswerOption struct {
	Answer Answer `json:"answer"`
	Rating Rating `json:"rating"`
}

// InstrumentItem is one question of a checklist. Number counts from 1 in
// the instrument's order.
type InstrumentItem struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	Hint   string `json:"hint,omitempty"`
}

// Instrument is an appraisal checklist: the questions to ask of one study
// design and the answers allowed. Built-in instruments paraphrase their
// published source (Source cites it); custom ones come from a lead's file.
type Instrument struct {
	ID      InstrumentID     `json:"id"`
	Name    string           `json:"name"`
	Version string           `json:"version"`
	Source  string           `json:"source"` // citation of the published checklist
	Family  string           `json:"family"` // "jbi", "casp" or "custom"
	Answers []AnswerOption   `json:"answers"`
	Items   []InstrumentItem `json:"items"`
	Custom  bool             `json:"custom,omitempty"`
}

// Item returns item number n.
func (in Instrument) Item(n int) (InstrumentItem, bool) {
	for _, it := range in.Items {
		if it.Number == n {
			return it, true
		}
	}
	return InstrumentItem{}, false
}

// Allows reports whether a is one of the instrument's answers (the empty
// answer, "not answered", is always allowed).
func (in Instrument) Allows(a Answer) bool {
	if a == AnswerNone {
		return true
	}
	for _, o := range in.Answers {
		if o.Answer == a {
			return true
		}
	}
	return false
}

// RatingOf returns the traffic-light rating of answer a.
func (in Instrument) RatingOf(a Answer) Rating {
	for _, o := range in.Answers {
		if o.Answer == a {
			return o.Rating
		}
	}
	return RatingNone
}

// AnswerChoices lists the answers' words, for messages and pickers.
func (in Instrument) AnswerChoices() []Answer {
	out := make([]Answer, len(in.Answers))
	for i, o := range in.Answers {
		out[i] = o.Answer
	}
	return out
}
