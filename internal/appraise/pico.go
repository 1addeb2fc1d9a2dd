package appraise

import "time"

// Population is who was studied, in structured fields as the paper
// reports them (free text: "n = 3", "aged 24–36", "postpartum up to 24
// months").
type Population struct {
	N          string `json:"n,omitempty"`
	Age        string `json:"age,omitempty"`
	Sex        string `json:"sex,omitempty"`
	Diagnosis  string `json:"diagnosis,omitempty"`
	Setting    string `json:"setting,omitempty"`
	TimeWindow string `json:"time_window,omitempty"`
}

// PICO is the structured question a paper answers.
type PICO struct {
	Population   Population `json:"population,omitzero"`
	Intervention string     `json:"intervention,omitempty"` // or exposure
	Comparator   string     `json:"comparator,omitempty"`
	Outcomes     string     `json:"outcomes,omitempty"`
	FollowUp     string     `json:"follow_up,omitempty"`
	Modified     time.Time  `json:"modified,omitzero"`
}

// PICOField names a PICO field a proposal fills.
type PICOField string

// The population fields a passage's text can propose.
const (
	FieldN          PICOField = "n"
	FieldAge        PICOField = "age"
	FieldSex        PICOField = "sex"
	FieldTimeWindow PICOField = "time_window"
	FieldFollowUp   PICOField = "follow_up"
)

// PICOProposal is a value proposed for a PICO field from a passage's
// text, for the user to accept or edit. Start and End are code-point
// offsets of the words it was read from, within the text given.
type PICOProposal struct {
	Field PICOField `json:"field"`
	Value string    `json:"value"`
	Start int       `json:"start"`
	End   int       `json:"end"`
}
