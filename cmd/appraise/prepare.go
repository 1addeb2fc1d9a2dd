package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/pdfextract"
	"appraise.app/appraise/store"
)

// The CLI never holds the library (and its lock) while it reads a PDF:
// a PDF is checked, hashed and, when the library has no extraction of it,
// extracted first; the library is opened only for the lookup and the
// write, each a few milliseconds.

// interruptible is a context cancelled by Ctrl-C or SIGTERM, so hashing
// and extraction stop cleanly.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// preparedPDF is a PDF read before the library was opened.
type preparedPDF struct {
	path string // absolute
	id   appraise.PaperID
	doc  *appraise.Document // nil when the library has an extraction already
}

// looksLikeFile reports whether a --paper value names a file rather than
// a paper id: something is there, or it ends in .pdf, or has a slash.
func looksLikeFile(ref string) bool {
	if _, err := os.Lstat(ref); err == nil {
		return true
	}
	return strings.HasSuffix(strings.ToLower(ref), ".pdf") || strings.ContainsRune(ref, filepath.Separator)
}

// preparePDF checks and hashes the PDF at path and, when extract is set
// and the library holds no extraction of it by the current extractor,
// extracts it, all without the library.
func preparePDF(ctx context.Context, e *env, path, password string, extract bool) (*preparedPDF, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if e.getenv("APPRAISE_TRACE") != "" {
		fmt.Fprintf(e.stderr, "trace: hashing %s\n", path)
	}
	id, err := library.HashFile(ctx, path)
	if err != nil {
		return nil, err
	}
	pp := &preparedPDF{path: path, id: id}
	if !extract {
		return pp, nil
	}
	x := pdfextract.NewIsolated()
	cached, err := hasExtraction(e, id, x.Version())
	if err != nil || cached {
		return pp, err
	}
	doc, err := x.Extract(ctx, path, appraise.ExtractOptions{Password: password})
	if err != nil {
		return nil, err
	}
	pp.doc = &doc
	return pp, nil
}

// hasExtraction opens the library briefly to see whether it caches an
// extraction of paper id by extractor version.
func hasExtraction(e *env, id appraise.PaperID, version string) (bool, error) {
	path, err := e.libraryPath()
	if err != nil {
		return false, err
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return false, err
	}
	defer s.Close()
	_, err = s.Document(id, version)
	if errors.Is(err, appraise.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// preExtracted is the isolated extractor, except that it hands back the
// extraction made before the library was opened for the PDF it was made
// from.
type preExtracted struct {
	appraise.Extractor
	pp *preparedPDF
}

func (x preExtracted) Extract(ctx context.Context, path string, opt appraise.ExtractOptions) (appraise.Document, error) {
	if x.pp != nil && x.pp.doc != nil && path == x.pp.path {
		return *x.pp.doc, nil
	}
	return x.Extractor.Extract(ctx, path, opt)
}
