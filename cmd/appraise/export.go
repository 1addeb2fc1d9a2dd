package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/library"
)

// exportOptions is what "appraise export" was asked to do.
type exportOptions struct {
	papers []string // ids, id prefixes or PDF paths
	all    bool     // every paper: a bundle, one CSV or xlsx table, or Markdown files in a folder
	format appraise.ExportFormat
	filter appraise.ExportFilter // filter.BOM is --bom
	out    string                // "" or "-" for stdout
}

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// parseExportArgs reads export's flags. --format may be left out when -o
// names a file whose extension says the format.
func parseExportArgs(args []string) (exportOptions, error) {
	var opt exportOptions
	var format string
	var tags, papers stringsFlag
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&papers, "paper", "paper id, id prefix or PDF path (repeatable for a bundle)")
	fs.BoolVar(&opt.all, "all", false, "every paper in the library")
	fs.StringVar(&format, "format", "", "html, md, csv, xlsx, jsonld or pdf")
	fs.Var(&tags, "tag", "only annotations with this tag (repeatable)")
	fs.StringVar(&opt.filter.Author, "author", "", "only annotations by this author")
	fs.BoolVar(&opt.filter.BOM, "bom", false, "start CSV with a UTF-8 byte order mark for spreadsheets")
	fs.BoolVar(&opt.filter.ByAuthor, "by-author", false, "HTML handout grouped by passage with each author's tags and notes")
	fs.StringVar(&opt.out, "o", "", "write to this file instead of standard output")
	what := fs.String("what", "annotations", "with --format csv: annotations or checklist")
	if err := fs.Parse(args); err != nil {
		return opt, usageErrorf("%v", err)
	}
	if fs.NArg() > 0 {
		return opt, usageErrorf("unexpected argument %q (name the paper with --paper)", fs.Arg(0))
	}
	opt.papers = papers
	switch {
	case len(papers) == 0 && !opt.all:
		return opt, usageErrorf("--paper is required (or --all)")
	case len(papers) > 0 && opt.all:
		return opt, usageErrorf("--paper and --all do not go together")
	}
	opt.filter.Tags = tags
	if format == "" && opt.out != "" && opt.out != "-" {
		format = formatOfExtension(filepath.Ext(opt.out))
	}
	switch {
	case format == "":
		return opt, usageErrorf("--format is required (html, md, csv, xlsx, jsonld or pdf)")
	case format != string(appraise.FormatPDF) && export.Extension(appraise.ExportFormat(format)) == "":
		return opt, usageErrorf("unknown format %q (use html, md, csv, xlsx, jsonld or pdf)", format)
	}
	opt.format = appraise.ExportFormat(format)
	if opt.filter.BOM && opt.format != appraise.FormatCSV {
		return opt, usageErrorf("--bom applies to --format csv only")
	}
	if opt.filter.ByAuthor && opt.format != appraise.FormatHTML {
		return opt, usageErrorf("--by-author applies to --format html only")
	}
	switch {
	case opt.format == appraise.FormatPDF && (opt.all || len(opt.papers) > 1):
		return opt, usageErrorf("--format pdf writes one paper's PDF with its highlights: name one --paper")
	case opt.format == appraise.FormatPDF && *what != "annotations":
		return opt, usageErrorf("--what applies to --format csv only")
	case opt.all && opt.format == appraise.FormatMarkdown && (opt.out == "" || opt.out == "-"):
		return opt, usageErrorf("--all --format md writes one file per paper: name their folder with -o FOLDER")
	case opt.all && opt.format == appraise.FormatHTML:
		return opt, usageErrorf("--all exports csv, xlsx, md or jsonld, not html")
	case len(opt.papers) > 1 && opt.format != appraise.FormatJSONLD:
		return opt, usageErrorf("several papers go into one file as --format jsonld (a bundle), or export every paper with --all")
	}
	switch {
	case *what == "checklist" && opt.format != appraise.FormatCSV:
		return opt, usageErrorf("--what checklist applies to --format csv only (the other formats include the checklist)")
	case *what == "checklist":
		opt.filter.Checklist = true
	case *what != "annotations":
		return opt, usageErrorf("unknown --what %q (use annotations or checklist)", *what)
	}
	return opt, nil
}

// formatOfExtension maps a file extension to the format it names, or "".
func formatOfExtension(ext string) string {
	ext = strings.ToLower(ext)
	switch ext {
	case ".htm":
		return string(appraise.FormatHTML)
	case ".markdown":
		return string(appraise.FormatMarkdown)
	case ".json":
		return string(appraise.FormatJSONLD)
	case ".pdf":
		return string(appraise.FormatPDF)
	}
	for _, f := range append(export.Formats(), appraise.FormatXLSX) {
		if export.Extension(f) == ext {
			return string(f)
		}
	}
	return ""
}

func runExport(e *env, args []string) error {
	opt, err := parseExportArgs(args)
	if err != nil {
		return err
	}
	if opt.all && opt.format != appraise.FormatJSONLD {
		return withLibrary(e, func(lib *library.Library) error { return exportAll(e, lib, opt) })
	}
	pps := make([]*preparedPDF, len(opt.papers))
	for i, ref := range opt.papers {
		if pps[i], err = resolveRef(e, ref, false); err != nil {
			return err
		}
	}
	return withLibrary(e, func(lib *library.Library) error {
		var ids []appraise.PaperID
		for i, ref := range opt.papers {
			paper, err := paperByRef(lib, ref, pps[i])
			if err != nil {
				return err
			}
			ids = append(ids, paper.ID)
		}
		if opt.format == appraise.FormatJSONLD {
			return writeExport(e, opt, func(w io.Writer) error { return lib.ExportBundle(ids, opt.filter, w) })
		}
		if opt.format == appraise.FormatPDF {
			paper, err := lib.Paper(ids[0])
			if err != nil {
				return err
			}
			return exportAnnotatedPDF(e, lib, paper, opt)
		}
		return writeExport(e, opt, func(w io.Writer) error {
			return lib.Export(ids[0], opt.format, opt.filter, w)
		})
	})
}

// exportAll writes every paper: one table, or Markdown files in a folder.
func exportAll(e *env, lib *library.Library, opt exportOptions) error {
	if opt.format != appraise.FormatMarkdown {
		return writeExport(e, opt, func(w io.Writer) error {
			return lib.ExportLibrary(opt.format, opt.filter, w)
		})
	}
	names, err := lib.ExportLibraryMarkdown(opt.out, opt.filter)
	for _, n := range names {
		fmt.Fprintf(e.stdout, "wrote %s\n", filepath.Join(opt.out, n))
	}
	return err
}

// writeExport sends what write writes to standard output, or with -o to a
// file replaced atomically: a failure at any point leaves the old file (or
// no file) in place, never part of the new one.
func writeExport(e *env, opt exportOptions, write func(io.Writer) error) error {
	if opt.out == "" || opt.out == "-" {
		return write(e.stdout)
	}
	if err := atomicfile.Write(opt.out, 0o644, write); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", opt.out)
	return nil
}
