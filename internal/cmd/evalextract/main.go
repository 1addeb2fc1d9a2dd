// Command evalextract measures Appraise's PDF extraction over a folder of
// papers, side by side with poppler's pdftotext in the same run: pages,
// ms/page (through the isolated child as users run it, in-process, and
// pdftotext as a whole process), the child's peak memory, word
// recall/precision/F1 and reading-order agreement against the reference
// texts, and the typed error of every file that fails. "make eval" runs it
// with APPRAISE_CORPUS set (default ../shared/corpus).
//
// Corpus layout: pdfs/NAME.pdf, pdftotext/NAME.txt (poppler's output, a
// baseline) and, where present, truth/NAME.plain.txt (a better reference).
// The demo paper (assets/demo.pdf against assets/demo.truth.txt) is added
// when it exists.
//
// It is a developer tool: it may import pdfextract (for the isolated and
// in-process extractors) and internal/textmetrics (the one definition of
// the word metrics); nothing imports it. It must not import Fyne, bbolt
// or the store.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"appraise.app/appraise/pdfextract"
)

func main() {
	// The isolated extractor re-executes this binary as its child.
	if code, ok := pdfextract.ChildMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	if err := run(os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "evalextract: %v\n", err)
		os.Exit(1)
	}
}

// config is what one evaluation run covers.
type config struct {
	corpus    string // folder with pdfs/, pdftotext/, truth/
	demo      string // the demo PDF; its truth is demo.truth.txt next to it
	runs      int    // timed runs per file and extractor; the median counts
	pdftotext string // the pdftotext binary ("" when not installed)
	only      string // substring filter on file names
	broken    bool   // list the truth sentences not found whole
	// exe is the binary the child runs: the app (bin/appraise) when given,
	// so the child column is what users wait for; else this tool itself.
	exe string
}

func run(args []string, getenv func(string) string, stdout io.Writer) error {
	cfg := config{corpus: getenv("APPRAISE_CORPUS")}
	if cfg.corpus == "" {
		cfg.corpus = filepath.Join("..", "shared", "corpus")
	}
	fs := flag.NewFlagSet("evalextract", flag.ContinueOnError)
	fs.StringVar(&cfg.corpus, "corpus", cfg.corpus, "corpus folder (pdfs/, pdftotext/, truth/)")
	fs.StringVar(&cfg.demo, "demo", filepath.Join("assets", "demo.pdf"), "demo paper, with DEMO.truth.txt beside it (skipped when absent)")
	fs.IntVar(&cfg.runs, "runs", 3, "timed runs per file and extractor (the median is reported)")
	fs.StringVar(&cfg.only, "only", "", "evaluate only files whose name contains this")
	fs.BoolVar(&cfg.broken, "broken", false, "after the report, list each file's truth sentences that are not whole in the output")
	fs.StringVar(&cfg.exe, "exe", "", "run the extraction child as this app binary does (make eval passes bin/appraise, which extracts through bin/appraise-extract when built); default: this tool")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.runs < 1 {
		return fmt.Errorf("-runs must be at least 1")
	}
	if p, err := exec.LookPath("pdftotext"); err == nil {
		cfg.pdftotext = p
	}
	inputs, err := findInputs(cfg)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("no PDFs in %s", filepath.Join(cfg.corpus, "pdfs"))
	}
	child := "this tool"
	if cfg.exe != "" {
		// The app extracts through appraise-extract when it is installed
		// beside it; time the same binary.
		cfg.exe = pdfextract.ChildFor(cfg.exe)
		child = cfg.exe
	}
	fmt.Fprintf(stdout, "Appraise extractor %s on %d files from %s (%d timed runs each, median; child process: %s)\n",
		pdfextract.Version, len(inputs), cfg.corpus, cfg.runs, child)
	if cfg.pdftotext == "" {
		fmt.Fprintln(stdout, "pdftotext is not installed: its timing column is empty (make test-deps installs poppler-utils)")
	}
	var results []result
	for _, in := range inputs {
		results = append(results, measure(context.Background(), cfg, in))
	}
	if err := writeReport(stdout, results); err != nil {
		return err
	}
	if cfg.broken {
		writeBroken(stdout, results)
	}
	return nil
}

// input is one PDF and its references.
type input struct {
	name      string // file name without .pdf
	pdf       string
	truth     string // "" when there is none
	pdftotext string // the stored pdftotext output; "" when there is none
}

func findInputs(cfg config) ([]input, error) {
	pdfs, err := filepath.Glob(filepath.Join(cfg.corpus, "pdfs", "*.pdf"))
	if err != nil {
		return nil, err
	}
	sort.Strings(pdfs)
	var out []input
	for _, p := range pdfs {
		name := strings.TrimSuffix(filepath.Base(p), ".pdf")
		out = append(out, input{
			name:      name,
			pdf:       p,
			truth:     existing(filepath.Join(cfg.corpus, "truth", name+".plain.txt")),
			pdftotext: existing(filepath.Join(cfg.corpus, "pdftotext", name+".txt")),
		})
	}
	if cfg.demo != "" && existing(cfg.demo) != "" {
		out = append(out, input{
			name:  "demo (" + filepath.Base(cfg.demo) + ")",
			pdf:   cfg.demo,
			truth: existing(strings.TrimSuffix(cfg.demo, ".pdf") + ".truth.txt"),
		})
	}
	if cfg.only != "" {
		kept := out[:0]
		for _, in := range out {
			if strings.Contains(in.name, cfg.only) {
				kept = append(kept, in)
			}
		}
		out = kept
	}
	return out, nil
}

// existing returns path when it names a file, else "".
func existing(path string) string {
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		return path
	}
	return ""
}
