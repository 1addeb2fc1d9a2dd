package pdfextract

import (
	"errors"

	"appraise.app/appraise/internal/appraise"
)

// ExtractError is how an isolated extraction reports a PDF that gave no
// text: the file's name, the typed error from internal/appraise (errors.Is
// works through Unwrap) and, for logs only, what the child process said.
// Its message is the file name and the typed error's sentence, never a
// stack trace.
type ExtractError struct {
	Name   string // file name as given to the extractor
	Kind   error  // one of appraise.ExtractionErrors()
	Detail string // diagnostic detail for developers; not for users
}

func (e *ExtractError) Error() string { return e.Name + ": " + e.Kind.Error() }

// Unwrap returns the typed error.
func (e *ExtractError) Unwrap() error { return e.Kind }

// kindCodes names each typed extraction error on the wire between the
// child process and its parent. The names are part of the protocol only:
// a parent and child are always the same binary.
func kindCodes() []struct {
	code string
	err  error
} {
	return []struct {
		code string
		err  error
	}{
		{"needs-password", appraise.ErrNeedsPassword},
		{"wrong-password", appraise.ErrWrongPassword},
		{"unsupported-encryption", appraise.ErrUnsupportedEncryption},
		{"no-text-layer", appraise.ErrNoTextLayer},
		{"not-pdf", appraise.ErrNotPDF},
		{"damaged", appraise.ErrDamaged},
		{"timeout", appraise.ErrExtractTimeout},
		{"too-large", appraise.ErrTooLarge},
		{"cancelled", appraise.ErrExtractionCancelled},
	}
}

// codeOf returns the wire code of err's typed extraction error; an error
// of no known kind is reported as damaged (the extractor failed on this
// file in a way it did not classify).
func codeOf(err error) string {
	for _, k := range kindCodes() {
		if errors.Is(err, k.err) {
			return k.code
		}
	}
	return "damaged"
}

// kindOf maps a wire code back to its typed error; unknown codes are
// treated as damaged.
func kindOf(code string) error {
	for _, k := range kindCodes() {
		if k.code == code {
			return k.err
		}
	}
	return appraise.ErrDamaged
}
