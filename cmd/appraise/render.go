package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/internal/pdfrender"
)

// runRenderWorkerIfAsked runs the page-render worker when this binary was
// re-executed for one (see pdfrender.WorkerMain); run calls it first.
func runRenderWorkerIfAsked(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, bool) {
	return pdfrender.WorkerMain(args, stdin, stdout, stderr)
}

// pageRenderer is the renderer the library draws pages and writes
// annotated PDFs with; its worker process starts on first use.
func (e *env) pageRenderer() *pdfrender.Isolated {
	if e.renderer == nil {
		e.renderer = pdfrender.NewIsolated(pdfrender.DefaultCacheDir())
	}
	return e.renderer
}

// closeRenderer stops the render worker, if one was started.
func (e *env) closeRenderer() {
	if e.renderer != nil {
		_ = e.renderer.Close()
	}
}

// exportAnnotatedPDF writes "appraise export --format pdf": a copy of the
// paper's PDF with its annotations as highlights, to -o or, without, to a
// file named after the paper in the current folder.
func exportAnnotatedPDF(e *env, lib *library.Library, paper appraise.Paper, opt exportOptions) error {
	dst := opt.out
	if dst == "" || dst == "-" {
		dst = annotatedPDFName(paper)
	}
	ctx, stop := interruptible()
	defer stop()
	r, err := lib.ExportAnnotatedPDFDetail(ctx, paper.ID, opt.filter, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s\n", dst, plural(r.Highlights, "highlight"))
	if r.Unplaced > 0 {
		fmt.Fprintf(e.stdout, "%s left out: no position on the page for their text (orphaned, or the PDF's text could not be placed)\n", plural(r.Unplaced, "annotation"))
	}
	return nil
}

// annotatedPDFName is the default file name of a paper's annotated copy.
func annotatedPDFName(p appraise.Paper) string {
	title := p.Meta.Title
	if strings.TrimSpace(title) == "" && p.Path != "" {
		title = strings.TrimSuffix(filepath.Base(p.Path), filepath.Ext(p.Path))
	}
	return export.FileStem(title) + " (annotated).pdf"
}
