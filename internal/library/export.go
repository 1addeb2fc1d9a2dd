package library

import (
	"fmt"
	"io"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// Export writes a paper's live annotations, narrowed by filter, in format
// to w. Nothing is written when it fails.
func (l *Library) Export(id appraise.PaperID, format appraise.ExportFormat, f appraise.ExportFilter, w io.Writer) error {
	if format == appraise.FormatJSONLD {
		// JSON-LD is the journal club's bundle: metadata and trash too.
		return l.ExportBundle([]appraise.PaperID{id}, f, w)
	}
	p, err := l.store.Paper(id)
	if err != nil {
		return err
	}
	as, err := l.store.Annotations(id)
	if err != nil {
		return err
	}
	tags, err := l.store.Tags()
	if err != nil {
		return err
	}
	in := export.Input{Paper: p, Tags: tags, Annotations: filter(as, f), Generated: l.now(), AppVersion: l.appVersion, BOM: f.BOM, ByAuthor: f.ByAuthor}
	if err := export.Write(w, format, in); err != nil {
		return fmt.Errorf("export %s as %s: %w", id, format, err)
	}
	return nil
}
