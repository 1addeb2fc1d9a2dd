package appraise

import "errors"

// ErrAnnotationElsewhere: an incoming annotation has the id of an
// annotation this library holds on another paper.
var ErrAnnotationElsewhere = errors.New("an annotation with this id belongs to another paper in this library")

// ImportBatch is a journal-club bundle ready to be saved in one
// transaction: all of it or nothing.
type ImportBatch struct {
	// Papers the library lacks (a paper already there is left as it is).
	Papers []Paper
	// Tags the library lacks (a tag already there is left as it is).
	Tags []Tag
	// Instruments are custom checklists the incoming appraisals use that
	// the library lacks (one already there is left as it is).
	Instruments []Instrument
	// Annotations are the incoming versions, live or trashed.
	Annotations []Annotation
	// Decide chooses, inside the transaction, between the stored version
	// of an annotation (nil when there is none) and the incoming one: the
	// version to keep, and whether it must be written.
	Decide func(have *Annotation, in Annotation) (keep Annotation, write bool)
	// Appraisals are the incoming structured appraisals, after the
	// annotations.
	Appraisals []AppraisalImport
	// DecideAppraisal chooses, inside the transaction, between the stored
	// appraisal (nil when there is none) and the incoming one, as Decide
	// does for annotations. For the user's own appraisal, have and keep
	// carry the card too.
	DecideAppraisal func(have *PaperAppraisal, in PaperAppraisal) (keep PaperAppraisal, write bool)
}

// AppraisalImport is one incoming appraisal: a member's (stored apart
// under its Author) or, when Own, one the user made elsewhere under the
// same name, which merges into the user's own record.
type AppraisalImport struct {
	Appraisal PaperAppraisal
	Own       bool
}

// PaperImport is what importing a bundle did for one of its papers.
type PaperImport struct {
	Paper Paper // the library's paper the annotations went to
	// Match says how the bundle's paper was found in the library: "same
	// file", "same DOI", "same title and year", or "" when it was added,
	// waiting for its PDF.
	Match string
	// Waiting is set when the library has no extraction of the paper: its
	// annotations wait until the PDF is opened.
	Waiting                                     bool
	New, Updated, Unchanged, Older, NeedsReview int
	// Appraisals counts the structured appraisals: New (a member's first
	// appraisal of the paper here), Updated (something in it was newer),
	// Unchanged (nothing newer).
	Appraisals AppraisalCounts
}

// AppraisalCounts is what an import did with appraisals.
type AppraisalCounts struct {
	New, Updated, Unchanged int
}

// ImportReport is what importing a bundle did.
type ImportReport struct {
	Papers []PaperImport
	// TagsCreated are tags the bundle used that the library lacked.
	TagsCreated []string
	// Skipped says, one line each, what of the bundle was left out
	// without refusing it (an appraisal that names no author).
	Skipped []string
}

// Totals sums the papers' counts.
func (r ImportReport) Totals() (n PaperImport) {
	for _, p := range r.Papers {
		n.New += p.New
		n.Updated += p.Updated
		n.Unchanged += p.Unchanged
		n.Older += p.Older
		n.NeedsReview += p.NeedsReview
		n.Appraisals.New += p.Appraisals.New
		n.Appraisals.Updated += p.Appraisals.Updated
		n.Appraisals.Unchanged += p.Appraisals.Unchanged
	}
	return n
}
