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
	Field      string `json:"field"`   // "title", "quote" or "note"
	Snippet    string `json:"snippet"` // the matching text, shortened
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
	Close() error
}
