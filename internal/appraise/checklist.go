package appraise

import "time"

// ItemAnswer is the appraiser's answer to one checklist item: the answer,
// a comment, whether the paper does not report what the item asks (a
// finding of absence), and the evidence, ids of annotations on the paper's
// passages that justify the answer.
type ItemAnswer struct {
	Item        int       `json:"item"`
	Answer      Answer    `json:"answer,omitempty"`
	Comment     string    `json:"comment,omitempty"`
	NotReported bool      `json:"not_reported,omitempty"`
	Evidence    []string  `json:"evidence,omitempty"` // annotation ids
	Modified    time.Time `json:"modified,omitzero"`
}

// Empty reports whether nothing has been recorded for the item.
func (a ItemAnswer) Empty() bool {
	return a.Answer == AnswerNone && a.Comment == "" && !a.NotReported && len(a.Evidence) == 0
}

// Checklist is the answers given with one instrument, in item order. A
// paper keeps the answers of every instrument the user tried, so switching
// instruments loses nothing.
type Checklist struct {
	Instrument InstrumentID `json:"instrument"`
	Answers    []ItemAnswer `json:"answers,omitempty"`
}

// Answer returns the answer to item n (the zero ItemAnswer, with Item set,
// when there is none).
func (c Checklist) Answer(n int) ItemAnswer {
	for _, a := range c.Answers {
		if a.Item == n {
			return a
		}
	}
	return ItemAnswer{Item: n}
}

// Evidence is one linked annotation as a checklist or certainty shows it.
// Missing is true when the annotation was deleted (or is otherwise gone):
// the link stays, so the user sees what was lost and can restore it.
type Evidence struct {
	ID         string     `json:"id"`
	Annotation Annotation `json:"annotation,omitzero"`
	Missing    bool       `json:"missing,omitempty"`
}

// ChecklistRow is one item with its answer and resolved evidence.
type ChecklistRow struct {
	Item     InstrumentItem `json:"item"`
	Answer   ItemAnswer     `json:"answer"`
	Rating   Rating         `json:"rating"`
	Evidence []Evidence     `json:"evidence,omitempty"`
}

// ChecklistView is a paper's checklist ready to show: the instrument and
// one row per item, in order.
type ChecklistView struct {
	Instrument Instrument     `json:"instrument"`
	Rows       []ChecklistRow `json:"rows"`
}

// NotReported lists the rows flagged "not reported in the paper".
func (v ChecklistView) NotReported() []ChecklistRow {
	var out []ChecklistRow
	for _, r := range v.Rows {
		if r.Answer.NotReported {
			out = append(out, r)
		}
	}
	return out
}
