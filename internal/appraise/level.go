package appraise

import "time"

// EvidenceLevel is an Oxford CEBM 2011 level of evidence, 1 (strongest)
// to 5; 0 means none.
type EvidenceLevel int

// LevelChoice is the user's override of the evidence level proposed from
// the design. Level 0 means "use the proposal"; an override needs a
// reason.
type LevelChoice struct {
	Level    EvidenceLevel `json:"level,omitempty"`
	Reason   string        `json:"reason,omitempty"`
	Modified time.Time     `json:"modified,omitzero"`
}

// LevelView is the evidence level as shown: what the design proposes,
// what the user chose and the level in force.
type LevelView struct {
	Proposed EvidenceLevel `json:"proposed"`
	Override LevelChoice   `json:"override,omitzero"`
	Level    EvidenceLevel `json:"level"`
}
