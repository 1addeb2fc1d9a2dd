package appraise

import "time"

// SearchQuery is a library-wide search: every word of Text must occur (as
// the start of a word in a paper's text; anywhere in a title, quote or
// note). Paper, when set, narrows the search to one paper; Limit bounds
// each kind of hit (titles, annotations, text), zero meaning a default.
type SearchQuery struct {
	Text  string
	Paper PaperID
	Limit int
}

// TextIndex is a store that keeps a full-text index of every paper's
// extracted text. Storing an extraction (Store.PutDocument) indexes it.
type TextIndex interface {
	// Find searches titles, annotations and full text, in that order.
	Find(q SearchQuery) ([]SearchHit, error)
	// TextIndexMissing lists the papers whose current extraction is not
	// indexed yet (libraries made before the index existed).
	TextIndexMissing() ([]PaperID, error)
	// IndexText indexes a paper's current cached extraction.
	IndexText(id PaperID) error
}

// RemovedPaper is a paper in the trash.
type RemovedPaper struct {
	Paper   Paper     `json:"paper"`
	Removed time.Time `json:"removed"`
	// Annotations is how many of its annotations went to the trash with it.
	Annotations int `json:"annotations"`
}

// PaperTrash is a store that can move whole papers to the trash.
type PaperTrash interface {
	// RemovePaper moves a paper and its live annotations to the trash and
	// returns how many annotations went with it. The PDF is not touched.
	RemovePaper(id PaperID, at time.Time) (int, error)
	// RestorePaper brings a removed paper back with the annotations that
	// went to the trash with it.
	RestorePaper(id PaperID) error
	// RemovedPapers lists the papers in the trash, the most recent first.
	RemovedPapers() ([]RemovedPaper, error)
}

// TrashedAnnotation is an annotation in the trash with its paper's title.
type TrashedAnnotation struct {
	Annotation
	PaperTitle string `json:"paper_title"`
}

// TrashContents is what the trash holds: removed papers (with the
// annotations that went with them counted) and annotations deleted on
// their own.
type TrashContents struct {
	Papers      []RemovedPaper      `json:"papers"`
	Annotations []TrashedAnnotation `json:"annotations"`
}

// Len is how many items the trash lists: papers and annotations.
func (t TrashContents) Len() int { return len(t.Papers) + len(t.Annotations) }
