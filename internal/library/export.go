package library

import (
	"fmt"
	"io"
	"reflect"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/export/xlsx"
	"appraise.app/appraise/internal/instrument"
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

// exportedAppraisal is the appraisal an export carries: resolved against
// all the paper's live annotations (evidence may lie outside the filter),
// or nil for a paper with no design and nothing appraised, whose exports
// stay as they were before appraisals existed.
func (l *Library) exportedAppraisal(p appraise.Paper, live []appraise.Annotation) (*appraise.AppraisalReport, error) {
	pa, err := l.store.Appraisal(p.ID)
	if err != nil {
		return nil, err
	}
	pa.Card = p.Appraisal
	if p.Appraisal.Design == "" && reflect.DeepEqual(pa, appraise.PaperAppraisal{Paper: p.ID, Card: p.Appraisal}) {
		return nil, nil
	}
	in, err := l.inUse(pa)
	if err != nil {
		return nil, err
	}
	r := instrument.Report(in, pa, live)
	r.Appraisal.Author = l.User() // the bundle says whose it is
	return &r, nil
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
	in := export.Input{Paper: p, Tags: tags, Annotations: filter(as, f), Generated: l.now(), AppVersion: l.appVersion,
		BOM: f.BOM, Checklist: f.Checklist, ByAuthor: f.ByAuthor}
	if in.Appraisal, err = l.exportedAppraisal(p, as); err != nil {
		return export.Input{}, err
	}
	return in, nil
}
