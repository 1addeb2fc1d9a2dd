package main

import (
	"flag"
	"fmt"
	"io"

	"appraise.app/appraise/internal/library"
)

// runImport adds a PDF to the library (extracting it, or using the cached
// extraction) and prints its paper id, or merges a journal-club bundle
// (told apart by content) and prints what it did.
func runImport(e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	password := fs.String("password", "", "password of an encrypted PDF")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf("import takes one PDF, got %d arguments", len(pos))
	}
	if isBundleFile(pos[0]) {
		return runImportBundle(e, pos[0])
	}
	return withLibrary(e, func(lib *library.Library) error {
		ctx, stop := interruptible()
		defer stop()
		op, err := lib.Open(ctx, pos[0], *password)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, op.Paper.ID)
		return nil
	})
}
