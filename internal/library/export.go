package library

import (
	"fmt"
	"io"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/export/xlsx"
)

// Export writes a paper's live annotations, narrowed by filter, in format
// to w. Nothing is written when it fails.
func (l *Library) Export(id appraise.PaperID, format appraise.ExportFormat, f appraise.ExportFilter, w io.Writer) error {
	if format == appraise.FormatJSONLD {
		// JSON-LD is the journal club's bundle: metadata and trash too.
		return l.ExportBundle([]appraise.PaperID{id}, f, w)
	}
	in, err := l.exportInput(id, f)
	if err != nil {
		return err
	}
	if format == appraise.FormatXLSX {
		err = xlsx.Write(w, export.AnnotationTable([]export.Input{in}, false))
	} else {
		err = export.Write(w, format, in)
	}
	if err != nil {
		return fmt.Errorf("export %s as %s: %w", id, format, err)
	}
	return nil
}

// exportInput gathers what an export of one paper needs.
func (l *Library) exportInput(id appraise.PaperID, f appraise.ExportFilter) (export.Input, error) {
	p, err := l.store.Paper(id)
	if err != nil {
		return export.Input{}, err
	}
	as, err := l.store.Annotations(id)
	if err != nil {
		return export.Input{}, err
	}
	tags, err := l.store.Tags()
	if err != nil {
		return export.Input{}, err
	}
	return export.Input{Paper: p, Tags: tags, Annotations: filter(as, f), Generated: l.now(), AppVersion: l.appVersion,
		BOM: f.BOM, ByAuthor: f.ByAuthor}, nil
}
