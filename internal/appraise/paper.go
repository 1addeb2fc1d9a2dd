package appraise

import "time"

// PaperID identifies a paper: the lower-case hex SHA-256 of the PDF bytes.
type PaperID string

// StudyDesign is the design the user recorded for a paper.
type StudyDesign string

// The study designs offered in the paper card.
const (
	DesignUnset           StudyDesign = ""
	DesignRandomisedTrial StudyDesign = "randomised trial"
	DesignCohort          StudyDesign = "cohort"
	DesignCaseControl     StudyDesign = "case-control"
	DesignCrossSectional  StudyDesign = "cross-sectional"
	DesignCaseSeries      StudyDesign = "case series"
	DesignCaseReport      StudyDesign = "case report"
	DesignQualitative     StudyDesign = "qualitative"
	DesignSystematic      StudyDesign = "systematic review"
	DesignMetaAnalysis    StudyDesign = "meta-analysis"
	DesignDiagnostic      StudyDesign = "diagnostic accuracy"
	DesignOther           StudyDesign = "other"
)

// StudyDesigns lists the designs in the order the GUI offers them.
func StudyDesigns() []StudyDesign {
	return []StudyDesign{DesignRandomisedTrial, DesignCohort, DesignCaseControl,
		DesignCrossSectional, DesignCaseSeries, DesignCaseReport, DesignQualitative,
		DesignSystematic, DesignMetaAnalysis, DesignDiagnostic, DesignOther}
}

// Timing says whether data were collected forwards or looked up afterwards.
type Timing string

// The timings a user can record.
const (
	TimingUnset         Timing = ""
	TimingRetrospective Timing = "retrospective"
	TimingProspective   Timing = "prospective"
)

// Appraisal is what the user records about the paper as a whole.
type Appraisal struct {
	Design     StudyDesign `json:"design,omitempty"`
	Timing     Timing      `json:"timing,omitempty"`
	SampleSize string      `json:"sample_size,omitempty"` // as reported, e.g. "n = 3"
	Setting    string      `json:"setting,omitempty"`
	BottomLine string      `json:"bottom_line,omitempty"`
	// Modified is when a card field last changed; zero in libraries
	// written before it was recorded.
	Modified time.Time `json:"modified,omitzero"`
}

// Paper is a PDF the user has opened, with what they recorded about it.
type Paper struct {
	ID               PaperID   `json:"id"`
	Meta             Metadata  `json:"meta"` // as extracted, then as the user edited it
	Path             string    `json:"path,omitempty"`
	Added            time.Time `json:"added"`
	LastOpened       time.Time `json:"last_opened"`
	Pages            int       `json:"pages"`
	ExtractorVersion string    `json:"extractor_version"`
	Appraisal        Appraisal `json:"appraisal"`
	// ReadingPos is the index of the block at the top of the reader when the
	// paper was last closed.
	ReadingPos int `json:"reading_pos,omitempty"`
	// View is how the GUI last showed the paper: "" (its text), "page"
	// (the PDF's pages) or "side" (both side by side). Like ReadingPos it
	// belongs to the paper, so it follows the library file.
	View string `json:"view,omitempty"`
}
