// Command appraise is the Appraise desktop app and its scripting CLI.
//
// With no arguments it opens the GUI; with a PDF path it opens the GUI on
// that file, with a .jsonld bundle it opens the GUI and imports it; otherwise the first argument names a subcommand (see
// "appraise help"). This package only wires: it parses flags, picks the
// library file, builds the real library and hands it to the GUI or a
// subcommand. It is the one place that imports every adapter.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"appraise.app/appraise/internal/termsafe"

	// Before Fyne initialises: see the package doc.
	_ "appraise.app/appraise/internal/locale"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without process exit, so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := runExtractChildIfAsked(args, stdin, stdout, stderr); ok {
		return code
	}
	if code, ok := runRenderWorkerIfAsked(args, stdin, stdout, stderr); ok {
		return code
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	defer e.closeRenderer()
	rest, err := e.parseGlobal(args)
	if errors.Is(err, flag.ErrHelp) {
		writeUsage(e.stdout)
		return exitOK
	}
	if err != nil {
		return e.fail(err)
	}
	if len(rest) == 0 || isPDFArg(rest[0]) || isBundleArg(rest[0]) {
		return e.fail(e.runGUI(rest))
	}
	c, ok := lookup(rest[0])
	if !ok {
		return e.fail(usageErrorf("unknown command %q", rest[0]))
	}
	e.cmd = c
	if wantsHelp(rest[1:]) {
		writeCommandUsage(e.stdout, c)
		return exitOK
	}
	return e.fail(c.run(e, rest[1:]))
}

// fail turns an error into a message on stderr and an exit code.
func (e *env) fail(err error) int {
	if err == nil {
		return 0
	}
	code := exitCode(err)
	if p, ok := err.(plainError); ok {
		fmt.Fprintln(e.stderr, p)
		return code
	}
	// An error may quote what the user gave or stored (a quote, a file
	// name): shown with its control characters escaped.
	fmt.Fprintf(e.stderr, "appraise: %s\n", termsafe.Escape(err.Error()))
	if code == exitUsage {
		if e.cmd != nil {
			fmt.Fprintf(e.stderr, "\nusage: appraise %s\n", e.cmd.usage)
		} else {
			fmt.Fprintln(e.stderr)
			writeUsage(e.stderr)
		}
	}
	return code
}
