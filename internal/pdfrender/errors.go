package pdfrender

import (
	"errors"
	"strconv"

	"appraise.app/appraise/internal/appraise"
)

// RenderError is how the renderer reports a page it could not draw or a
// PDF it could not annotate: the file's name, the page (0 for the whole
// file), the typed error from internal/appraise (errors.Is works through
// Unwrap) and, for logs only, what the worker said.
type RenderError struct {
	Name   string
	Page   int
	Kind   error
	Detail string // diagnostic detail for developers; not for users
}

func (e *RenderError) Error() string {
	if e.Page > 0 {
		return e.Name + ", page " + strconv.Itoa(e.Page) + ": " + e.Kind.Error()
	}
	return e.Name + ": " + e.Kind.Error()
}

// Unwrap returns the typed error.
func (e *RenderError) Unwrap() error { return e.Kind }

// errTooBig marks a page too large to draw within the limits.
var errTooBig = appraise.ErrRenderTooLarge

// wireKinds are the typed errors that cross the worker's pipe, by message.
func wireKinds() []error {
	return append(append(appraise.RenderErrors(), appraise.ExtractionErrors()...),
		appraise.ErrNotFound, appraise.ErrFileTooLarge, appraise.ErrNoSuchFile, appraise.ErrFileUnreadable)
}

// codeOf names err's typed error on the wire; an unknown error is a page
// that could not be drawn.
func codeOf(err error) string {
	for _, k := range wireKinds() {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	return appraise.ErrPageNotDrawn.Error()
}

// kindOf maps a wire code back to its typed error.
func kindOf(code string) error {
	for _, k := range wireKinds() {
		if k.Error() == code {
			return k
		}
	}
	return appraise.ErrPageNotDrawn
}
