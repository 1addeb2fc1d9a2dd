package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/pdfextract"
)

// extractOptions is what "appraise extract" was asked to do.
type extractOptions struct {
	format   string // "text" or "json"
	password string
	path     string
}

// parseExtractArgs reads extract's flags; they may come before or after
// the file name.
func parseExtractArgs(args []string) (extractOptions, error) {
	opt := extractOptions{format: "text"}
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.format, "format", "text", "text or json")
	fs.StringVar(&opt.password, "password", "", "password of an encrypted PDF")
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return opt, usageErrorf("%v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) == 0:
		return opt, usageErrorf("name the PDF to extract")
	case len(files) > 1:
		return opt, usageErrorf("extract reads one PDF at a time, got %d", len(files))
	case opt.format != "text" && opt.format != "json":
		return opt, usageErrorf("unknown format %q (use text or json)", opt.format)
	}
	opt.path = files[0]
	return opt, nil
}

// runExtract prints a PDF's text in reading order, or the whole extraction
// as JSON. It reads the PDF through the isolated child process, as the GUI
// does, so a hostile file costs a typed error (exit 3), never a crash.
func runExtract(e *env, args []string) error {
	opt, err := parseExtractArgs(args)
	if err != nil {
		return err
	}
	// Only a regular file of at most 1 GiB: a pipe or a device would
	// keep the child waiting until its timeout.
	if _, err := library.CheckInput(opt.path); err != nil {
		return err
	}
	// Ctrl-C or SIGTERM cancels the extraction and kills the child (it
	// runs in its own process group, so the terminal's signal does not
	// reach it).
	ctx, stop := interruptible()
	defer stop()
	doc, err := pdfextract.NewIsolated().Extract(ctx, opt.path, appraise.ExtractOptions{Password: opt.password})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	if opt.format == "json" {
		err = writeExtractJSON(w, opt.path, doc)
	} else {
		err = writeExtractText(w, doc)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return fmt.Errorf("write the extraction of %s: %w", opt.path, err)
	}
	return nil
}

// writeExtractText writes each block's text, blocks separated by a blank
// line: headings and captions stand on their own lines; running headers,
// footers and page numbers were never blocks.
func writeExtractText(w io.Writer, doc appraise.Document) error {
	text := []rune(doc.Text)
	var b strings.Builder
	for i, bl := range doc.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.TrimSpace(span(text, bl.Start, bl.End)))
	}
	if len(doc.Blocks) > 0 {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// extractJSON is the JSON form of an extraction: the Document's fields in
// a fixed order, with each block's and passage's text added.
type extractJSON struct {
	File             string            `json:"file"`
	ExtractorVersion string            `json:"extractor_version"`
	Meta             appraise.Metadata `json:"meta"`
	Pages            []appraise.Page   `json:"pages"`
	Blocks           []blockJSON       `json:"blocks"`
	Passages         []passageJSON     `json:"passages"`
	Text             string            `json:"text"`
}

type blockJSON struct {
	appraise.Block
	Text string `json:"text"`
}

type passageJSON struct {
	appraise.Passage
	Text string `json:"text"`
}

func writeExtractJSON(w io.Writer, path string, doc appraise.Document) error {
	text := []rune(doc.Text)
	out := extractJSON{
		File:             path,
		ExtractorVersion: doc.ExtractorVersion,
		Meta:             doc.Meta,
		Pages:            doc.Pages,
		Blocks:           make([]blockJSON, len(doc.Blocks)),
		Passages:         make([]passageJSON, len(doc.Passages)),
		Text:             doc.Text,
	}
	if out.Pages == nil {
		out.Pages = []appraise.Page{}
	}
	for i, b := range doc.Blocks {
		out.Blocks[i] = blockJSON{Block: b, Text: span(text, b.Start, b.End)}
	}
	for i, p := range doc.Passages {
		out.Passages[i] = passageJSON{Passage: p, Text: span(text, p.Start, p.End)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// span returns text[start:end] in code points, clamped to the text.
func span(text []rune, start, end int) string {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if end < start {
		return ""
	}
	return string(text[start:end])
}

// runExtractChildIfAsked runs the extraction child process when this binary
// was re-executed for one (see pdfextract.ChildMain); run calls it first.
func runExtractChildIfAsked(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, bool) {
	return pdfextract.ChildMain(args, stdin, stdout, stderr)
}
