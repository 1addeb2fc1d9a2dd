package main

import (
	"fmt"

	"appraise.app/appraise/pdfextract"
)

// version is the app version; the Makefile sets it from FyneApp.toml with
// -ldflags "-X main.version=…", and a test keeps the default in step.
var version = "0.1.0"

func runVersion(e *env, args []string) error {
	if len(args) > 0 {
		return usageErrorf("version takes no arguments")
	}
	fmt.Fprintf(e.stdout, "appraise %s\nextractor %s\n", version, pdfextract.Version)
	return nil
}
