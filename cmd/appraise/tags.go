package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
)

// runTags lists, adds, renames or merges tags.
func runTags(e *env, args []string) error {
	sub := "list"
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("tags "+sub, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var t appraise.Tag
	format := "text"
	switch sub {
	case "list":
		fs.StringVar(&format, "format", "text", "text or json")
	case "add":
		fs.StringVar(&t.Color, "color", "", "#rrggbb (default: an unused palette colour)")
		fs.StringVar(&t.Key, "key", "", "one-key shortcut")
		fs.StringVar(&t.Description, "description", "", "what the tag marks")
	case "rename", "merge":
	default:
		return usageErrorf("unknown tags command %q (list, add, rename or merge)", sub)
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	want := map[string]int{"list": 0, "add": 1, "rename": 2, "merge": 2}[sub]
	if len(pos) != want {
		return usageErrorf("tags %s takes %d argument(s), got %d", sub, want, len(pos))
	}
	if format != "text" && format != "json" {
		return usageErrorf("unknown format %q (use text or json)", format)
	}
	return withLibrary(e, func(lib *library.Library) error {
		switch sub {
		case "add":
			t.Name = pos[0]
			added, err := lib.AddTag(t)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "added %s (%s)\n", oneLine(added.Name, 0), oneLine(added.Color, 0))
			return nil
		case "rename":
			if err := lib.RenameTag(pos[0], pos[1]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "renamed %s to %s\n", oneLine(pos[0], 0), oneLine(pos[1], 0))
			return nil
		case "merge":
			if err := lib.MergeTag(pos[0], pos[1]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "merged %s into %s\n", oneLine(pos[0], 0), oneLine(pos[1], 0))
			return nil
		}
		return listTags(e, lib, format)
	})
}

func listTags(e *env, lib *library.Library, format string) error {
	tags, err := lib.Tags()
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(e.stdout, tags)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKEY\tCOLOUR\tBUILT-IN\tDESCRIPTION")
	for _, t := range tags {
		builtIn := ""
		if t.BuiltIn {
			builtIn = "yes"
		}
		key := t.Key
		if key == "" {
			key = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", oneLine(t.Name, 0), oneLine(key, 0), oneLine(t.Color, 0), builtIn, oneLine(t.Description, 0))
	}
	return tw.Flush()
}
