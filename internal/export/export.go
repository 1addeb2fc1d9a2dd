package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// ErrUnknownFormat: the format asked for is not one of appraise's export formats.
var ErrUnknownFormat = errors.New("unknown export format")

// Input is one export: a paper, the annotations to write (already filtered
// by the caller, live ones only), and the tags that give sections their
// order, colours and descriptions.
type Input struct {
	Paper appraise.Paper
	// Tags are the library's tag definitions. The built-in tags come first
	// in appraise.BuiltInTags order whatever their place here; custom tags
	// follow in the order given. A tag an annotation uses that is missing
	// here still gets a section, after the others, in a neutral colour.
	Tags []appraise.Tag
	// Annotations to write. Those with Status NeedsReview or Orphaned are
	// written and marked as such.
	Annotations []appraise.Annotation
	// Generated is when the export was made; shown in the handout and
	// recorded in the JSON-LD.
	Generated  time.Time
	AppVersion string
	// Appraisal is the paper's structured appraisal resolved against the
	// paper's live annotations (all of them, not only those exported);
	// nil writes the annotations alone, as before appraisals existed.
	Appraisal *appraise.AppraisalReport
	// MemberAppraisals are other journal-club members' appraisals of the
	// paper, which the JSON-LD bundle passes on after the user's own (a
	// lead sends the club's readings on); other formats ignore them.
	MemberAppraisals []appraise.PaperAppraisal
	// Checklist makes the CSV writer write the checklist (one row per
	// item) instead of the annotations; other formats ignore it.
	Checklist bool
	// BOM starts CSV output with a UTF-8 byte order mark, which spreadsheet
	// programs need to read the file as UTF-8. Other formats ignore it.
	BOM bool
	// ByAuthor writes the HTML handout grouped by passage, with each
	// author's tags and notes on it (for a journal-club lead). Other
	// formats ignore it.
	ByAuthor bool
}

// BOM is the UTF-8 byte order mark written before CSV when Input.BOM is set.
const BOM = "\uFEFF"

// Formats lists the export formats in the order menus offer them.
func Formats() []appraise.ExportFormat {
	return []appraise.ExportFormat{appraise.FormatHTML, appraise.FormatMarkdown,
		appraise.FormatCSV, appraise.FormatJSONLD}
}

// Extension returns the usual file name extension for a format, with its
// dot, or "" for an unknown format.
func Extension(f appraise.ExportFormat) string {
	switch f {
	case appraise.FormatHTML:
		return ".html"
	case appraise.FormatMarkdown:
		return ".md"
	case appraise.FormatCSV:
		return ".csv"
	case appraise.FormatJSONLD:
		return ".jsonld"
	case appraise.FormatXLSX:
		return ".xlsx" // written by internal/export/xlsx from AnnotationTable
	}
	return ""
}

// Write writes in as format to w. The document is built in memory first,
// so a failure writes nothing; an error from w is returned wrapped.
func Write(w io.Writer, format appraise.ExportFormat, in Input) error {
	for _, a := range in.Annotations {
		if a.Paper != "" && a.Paper != in.Paper.ID {
			return fmt.Errorf("export: annotation %s belongs to paper %s, not %s", a.ID, a.Paper, in.Paper.ID)
		}
	}
	var buf bytes.Buffer
	var err error
	switch format {
	case appraise.FormatHTML:
		if in.ByAuthor {
			err = writeByAuthorHTML(&buf, in)
		} else {
			err = writeHTML(&buf, in)
		}
	case appraise.FormatMarkdown:
		err = writeMarkdown(&buf, in)
	case appraise.FormatCSV:
		if in.Checklist {
			err = writeChecklistCSV(&buf, in)
		} else {
			err = writeCSV(&buf, in)
		}
	case appraise.FormatJSONLD:
		err = writeJSONLD(&buf, in)
	default:
		return fmt.Errorf("export: %w %q (use html, md, csv or jsonld)", ErrUnknownFormat, format)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("export %s: write: %w", format, err)
	}
	return nil
}
