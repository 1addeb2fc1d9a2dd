package appraise

import "time"

// PaperAppraisal is everything structured a user records about one paper
// beyond its annotations: the card, the evidence level, the checklist(s),
// the certainty of each claim, the typed links between annotations and the
// PICO. Exports and bundles carry it whole.
//
// The store keeps the card in the Paper record (Paper.Appraisal) and the
// rest in one appraisal record per paper; the library joins them. Other
// journal-club members' appraisals, brought in by bundles, are kept apart,
// one per (paper, Author), read-only.
type PaperAppraisal struct {
	Paper PaperID `json:"paper"`
	// Author is who made the appraisal. The user's own record leaves it
	// empty (it is the user's, whatever name they go by); a bundle names
	// the author, and a member's record keeps it.
	Author string      `json:"author,omitempty"`
	Card   Appraisal   `json:"card,omitzero"`
	Level  LevelChoice `json:"level,omitzero"`
	// Instrument is the checklist in use; empty means the design's default.
	Instrument  InstrumentID     `json:"instrument,omitempty"`
	Checklists  []Checklist      `json:"checklists,omitempty"`
	Certainties []ClaimCertainty `json:"certainties,omitempty"`
	Links       []Link           `json:"links,omitempty"`
	PICO        PICO             `json:"pico,omitzero"`
	Modified    time.Time        `json:"modified,omitzero"`
}

// Checklist returns the answers given with instrument id (empty when
// none).
func (p PaperAppraisal) Checklist(id InstrumentID) Checklist {
	for _, c := range p.Checklists {
		if c.Instrument == id {
			return c
		}
	}
	return Checklist{Instrument: id}
}

// Certainty returns the judgements on claim (none when unrated).
func (p PaperAppraisal) Certainty(claim string) ClaimCertainty {
	for _, c := range p.Certainties {
		if c.Claim == claim {
			return c
		}
	}
	return ClaimCertainty{Claim: claim}
}

// LinksOf lists the links that touch annotation id, from either end.
func (p PaperAppraisal) LinksOf(id string) []Link {
	var out []Link
	for _, l := range p.Links {
		if l.From == id || l.To == id {
			out = append(out, l)
		}
	}
	return out
}

// Referenced lists every annotation id the appraisal points at (evidence,
// reasons, claims and link ends), each once, in first-seen order.
func (p PaperAppraisal) Referenced() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	for _, c := range p.Checklists {
		for _, a := range c.Answers {
			add(a.Evidence...)
		}
	}
	for _, c := range p.Certainties {
		add(c.Claim)
		for _, d := range c.Domains {
			add(d.Reasons...)
		}
	}
	for _, l := range p.Links {
		add(l.From, l.To)
	}
	return out
}

// AppraisalReport is a paper's appraisal resolved for showing and
// exporting: the raw record (for bundles), the evidence level, the
// checklist in use with its evidence, and the certainty of each live
// claim in text order.
type AppraisalReport struct {
	Appraisal   PaperAppraisal  `json:"appraisal"`
	Level       LevelView       `json:"level"`
	Checklist   ChecklistView   `json:"checklist"`
	Certainties []CertaintyView `json:"certainties,omitempty"`
}
