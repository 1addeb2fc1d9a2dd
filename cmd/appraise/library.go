package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
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
func openLibrary(e *env) (*library.Library, func() error, error) {
	lib, s, err := openLibraryStore(e)
	if err != nil {
		return nil, nil, err
	}
	if msg := s.Report().Message(); msg != "" {
		fmt.Fprintf(e.stderr, "appraise: %s\n", msg)
	}
	closeFn := func() error {
		if _, err := s.StartupBackup(); err != nil {
			fmt.Fprintf(e.stderr, "appraise: %s\n", store.BackupFailedMessage(err))
		}
		return s.Close()
	}
	return lib, closeFn, nil
}

// openLibraryStore is openLibrary for the GUI, which tells the user what
// the store has to say in a dialog, and closes the store itself.
func openLibraryStore(e *env) (*library.Library, *store.Store, error) {
	path, err := e.libraryPath()
	if err != nil {
		return nil, nil, err
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, nil, err
	}
	return library.New(library.Config{Store: s, Extractor: pdfextract.NewIsolated(), AppVersion: version}), s, nil
}

// withLibrary runs f on the opened library and closes it, reporting a
// failure to close (the last commit is already durable by then).
func withLibrary(e *env, f func(lib *library.Library) error) (err error) {
	lib, closeFn, err := openLibrary(e)
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

// interruptible is a context cancelled by Ctrl-C, so a long extraction
// stops cleanly.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// paperOrImport finds the paper a user named with --paper: an id, an id
// prefix or a PDF; a PDF not yet in the library is imported.
func paperOrImport(lib *library.Library, ref string) (appraise.Paper, error) {
	p, err := lib.PaperByRef(ref)
	if err == nil || !errors.Is(err, appraise.ErrNotFound) {
		return p, err
	}
	if st, serr := os.Stat(ref); serr != nil || st.IsDir() {
		return p, err
	}
	ctx, stop := interruptible()
	defer stop()
	op, err := lib.Open(ctx, ref, "")
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
