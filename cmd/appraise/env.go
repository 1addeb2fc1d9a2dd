package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/pdfrender"
)

// env is what every subcommand gets: the standard streams and the global
// options.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	dbPath         string // as given by --db or APPRAISE_DB; empty means default
	cmd            *command
	renderer       *pdfrender.Isolated // started on first use; see pageRenderer
}

// parseGlobal reads the global flags that come before the subcommand.
func (e *env) parseGlobal(args []string) ([]string, error) {
	fs := flag.NewFlagSet("appraise", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.dbPath, "db", "", "library file")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageErrorf("%v", err)
	}
	if e.dbPath == "" {
		e.dbPath = e.getenv("APPRAISE_DB")
	}
	return fs.Args(), nil
}

// libraryPath returns the library file to use and makes sure its folder can
// hold it. A folder the user named must already exist and be writable:
// Appraise creates only its own default folder.
func (e *env) libraryPath() (string, error) {
	if e.dbPath != "" {
		p, err := filepath.Abs(e.dbPath)
		if err != nil {
			return "", fmt.Errorf("library path %s: %w", e.dbPath, err)
		}
		if err := checkWritableDir(filepath.Dir(p)); err != nil {
			return "", err
		}
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w (use --db PATH)", err)
	}
	dir = filepath.Join(dir, "Appraise")
	if _, err := os.Stat(dir); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("create %s: %w", dir, err)
		}
		// The new folder must survive a crash with the library made in it.
		if err := atomicfile.SyncDir(filepath.Dir(dir)); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "library.db"), nil
}

// checkWritableDir reports, in one sentence, why dir cannot hold a library.
func checkWritableDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("the library folder %s does not exist", dir)
	}
	if !st.IsDir() {
		return fmt.Errorf("the library folder %s is not a folder", dir)
	}
	f, err := os.CreateTemp(dir, ".appraise-probe-*")
	if err != nil {
		return fmt.Errorf("the library folder %s is not writable", dir)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// isPDFArg reports whether a first argument names a file for the GUI
// rather than a subcommand.
func isPDFArg(a string) bool {
	return strings.HasSuffix(strings.ToLower(a), ".pdf")
}
