package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
)

// runSearch searches titles, annotations and the papers' full text.
func runSearch(e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "text or json")
	paper := fs.String("paper", "", "only this paper (id, id prefix or PDF)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	switch {
	case query == "":
		return usageErrorf("search for what? give one or more words")
	case *format != "text" && *format != "json":
		return usageErrorf("unknown format %q (use text or json)", *format)
	}
	return withLibrary(e, func(lib *library.Library) error {
		q := appraise.SearchQuery{Text: query}
		if *paper != "" {
			p, err := lib.PaperByRef(*paper)
			if err != nil {
				return err
			}
			q.Paper = p.ID
		}
		if err := indexMissing(e, lib); err != nil {
			return err
		}
		hits, err := lib.Find(q)
		if err != nil {
			return err
		}
		if *format == "json" {
			if hits == nil {
				hits = []appraise.SearchHit{}
			}
			return writeJSON(e.stdout, hits)
		}
		writeHits(e.stdout, query, hits)
		return nil
	})
}

// indexMissing indexes the text of papers added before the library had a
// text index, saying so on stderr, so the first search finds everything.
func indexMissing(e *env, lib *library.Library) error {
	missing, err := lib.TextIndexMissing()
	if err != nil || len(missing) == 0 {
		return err
	}
	fmt.Fprintf(e.stderr, "appraise: indexing the text of %d %s for search (once)…\n", len(missing), noun(len(missing), "paper", "papers"))
	ctx, stop := interruptible()
	defer stop()
	return lib.BuildTextIndex(ctx, nil)
}

// writeHits prints hits one per line (id, where, title) with the snippet
// indented below; "No matches for …" when there are none.
func writeHits(w io.Writer, query string, hits []appraise.SearchHit) {
	if len(hits) == 0 {
		fmt.Fprintf(w, "No matches for “%s”.\n", query)
		return
	}
	for i, h := range hits {
		if i > 0 {
			fmt.Fprintln(w)
		}
		where := h.Field
		switch {
		case h.Field == "text":
			where = fmt.Sprintf("text, p. %d", h.Page)
		case h.Annotation != "":
			where = h.Field + " " + h.Annotation
		}
		title := h.PaperTitle
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(w, "%s  %s  %s\n", h.Paper[:12], where, oneLine(title, 80))
		if h.Field != "title" {
			fmt.Fprintf(w, "  %s\n", oneLine(h.Snippet, 0))
		}
	}
}

// noun is one or many, as n asks.
func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
