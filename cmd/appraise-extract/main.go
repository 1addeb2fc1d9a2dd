// Command appraise-extract is Appraise's extraction process: the app runs
// it, one process per PDF, under a time limit and a memory cap (see
// pdfextract.Isolated). It links the extractor and nothing else, so it
// starts in a few milliseconds, where re-executing the whole app would
// first initialise the GUI toolkit, the spreadsheet writer and the page
// renderer. Installed beside the appraise binary; without it the app
// re-executes itself, with the same results, only slower.
package main

import (
	"fmt"
	"os"

	"appraise.app/appraise/pdfextract"
)

func main() {
	if code, ok := pdfextract.ChildMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	fmt.Fprintf(os.Stderr, "appraise-extract is the extraction process Appraise %s starts for each PDF; run appraise instead.\n", pdfextract.Version)
	os.Exit(2)
}
