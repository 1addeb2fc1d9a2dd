package appraise

import (
	"context"
	"time"
)

// ExtractOptions tune one extraction. Zero values mean the defaults.
type ExtractOptions struct {
	Password string
	// Timeout is the wall-clock limit; zero means 10 s + 0.2 s per page.
	Timeout time.Duration
	// MemoryLimit caps the extracting process in bytes; zero means 512 MiB.
	MemoryLimit int64
}

// Extractor turns a PDF file into a Document. Implementations must return
// one of the extraction errors (wrapped) when the file cannot be read, and
// must never panic or hang the caller, whatever the file holds.
type Extractor interface {
	Extract(ctx context.Context, path string, opt ExtractOptions) (Document, error)
	// Version names the extractor's output format; a change in it means
	// offsets may differ and annotations must be re-anchored.
	Version() string
}

// SearchHit is one match of a library-wide search.
type SearchHit struct {
	Paper      PaperID `json:"paper"`
	PaperTitle string  `json:"paper_title"`
	// Annotation is empty when the paper's title matched.
	Annotation string `json:"annotation,omitempty"`
	Field      string `json:"field"`   // "title", "quote", "note" or "text"
	Snippet    string `json:"snippet"` // the matching text, shortened
	// For text hits: the page the match is on, where it is (code points
	// into Document.Text, end exclusive) and how many matches of the
	// query's first word the paper's text holds.
	Page    int `json:"page,omitempty"`
	Start   int `json:"start,omitempty"`
	End     int `json:"end,omitempty"`
	Matches int `json:"matches,omitempty"`
}

// PaperSummary is a paper with its annotation counts, for lists.
type PaperSummary struct {
	Paper Paper `json:"paper"`
	// Annotations counts the paper's live annotations, each once.
	Annotations int `json:"annotations"`
	// Counts counts them per tag: an annotation with two tags counts
	// under both, so these may add up to more than Annotations.
	Counts map[string]int `json:"counts"`
}

// Store keeps papers, cached extractions, tags and annotations. A method
// returns only after its change is committed to disk.
type Store interface {
	PutPaper(p Paper) error
	Paper(id PaperID) (Paper, error)
	Papers() ([]PaperSummary, error)

	// PutDocument caches an extraction under (paper, d.ExtractorVersion).
	PutDocument(id PaperID, d Document) error
	// Document returns a cached extraction or ErrNotFound.
	Document(id PaperID, extractorVersion string) (Document, error)

	// PutAnnotation creates or replaces an annotation, keeping the previous
	// version in its history.
	PutAnnotation(a Annotation) error
	Annotation(id string) (Annotation, error)
	// Annotations lists a paper's live annotations in text order.
	Annotations(paper PaperID) ([]Annotation, error)
	// DeleteAnnotation moves an annotation to the trash.
	DeleteAnnotation(id string, at time.Time) error
	// RestoreAnnotation brings an annotation back from the trash.
	RestoreAnnotation(id string) error
	Trash() ([]Annotation, error)
	// EmptyTrash destroys trashed annotations and returns how many.
	EmptyTrash() (int, error)

	Tags() ([]Tag, error)
	PutTag(t Tag) error
	RenameTag(oldName, newName string) error
	MergeTag(from, into string) error

	Search(query string, limit int) ([]SearchHit, error)

	AppraisalStore

	Close() error
}

// AppraisalStore keeps each paper's structured appraisal (everything in
// PaperAppraisal but the card, which lives in the Paper record) and the
// custom instruments a user imported.
type AppraisalStore interface {
	// Appraisal returns a paper's appraisal record; a paper with none yet
	// gets an empty one (Paper set). The Card field is left empty.
	Appraisal(paper PaperID) (PaperAppraisal, error)
	// UpdateAppraisal reads a paper's appraisal, lets change edit it and
	// saves the result, all in one committed transaction. The paper must
	// exist (ErrNotFound); an error from change aborts with nothing saved.
	// change runs inside the transaction and must not call the store.
	UpdateAppraisal(paper PaperID, change func(*PaperAppraisal) error) (PaperAppraisal, error)
	// PutInstrument saves a custom instrument, replacing one with its id.
	PutInstrument(in Instrument) error
	// CustomInstruments lists the saved custom instruments by id.
	CustomInstruments() ([]Instrument, error)
}
