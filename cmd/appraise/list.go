package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/internal/termsafe"
)

// runList lists the papers, or one paper's annotations.
func runList(e *env, args []string) error {
	if len(args) == 0 {
		return usageErrorf("list what: papers or annotations?")
	}
	what, args := args[0], args[1:]
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "text or json")
	var paper string
	var tags stringsFlag
	if what == "annotations" {
		fs.StringVar(&paper, "paper", "", "paper id, id prefix or PDF")
		fs.Var(&tags, "tag", "only annotations with this tag (repeatable)")
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case what != "papers" && what != "annotations":
		return usageErrorf("list %q: list papers or annotations", what)
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *format != "text" && *format != "json":
		return usageErrorf("unknown format %q (use text or json)", *format)
	case what == "annotations" && paper == "":
		return usageErrorf("--paper is required")
	}
	var pp *preparedPDF
	if what == "annotations" {
		if pp, err = resolveRef(e, paper, false); err != nil {
			return err
		}
	}
	return withLibrary(e, func(lib *library.Library) error {
		if what == "papers" {
			return listPapers(e, lib, *format)
		}
		return listAnnotations(e, lib, paper, pp, tags, *format)
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func listPapers(e *env, lib *library.Library, format string) error {
	ps, err := lib.Papers()
	if err != nil {
		return err
	}
	if format == "json" {
		if ps == nil {
			ps = []appraise.PaperSummary{}
		}
		return writeJSON(e.stdout, ps)
	}
	if len(ps) == 0 {
		fmt.Fprintln(e.stdout, "No papers yet: add one with appraise import FILE.pdf")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLAST OPENED\tANNOTATIONS\tTITLE")
	// Tag names in the counts are validated, titles are not: oneLine.
	for _, s := range ps {
		title := s.Paper.Meta.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Paper.ID[:12], s.Paper.LastOpened.Local().Format("2006-01-02"), counts(s.Annotations, s.Counts), oneLine(title, 80))
	}
	return tw.Flush()
}

// counts summarises a paper's annotations: "3 (limitation 2, claim 1)".
// The total counts each annotation once; an annotation with two tags
// counts under both tags.
func counts(total int, c map[string]int) string {
	var names []string
	for t, n := range c {
		if n > 0 {
			names = append(names, t)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if c[names[i]] != c[names[j]] {
			return c[names[i]] > c[names[j]]
		}
		return names[i] < names[j]
	})
	var parts []string
	for _, t := range names {
		parts = append(parts, fmt.Sprintf("%s %d", oneLine(t, 0), c[t]))
	}
	if len(parts) == 0 {
		return strconv.Itoa(total)
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

func listAnnotations(e *env, lib *library.Library, ref string, pp *preparedPDF, tags []string, format string) error {
	p, err := paperByRef(lib, ref, pp)
	if err != nil {
		return err
	}
	as, err := lib.Annotations(p.ID, tags...)
	if err != nil {
		return err
	}
	if format == "json" {
		if as == nil {
			as = []appraise.Annotation{}
		}
		return writeJSON(e.stdout, as)
	}
	title := p.Meta.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(e.stdout, "%s  %s\n", p.ID[:12], oneLine(title, 100))
	if len(as) == 0 {
		fmt.Fprintln(e.stdout, "\nNo annotations.")
		return nil
	}
	for _, a := range as {
		fmt.Fprintln(e.stdout)
		head := []string{oneLine(a.ID, 0), fmt.Sprintf("p.%d", a.Anchor.Page), oneLine(strings.Join(a.Tags, ", "), 0)}
		if a.Author != "" {
			head = append(head, oneLine(a.Author, 0))
		}
		head = append(head, a.Modified.Local().Format("2006-01-02 15:04"))
		if a.Status != appraise.Attached {
			head = append(head, "["+oneLine(string(a.Status), 0)+"]")
		}
		fmt.Fprintln(e.stdout, strings.Join(head, "  "))
		fmt.Fprintf(e.stdout, "  “%s”\n", oneLine(a.Anchor.Exact, 0))
		if a.Note != "" {
			fmt.Fprintf(e.stdout, "  Note: %s\n", oneLine(a.Note, 0))
		}
	}
	return nil
}

// oneLine folds whitespace runs (line breaks included) to single spaces,
// shows any control character left as an escape (termsafe) and, with
// max > 0, shortens to max code points.
func oneLine(s string, max int) string {
	s = termsafe.Escape(strings.Join(strings.Fields(s), " "))
	if r := []rune(s); max > 0 && len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
