package main

import "io"

func runExtract(e *env, args []string) error {
	return errNotBuilt
}

// runExtractChildIfAsked runs the extraction child process when this binary
// was re-executed for one.
func runExtractChildIfAsked(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, bool) {
	return 0, false
}
