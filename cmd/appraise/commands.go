package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// command is one subcommand of appraise.
type command struct {
	name    string
	summary string
	usage   string // after "appraise "
	run     func(e *env, args []string) error
}

// commands lists the subcommands in the order help shows them.
func commands() []*command {
	return []*command{
		{"extract", "print a PDF's text in reading order (text or JSON)", "extract [--format text|json] [--password P] FILE.pdf", runExtract},
		{"import", "add a PDF to the library and print its paper id", "import [--password P] FILE.pdf | import BUNDLE.jsonld", runImport},
		{"annotate", "tag a quoted passage of a paper", `annotate --paper ID|FILE --quote "exact text" --tag T [--tag T…] [--note "…"] [--author NAME] [--occurrence N]`, runAnnotate},
		{"list", "list papers, or a paper's annotations", "list papers [--format text|json] | list annotations --paper ID|FILE [--tag T…] [--format text|json]", runList},
		{"tags", "list, add, rename or merge tags", "tags [list [--format text|json] | add NAME [--color #rrggbb] [--key K] [--description D] | rename OLD NEW | merge FROM INTO]", runTags},
		{"card", "show or set a paper's design, sample, setting, bottom line and evidence level", "card --paper P [--design D] [--timing T] [--sample S] [--setting S] [--bottom-line B] [--level L --level-reason R]", runCard},
		{"checklist", "show a paper's appraisal checklist, answer an item, or import a checklist", "checklist --paper P [--instrument ID] [--format text|json] | checklist --paper P --item N [--answer A] [--not-reported] [--evidence ANN…] [--comment C] | checklist import FILE", runChecklist},
		{"link", "link two annotations: a limitation limits a claim, a claim is about a population", "link --from ANN --to ANN --type limits|about [--remove]", runLink},
		{"grade", "show or rate a claim's GRADE certainty", "grade --claim ANN [--domain NAME=none|serious|very-serious|+1|+2…] [--reason ANN…] [--format text|json]", runGrade},
		{"export", "write a paper's annotations (or every paper's) as a handout, Markdown, CSV, a spreadsheet, JSON-LD or its PDF with highlights", "export --paper ID|FILE --format html|md|csv|xlsx|jsonld [--what annotations|checklist] [--tag T…] [--author A] [--bom] [--by-author] [-o FILE] | export --paper ID|FILE --format pdf [--tag T…] [--author A] [-o FILE.pdf] | export --paper ID|FILE --paper … | --all --format jsonld [-o FILE] | export --all --format csv|xlsx|md [--tag T…] [--author A] [--bom] [-o FILE|FOLDER]", runExport},
		{"compare", "measure a trainee's reading of a paper against a key's", "compare --paper ID|FILE --key AUTHOR --trainee AUTHOR [--format text|json|html|csv] [-o FILE]", runCompare},
		{"search", "search titles, annotations and every paper's text", "search QUERY [--paper ID|FILE] [--format text|json]", runSearch},
		{"remove", "move a paper and its annotations to the trash (the PDF is untouched)", "remove --paper ID|FILE", runRemove},
		{"trash", "list the trash, restore from it, or empty it", "trash [list [--format text|json] | restore ID | empty]", runTrash},
		{"version", "print the Appraise and extractor versions", "version", runVersion},
		{"help", "show this help, or one command's usage", "help [COMMAND]", runHelp},
	}
}

func lookup(name string) (*command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return nil, false
}

// writeUsage prints the overall usage.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, `Appraise: read research papers, tag what they show, about whom, and what they cannot show.

usage:
  appraise [--db PATH]                 open the GUI
  appraise [--db PATH] FILE.pdf        open the GUI on FILE.pdf
  appraise [--db PATH] COMMAND [ARGS]  run a command

commands:
`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, `
global options:
  --db PATH   the library file (default: APPRAISE_DB, else Appraise/library.db
              in the user config folder)
`)
}

func runHelp(e *env, args []string) error {
	if len(args) == 0 {
		writeUsage(e.stdout)
		return nil
	}
	c, ok := lookup(args[0])
	if !ok {
		return usageErrorf("unknown command %q", args[0])
	}
	writeCommandUsage(e.stdout, c)
	return nil
}

// writeCommandUsage prints one command's usage.
func writeCommandUsage(w io.Writer, c *command) {
	fmt.Fprintf(w, "appraise %s\n\n  %s\n", c.usage, c.summary)
}

// wantsHelp reports whether a command's arguments ask for its usage:
// -h, -help or --help before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
