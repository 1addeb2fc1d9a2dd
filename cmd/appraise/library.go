package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/internal/termsafe"
	"appraise.app/appraise/pdfextract"
	"appraise.app/appraise/store"
	"appraise.app/appraise/ui"
)

// The GUI is handed the real library.
var _ ui.Library = (*library.Library)(nil)

// openLibrary opens the library file the user chose (--db, APPRAISE_DB or
// the default) and builds the use-case layer over it with the isolated PDF
// extractor. Anything Open had to tell the user (a damaged library
// restored from a backup) goes to stderr, and so does a failed start-up
// backup when the library is closed. The caller must call close when done.
func openLibrary(e *env, pp *preparedPDF) (*library.Library, func() error, error) {
	lib, s, err := openLibraryWith(e, pp, nil)
	if err != nil {
		return nil, nil, err
	}
	if msg := s.Report().Message(); msg != "" {
		fmt.Fprintf(e.stderr, "appraise: %s\n", termsafe.Escape(msg))
	}
	closeFn := func() error {
		if _, err := s.StartupBackup(); err != nil {
			fmt.Fprintf(e.stderr, "appraise: %s\n", store.BackupFailedMessage(err))
		}
		return s.Close()
	}
	return lib, closeFn, nil
}

// openLibraryWith opens the library with an extractor that hands back pp's
// extraction, made before the library was opened (pp may be nil);
// salvage, when set, is told how far recovering a damaged library got.
func openLibraryWith(e *env, pp *preparedPDF, salvage func(done, total int)) (*library.Library, *store.Store, error) {
	path, err := e.libraryPath()
	if err != nil {
		return nil, nil, err
	}
	s, err := store.Open(path, store.Options{SalvageProgress: salvage})
	if err != nil {
		return nil, nil, err
	}
	x := preExtracted{pdfextract.NewIsolated(), pp}
	return library.New(library.Config{Store: s, Extractor: x, AppVersion: version, Renderer: e.pageRenderer(), User: e.getenv("APPRAISE_AUTHOR")}), s, nil
}

// withLibrary runs f on the opened library and closes it, reporting a
// failure to close (the last commit is already durable by then).
func withLibrary(e *env, f func(lib *library.Library) error) (err error) {
	return withLibraryPrepared(e, nil, f)
}

// withLibraryPrepared is withLibrary with pp's extraction at hand.
func withLibraryPrepared(e *env, pp *preparedPDF, f func(lib *library.Library) error) (err error) {
	lib, closeFn, err := openLibrary(e, pp)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := closeFn(); err == nil {
			err = cerr
		}
	}()
	return f(lib)
}

// resolveRef turns a --paper value naming a PDF into the PDF prepared
// (checked, hashed and, with extract, extracted) before the library is
// opened; an id or id prefix gives nil.
func resolveRef(e *env, ref string, extract bool) (*preparedPDF, error) {
	if !looksLikeFile(ref) {
		return nil, nil
	}
	ctx, stop := interruptible()
	defer stop()
	return preparePDF(ctx, e, ref, "", extract)
}

// paperByRef finds the paper a user named with --paper: pp when it named
// a PDF (which must be in the library), else by id or id prefix.
func paperByRef(lib *library.Library, ref string, pp *preparedPDF) (appraise.Paper, error) {
	if pp == nil {
		return lib.PaperByRef(ref)
	}
	p, err := lib.PaperByRef(string(pp.id))
	if errors.Is(err, appraise.ErrNotFound) {
		return p, fmt.Errorf("%s is not in the library (import it first): %w", ref, appraise.ErrNotFound)
	}
	return p, err
}

// paperOrImport is paperByRef that imports a PDF not yet in the library,
// using the extraction made before the library was opened.
func paperOrImport(lib *library.Library, ref string, pp *preparedPDF) (appraise.Paper, error) {
	if pp == nil {
		return lib.PaperByRef(ref)
	}
	op, err := lib.OpenHashed(context.Background(), pp.path, pp.id, "")
	if err != nil {
		return appraise.Paper{}, err
	}
	return op.Paper, nil
}

// stringsFlag (export.go) collects a repeatable flag.

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErrorf("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
