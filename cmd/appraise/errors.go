package main

import (
	"errors"
	"fmt"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // anything else: I/O, library file, …
	exitUsage = 2 // unknown command or flag, missing argument
	exitTyped = 3 // the input could not be used: a typed extraction or quote error
)

// plainError is a whole sentence for people, printed as it is (with no
// "appraise:" before it); it exits 1.
type plainError string

func (p plainError) Error() string { return string(p) }

// usageError is a mistake in how appraise was called.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usageErrorf(format string, a ...any) error {
	return usageError{fmt.Sprintf(format, a...)}
}

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u):
		return exitUsage
	case isTyped(err):
		return exitTyped
	default:
		return exitError
	}
}

// isTyped reports errors about the input the user gave, as opposed to
// failures of Appraise or the machine.
func isTyped(err error) bool {
	for _, t := range append(append(appraise.ExtractionErrors(), appraise.InputFileErrors()...), appraise.RenderErrors()...) {
		if errors.Is(err, t) {
			return true
		}
	}
	for _, t := range []error{appraise.ErrQuoteNotFound, appraise.ErrQuoteAmbiguous,
		appraise.ErrEmptyQuote, appraise.ErrInvalidTag, appraise.ErrNotFound,
		appraise.ErrInvalidAppraisal, appraise.ErrInvalidLink, appraise.ErrInvalidChecklist, export.ErrNoChecklist,
		export.ErrInvalidJSONLD, appraise.ErrAnnotationElsewhere} {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
