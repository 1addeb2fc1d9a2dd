package library

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/export/xlsx"
)

// Exporting the whole library: every paper's annotations in one table (CSV
// or an xlsx spreadsheet), or one Markdown file per paper in a folder.
// Papers come in the order they were added, so a second export names
// papers with the same title the same way.

// ExportLibrary writes every paper's live annotations, narrowed by f, as
// one table in format (FormatCSV or FormatXLSX) to w. With no filter a
// paper without annotations has a row of its own; with one, papers with
// nothing left are left out. Nothing is written when it fails.
func (l *Library) ExportLibrary(format appraise.ExportFormat, f appraise.ExportFilter, w io.Writer) error {
	if format != appraise.FormatCSV && format != appraise.FormatXLSX {
		return fmt.Errorf("export the library as %s: %w (use csv or xlsx, or Markdown into a folder)", format, export.ErrUnknownFormat)
	}
	ins, err := l.libraryInputs(f)
	if err != nil {
		return err
	}
	t := export.AnnotationTable(ins, !filtered(f))
	if format == appraise.FormatXLSX {
		err = xlsx.Write(w, t)
	} else {
		err = export.WriteTableCSV(w, t, f.BOM)
	}
	if err != nil {
		return fmt.Errorf("export the library as %s: %w", format, err)
	}
	return nil
}

// ExportLibraryMarkdown writes one Markdown file per paper (with its YAML
// front matter) into dir, which is made if its parent exists. Each file
// is named after its paper's title, made safe and unique; an existing file
// of that name is replaced whole. It returns the names written, in order.
func (l *Library) ExportLibraryMarkdown(dir string, f appraise.ExportFilter) ([]string, error) {
	ins, err := l.libraryInputs(f)
	if err != nil {
		return nil, err
	}
	if err := makeExportDir(dir); err != nil {
		return nil, err
	}
	stems := make([]string, len(ins))
	for i, in := range ins {
		stems[i] = export.FileStem(exportTitle(in.Paper))
	}
	names := export.UniqueNames(stems, ".md")
	for i, in := range ins {
		err := atomicfile.Write(filepath.Join(dir, names[i]), 0o644, func(w io.Writer) error {
			return export.Write(w, appraise.FormatMarkdown, in)
		})
		if err != nil {
			return names[:i], fmt.Errorf("export %s: %w", names[i], err)
		}
	}
	return names, nil
}

// libraryInputs is the export input of every paper, oldest first.
func (l *Library) libraryInputs(f appraise.ExportFilter) ([]export.Input, error) {
	sums, err := l.store.Papers()
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(sums, func(a, b appraise.PaperSummary) int {
		if c := a.Paper.Added.Compare(b.Paper.Added); c != 0 {
			return c
		}
		return strings.Compare(string(a.Paper.ID), string(b.Paper.ID))
	})
	var ins []export.Input
	for _, s := range sums {
		in, err := l.exportInput(s.Paper.ID, f)
		if err != nil {
			return nil, err
		}
		if filtered(f) && len(in.Annotations) == 0 {
			continue
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// filtered reports whether f leaves out some annotations.
func filtered(f appraise.ExportFilter) bool { return len(f.Tags) > 0 || f.Author != "" }

// exportTitle is the title a paper's file is named after: its recorded
// title, else its PDF's name without extension.
func exportTitle(p appraise.Paper) string {
	if strings.TrimSpace(p.Meta.Title) != "" {
		return p.Meta.Title
	}
	if p.Path != "" {
		return strings.TrimSuffix(filepath.Base(p.Path), filepath.Ext(p.Path))
	}
	return ""
}

// makeExportDir makes dir when its parent exists; a dir that exists must
// be a folder.
func makeExportDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return fmt.Errorf("export into %s: it is a file, not a folder", dir)
	case err == nil:
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("export into %s: %w", dir, err)
	}
	parent := filepath.Dir(dir)
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return fmt.Errorf("export into %s: the folder %s does not exist", dir, parent)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("export into %s: %w", dir, err)
	}
	return atomicfile.SyncDir(parent)
}
