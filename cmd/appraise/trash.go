package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
)

// runRemove moves a paper and its annotations to the trash. The PDF file
// is not touched.
func runRemove(e *env, args []string) error {
	fs := flag.NewFlagSet("remove", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	paper := fs.String("paper", "", "paper id, id prefix or PDF")
	pos, err := parseInterspersed(fs, args)
	switch {
	case err != nil:
		return err
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *paper == "":
		return usageErrorf("--paper is required")
	}
	return withLibrary(e, func(lib *library.Library) error {
		p, err := lib.PaperByRef(*paper)
		if err != nil {
			return err
		}
		n, err := lib.RemovePaper(p.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Moved “%s” and %d %s to the trash; the PDF file is untouched. Undo with: appraise trash restore %s\n",
			oneLine(titleOf(p), 80), n, noun(n, "annotation", "annotations"), p.ID[:12])
		return nil
	})
}

func titleOf(p appraise.Paper) string {
	if p.Meta.Title == "" {
		return "(untitled)"
	}
	return p.Meta.Title
}

// runTrash lists, restores from or empties the trash.
func runTrash(e *env, args []string) error {
	what := "list"
	if len(args) > 0 {
		what, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("trash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "text or json")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case what != "list" && what != "restore" && what != "empty":
		return usageErrorf("trash %q: use list, restore ID or empty", what)
	case what == "restore" && len(pos) != 1:
		return usageErrorf("trash restore takes one id (see appraise trash list)")
	case what != "restore" && len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *format != "text" && *format != "json":
		return usageErrorf("unknown format %q (use text or json)", *format)
	}
	return withLibrary(e, func(lib *library.Library) error {
		switch what {
		case "restore":
			kind, err := lib.RestoreFromTrash(pos[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Restored the %s.\n", kind)
			return nil
		case "empty":
			t, err := lib.TrashContents()
			if err != nil {
				return err
			}
			if _, err := lib.EmptyTrash(); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Emptied the trash: %s deleted for good.\n", trashCount(t))
			return nil
		}
		t, err := lib.TrashContents()
		if err != nil {
			return err
		}
		if *format == "json" {
			if t.Papers == nil {
				t.Papers = []appraise.RemovedPaper{}
			}
			if t.Annotations == nil {
				t.Annotations = []appraise.TrashedAnnotation{}
			}
			return writeJSON(e.stdout, t)
		}
		return writeTrash(e.stdout, t)
	})
}

// trashCount says what the trash holds: "2 papers and 5 annotations".
func trashCount(t appraise.TrashContents) string {
	return fmt.Sprintf("%d %s and %d %s", len(t.Papers), noun(len(t.Papers), "paper", "papers"),
		len(t.Annotations), noun(len(t.Annotations), "annotation", "annotations"))
}

func writeTrash(w io.Writer, t appraise.TrashContents) error {
	if t.Len() == 0 {
		fmt.Fprintln(w, "The trash is empty.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDELETED\tWHAT")
	for _, p := range t.Papers {
		fmt.Fprintf(tw, "%s\t%s\tpaper “%s” with %d %s\n", p.Paper.ID[:12], p.Removed.Local().Format("2006-01-02 15:04"),
			oneLine(titleOf(p.Paper), 60), p.Annotations, noun(p.Annotations, "annotation", "annotations"))
	}
	for _, a := range t.Annotations {
		fmt.Fprintf(tw, "%s\t%s\tannotation “%s” in “%s”\n", a.ID, a.Deleted.Local().Format("2006-01-02 15:04"),
			oneLine(a.Anchor.Exact, 50), oneLine(a.PaperTitle, 40))
	}
	return tw.Flush()
}
