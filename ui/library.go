package ui

import (
	"context"
	"image"
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
	// ExportLibrary writes every paper's annotations as one CSV or xlsx
	// table; ExportLibraryMarkdown writes one Markdown file per paper into
	// a folder and returns their names.
	ExportLibrary(format appraise.ExportFormat, filter appraise.ExportFilter, w io.Writer) error
	ExportLibraryMarkdown(dir string, filter appraise.ExportFilter) ([]string, error)

	// RemovePaper moves a paper and its annotations to the trash (the PDF
	// file is not touched) and returns how many annotations went with it.
	RemovePaper(id appraise.PaperID) (int, error)
	// RestorePaper brings a removed paper back with its annotations.
	RestorePaper(id appraise.PaperID) error
	// TrashContents lists the removed papers and deleted annotations.
	TrashContents() (appraise.TrashContents, error)
	// EmptyTrash destroys everything in the trash.
	EmptyTrash() (int, error)
	// BuildTextIndex indexes the text of papers not indexed yet, calling
	// progress after each paper.
	BuildTextIndex(ctx context.Context, progress func(done, total int)) error

	// Annotations lists a paper's live annotations in text order.
	Annotations(paper appraise.PaperID, tags ...string) ([]appraise.Annotation, error)
	// ExportBundle writes papers' readings as a journal-club bundle (no
	// ids: the whole library); ImportBundle merges one in.
	ExportBundle(ids []appraise.PaperID, filter appraise.ExportFilter, w io.Writer) error
	ImportBundle(r io.Reader) (appraise.ImportReport, error)
	// Compare measures trainee's reading of a paper against key's.
	Compare(paper appraise.PaperID, key, trainee string) (export.Feedback, error)
	// SetUser tells the library the user's name: a bundle's appraisal by
	// it is the user's own, any other name a member's.
	SetUser(name string)

	Appraiser
}

// Appraiser is the structured appraisal a paper gets in the Appraisal tab:
// checklist, evidence level, certainty per claim, typed links and PICO.
// Like Library's, every method that changes something returns after the
// commit.
type Appraiser interface {
	// Appraisal returns all of a paper's structured appraisal.
	Appraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error)
	// MemberAppraisals lists the other club members' appraisals of a
	// paper that bundles brought in (read-only).
	MemberAppraisals(paper appraise.PaperID) ([]appraise.PaperAppraisal, error)
	// Instruments lists the built-in checklists, then the custom ones.
	Instruments() ([]appraise.Instrument, error)
	// ImportInstrument reads a custom checklist (TOML or JSON) and keeps it.
	ImportInstrument(name string, r io.Reader) (appraise.Instrument, error)
	ChooseInstrument(paper appraise.PaperID, id appraise.InstrumentID) (appraise.ChecklistView, error)
	// Checklist is the checklist in use: the design's default until the
	// user chooses another.
	Checklist(paper appraise.PaperID) (appraise.ChecklistView, error)
	// AnswerItem replaces the answer, comment, flag and evidence of an item.
	AnswerItem(paper appraise.PaperID, a appraise.ItemAnswer) (appraise.ChecklistRow, error)
	Level(paper appraise.PaperID) (appraise.LevelView, error)
	// SetLevel overrides the proposed evidence level (0: the proposal).
	SetLevel(paper appraise.PaperID, level appraise.EvidenceLevel, reason string) (appraise.LevelView, error)
	// Certainties has one view per live claim annotation, in text order.
	Certainties(paper appraise.PaperID) ([]appraise.CertaintyView, error)
	SetDomain(claim string, r appraise.DomainRating) (appraise.CertaintyView, error)
	AddLink(k appraise.Link) (appraise.Link, error)
	RemoveLink(k appraise.Link) error
	SavePICO(paper appraise.PaperID, p appraise.PICO) (appraise.PICO, error)
	// ProposePICO reads population fields from an annotation's quote.
	ProposePICO(annotation string) ([]appraise.PICOProposal, error)
}

// Pages is what the page view and the annotated-PDF export need from the
// library. cmd/appraise's library has it when it was given a renderer;
// a Library without it still reads, and the page view says why it cannot
// show pages.
type Pages interface {
	// RenderPage draws page (1-based) of a paper's PDF at scale device
	// pixels per point. A PDF that moved or changed is an error.
	RenderPage(ctx context.Context, id appraise.PaperID, page int, scale float64) (*image.RGBA, error)
	// ExportAnnotatedPDF writes a copy of the paper's PDF to dst with one
	// highlight annotation per annotation the filter keeps and page it
	// spans, and returns how many it wrote.
	ExportAnnotatedPDF(ctx context.Context, id appraise.PaperID, filter appraise.ExportFilter, dst string) (int, error)
}
