package ui

import (
	"context"
	"io"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// Library is what the GUI needs from internal/library; cmd/appraise hands
// the real one in, tests a fake. Every method that changes something returns
// only after the change is committed. Methods may block on disk or on
// extraction: the GUI never calls them on the UI goroutine. It must be safe
// for concurrent use: the GUI opens and searches on their own goroutines
// while its writes go one at a time, in order, through a single queue.
type Library interface {
	// Open extracts (or loads from cache) the PDF at path and re-anchors its
	// annotations. Typed extraction errors come back wrapped
	// (errors.Is(err, appraise.ErrNeedsPassword) …).
	Open(ctx context.Context, path string, password string) (appraise.OpenedPaper, error)
	// OpenKnown opens a paper already in the library by id.
	OpenKnown(ctx context.Context, id appraise.PaperID) (appraise.OpenedPaper, error)
	Papers() ([]appraise.PaperSummary, error)
	Search(query string) ([]appraise.SearchHit, error)
	Tags() ([]appraise.Tag, error)

	Annotate(n appraise.NewAnnotation) (appraise.Annotation, error)
	// UpdateAnnotation saves changed tags or note of an existing annotation.
	UpdateAnnotation(a appraise.Annotation) (appraise.Annotation, error)
	DeleteAnnotation(id string) error
	RestoreAnnotation(id string) (appraise.Annotation, error)

	// SavePaper saves edited metadata, the appraisal and the reading position.
	SavePaper(p appraise.Paper) error

	Export(id appraise.PaperID, format appraise.ExportFormat, filter appraise.ExportFilter, w io.Writer) error

	// Annotations lists a paper's live annotations in text order.
	Annotations(paper appraise.PaperID, tags ...string) ([]appraise.Annotation, error)
	// ExportBundle writes papers' readings as a journal-club bundle (no
	// ids: the whole library); ImportBundle merges one in.
	ExportBundle(ids []appraise.PaperID, filter appraise.ExportFilter, w io.Writer) error
	ImportBundle(r io.Reader) (appraise.ImportReport, error)
	// Compare measures trainee's reading of a paper against key's.
	Compare(paper appraise.PaperID, key, trainee string) (export.Feedback, error)
}
