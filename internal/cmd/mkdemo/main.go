// Command mkdemo writes Appraise's demo paper and its ground truth:
//
//	go run ./internal/cmd/mkdemo -pdf assets/demo.pdf -truth assets/demo.truth.txt
//
// It is run by `go generate ./assets`. Both files are written atomically
// (temporary file, fsync, rename) and are byte-identical on every run. It
// imports internal/demopaper and internal/atomicfile only; no Fyne, bbolt or
// PDF-reading library.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/demopaper"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mkdemo:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("mkdemo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pdfPath := fs.String("pdf", "demo.pdf", "where to write the demo paper")
	truthPath := fs.String("truth", "demo.truth.txt", "where to write its reading-order truth text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	pdf, truth, err := demopaper.Generate()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(*pdfPath, 0o644, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}); err != nil {
		return err
	}
	return atomicfile.Write(*truthPath, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, truth)
		return err
	})
}
