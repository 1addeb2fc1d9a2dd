package appraise

// OpenedPaper is everything a reader needs to show one paper.
type OpenedPaper struct {
	Paper       Paper
	Doc         Document
	Annotations []Annotation // live ones, Status set by re-anchoring
	// FromCache is true when the extraction came from the library, not the PDF.
	FromCache bool
	// ExtractMillis is how long extraction took (0 when cached).
	ExtractMillis int64
}

// NewAnnotation asks for a span of a paper's text to be tagged.
type NewAnnotation struct {
	Paper  PaperID
	Start  int // code points into Document.Text
	End    int // exclusive
	Tags   []string
	Note   string
	Author string
}

// ExportFormat names an export writer.
type ExportFormat string

// The export formats.
const (
	FormatHTML     ExportFormat = "html"
	FormatMarkdown ExportFormat = "md"
	FormatCSV      ExportFormat = "csv"
	FormatJSONLD   ExportFormat = "jsonld"
)

// ExportFilter narrows an export (empty fields mean everything) and
// carries the one format option.
type ExportFilter struct {
	Tags   []string
	Author string
	// BOM starts a CSV export with a UTF-8 byte order mark, which
	// spreadsheet programs need to read it as UTF-8; other formats ignore it.
	BOM bool
	// ByAuthor groups an HTML handout by passage with each author's tags
	// and notes; other formats ignore it.
	ByAuthor bool
}
