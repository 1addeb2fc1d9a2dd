package main

import (
	"flag"
	"fmt"
	"io"

	"appraise.app/appraise/internal/library"
)

// runAnnotate tags a quoted passage of a paper and prints the new
// annotation's id once it is saved. The quote may differ from the paper's
// text in line breaks, spacing, hyphenation and ligatures; the paper's own
// text is stored.
func runAnnotate(e *env, args []string) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var tags stringsFlag
	paper := fs.String("paper", "", "paper id, id prefix or PDF")
	quote := fs.String("quote", "", "the passage's text")
	fs.Var(&tags, "tag", "tag (repeatable)")
	note := fs.String("note", "", "a note")
	author := fs.String("author", e.getenv("APPRAISE_AUTHOR"), "who annotates (default: APPRAISE_AUTHOR)")
	occurrence := fs.Int("occurrence", 0, "which occurrence of a quote found more than once (1 is the first)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q (give the passage with --quote)", pos[0])
	case *paper == "":
		return usageErrorf("--paper is required")
	case !set["quote"]:
		return usageErrorf("--quote is required")
	case len(tags) == 0:
		return usageErrorf("at least one --tag is required")
	case *occurrence < 0:
		return usageErrorf("--occurrence counts from 1")
	}
	pp, err := resolveRef(e, *paper, true)
	if err != nil {
		return err
	}
	return withLibraryPrepared(e, pp, func(lib *library.Library) error {
		p, err := paperOrImport(lib, *paper, pp)
		if err != nil {
			return err
		}
		a, err := lib.AnnotateQuote(p.ID, *quote, *occurrence, tags, *note, *author)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, a.ID)
		return nil
	})
}
