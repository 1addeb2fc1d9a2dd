package main

import (
	"fmt"
	"io"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/termsafe"
)

// checklistAgreementJSON is the checklist comparison in compare --format json;
// agreement and kappa are null when no item was answered by both (kappa
// also when it is undefined: kappa_note says why).
type checklistAgreementJSON struct {
	Instrument string                       `json:"instrument"`
	Answered   int                          `json:"answered"`
	Agreement  *float64                     `json:"agreement"`
	Kappa      *float64                     `json:"kappa"`
	KappaNote  string                       `json:"kappa_note,omitempty"`
	Items      []checklistItemAgreementJSON `json:"items"`
}

type checklistItemAgreementJSON struct {
	Item    int    `json:"item"`
	Key     string `json:"key"`
	Trainee string `json:"trainee"`
	Same    bool   `json:"same"`
}

// certaintyAgreementJSON is the certainty comparison of the claims matched by
// overlap.
type certaintyAgreementJSON struct {
	Rated     int                  `json:"rated"`
	Agreement *float64             `json:"agreement"`
	Kappa     *float64             `json:"kappa"`
	KappaNote string               `json:"kappa_note,omitempty"`
	Claims    []claimAgreementJSON `json:"claims"`
}

type claimAgreementJSON struct {
	KeyClaim     string `json:"key_claim"`
	TraineeClaim string `json:"trainee_claim,omitempty"`
	Key          string `json:"key"`
	Trainee      string `json:"trainee"`
	Same         bool   `json:"same"`
}

const noChecklist = "neither reader answered a checklist"

func checklistAgreementOf(f export.Feedback) checklistAgreementJSON {
	out := checklistAgreementJSON{Items: []checklistItemAgreementJSON{}, KappaNote: noChecklist}
	c := f.Checklist
	if c == nil {
		return out
	}
	out.Instrument, out.Answered, out.Kappa, out.KappaNote = string(f.Instrument.ID), c.Answered, c.Kappa.Value, c.Kappa.Undefined
	if c.Answered > 0 {
		out.Agreement = &c.Agreement
	}
	for _, it := range c.Items {
		out.Items = append(out.Items, checklistItemAgreementJSON{Item: it.Item, Key: it.Key, Trainee: it.Trainee, Same: it.Same})
	}
	return out
}

func certaintyAgreementOf(f export.Feedback) certaintyAgreementJSON {
	out := certaintyAgreementJSON{Claims: []claimAgreementJSON{}, KappaNote: "neither reader rated a claim's certainty"}
	c := f.Certainty
	if c == nil {
		return out
	}
	out.Rated, out.Kappa, out.KappaNote = c.Rated, c.Kappa.Value, c.Kappa.Undefined
	if c.Rated > 0 {
		out.Agreement = &c.Agreement
	}
	for _, cl := range c.Claims {
		j := claimAgreementJSON{KeyClaim: cl.Key.Annotation, Key: cl.Key.Certainty, Same: cl.Same}
		if cl.Trainee != nil {
			j.TraineeClaim, j.Trainee = cl.Trainee.Annotation, cl.Trainee.Certainty
		}
		out.Claims = append(out.Claims, j)
	}
	return out
}

// writeAppraisalText writes the checklist and certainty parts of compare's
// text output.
func writeAppraisalText(w io.Writer, f export.Feedback) {
	c := f.Checklist
	if c == nil {
		fmt.Fprintf(w, "\nChecklist: %s.\n", noChecklist)
	} else {
		fmt.Fprintf(w, "\nChecklist (%s): %d items answered by both: agreement %s, kappa %s\n",
			termsafe.Escape(oneLine(f.Instrument.Name, 60)), c.Answered, percentOf(c.Answered, c.Agreement), c.Kappa)
		if c.Kappa.Value == nil {
			fmt.Fprintf(w, "Kappa for the checklist is undefined: %s.\n", c.Kappa.Undefined)
		}
		for _, it := range c.Items {
			verdict := "answered by one reader"
			switch {
			case it.Same:
				verdict = "same"
			case it.BothAnswered:
				verdict = "different"
			}
			fmt.Fprintf(w, "  item %-3d key: %-15s trainee: %-15s %s\n", it.Item, termsafe.Escape(orDash(it.Key)), termsafe.Escape(orDash(it.Trainee)), verdict)
		}
	}
	if ce := f.Certainty; ce != nil {
		fmt.Fprintf(w, "Certainty of claims: %d rated by both: agreement %s, kappa %s\n", ce.Rated, percentOf(ce.Rated, ce.Agreement), ce.Kappa)
		if ce.Kappa.Value == nil {
			fmt.Fprintf(w, "Kappa for certainty is undefined: %s.\n", ce.Kappa.Undefined)
		}
	}
}

// writeAnswerReview writes a "different checklist answer" review item.
func writeAnswerReview(w io.Writer, it agreement.ReviewItem) {
	fmt.Fprintf(w, "  %s, item %d: key: %s; trainee: %s\n      %s\n", it.Kind, it.Item,
		termsafe.Escape(it.KeyAnswer), termsafe.Escape(it.TraineeAnswer), termsafe.Escape(oneLine(it.ItemText, 160)))
	for _, n := range it.KeyNotes {
		fmt.Fprintf(w, "      key's comment: %s\n", termsafe.Escape(oneLine(n, 200)))
	}
}

func percentOf(n int, share float64) string {
	if n == 0 {
		return "–"
	}
	return agreement.Percent(&share)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
