package pdfextract

import (
	"errors"

	"appraise.app/appraise/internal/appraise"
)

// ExtractError is how an isolated extraction reports a PDF that gave no
// text: the file's name, the typed error from internal/appraise (errors.Is
// works through Unwrap) and, for logs only, what the child process said.
// Its message names the file once ("open notes.pdf: this file is not a
// PDF"), never with a stack trace.
type ExtractError struct {
	Name   string // file name as given to the extractor
	Kind   error  // one of appraise.ExtractionErrors()
	Detail string // diagnostic detail for developers; not for users
}

func (e *ExtractError) Error() string { return "open " + e.Name + ": " + e.Kind.Error() }

// Unwrap returns the typed error.
func (e *ExtractError) Unwrap() error { return e.Kind }

// codeOf names err's typed extraction error on the wire between the child
// process and its parent: the sentinel's own message (a parent and child
// are always the same binary, so they share appraise.ExtractionErrors). An
// error of no known kind is reported as damaged (the extractor failed on
// this file in a way it did not classify).
func codeOf(err error) string {
	for _, k := range appraise.ExtractionErrors() {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	return appraise.ErrDamaged.Error()
}

// kindOf maps a wire code back to its typed error; unknown codes are
// treated as damaged.
func kindOf(code string) error {
	for _, k := range appraise.ExtractionErrors() {
		if k.Error() == code {
			return k
		}
	}
	return appraise.ErrDamaged
}
