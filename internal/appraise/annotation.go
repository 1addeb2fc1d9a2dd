package appraise

import "time"

// Anchor ties an annotation to text: W3C TextPositionSelector (Start/End)
// plus TextQuoteSelector (Exact with ~32 code points of Prefix/Suffix), and
// the passage and page it began on, for the extractor version that produced
// the offsets.
type Anchor struct {
	Page             int    `json:"page"`
	PassageID        string `json:"passage_id"`
	Start            int    `json:"start"` // code points into Document.Text
	End              int    `json:"end"`   // exclusive
	Exact            string `json:"exact"`
	Prefix           string `json:"prefix,omitempty"`
	Suffix           string `json:"suffix,omitempty"`
	ExtractorVersion string `json:"extractor_version"`
}

// AnchorStatus says how well an annotation is attached to the current text.
type AnchorStatus string

// Anchor statuses. Attached annotations are shown in the reader; the others
// are listed apart for the user to review.
const (
	Attached    AnchorStatus = ""             // at its text: unchanged, or found again with confidence
	NeedsReview AnchorStatus = "needs-review" // a plausible place (a fuzzy or ambiguous match) to confirm
	Orphaned    AnchorStatus = "orphaned"     // no confident place in the text
)

// Annotation is a clinician's tag and note on a span of a paper.
type Annotation struct {
	ID       string       `json:"id"` // UUID, unique across machines
	Paper    PaperID      `json:"paper"`
	Tags     []string     `json:"tags"`
	Note     string       `json:"note,omitempty"`
	Author   string       `json:"author,omitempty"`
	Created  time.Time    `json:"created"`
	Modified time.Time    `json:"modified"`
	Anchor   Anchor       `json:"anchor"`
	Status   AnchorStatus `json:"status,omitempty"`
	// Deleted is when the annotation was moved to the trash; zero when live.
	Deleted time.Time `json:"deleted,omitzero"`
}

// HasTag reports whether the annotation carries tag name.
func (a Annotation) HasTag(name string) bool {
	for _, t := range a.Tags {
		if t == name {
			return true
		}
	}
	return false
}
