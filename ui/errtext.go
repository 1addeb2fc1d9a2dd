package ui

import (
	"context"
	"errors"

	"appraise.app/appraise/internal/appraise"
)

// sentence turns an error into what the GUI tells a person: the sentence
// of the typed error it wraps (each one is written for people), or its
// whole text when it is of no known kind.
func sentence(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		err = appraise.ErrExtractionCancelled
	}
	for _, kind := range knownErrors() {
		if errors.Is(err, kind) {
			return upperFirst(kind.Error()) + "."
		}
	}
	return upperFirst(err.Error())
}

func knownErrors() []error {
	return append(appraise.ExtractionErrors(),
		appraise.ErrLibraryLocked, appraise.ErrLibraryDamaged, appraise.ErrNotFound,
		appraise.ErrInvalidTag, appraise.ErrEmptyQuote, appraise.ErrQuoteNotFound, appraise.ErrQuoteAmbiguous)
}

// needsPassword reports whether opening failed for want of the right
// password, so asking for one could help.
func needsPassword(err error) bool {
	return errors.Is(err, appraise.ErrNeedsPassword) || errors.Is(err, appraise.ErrWrongPassword)
}

// cancelled reports whether the user cancelled the work that failed.
func cancelled(err error) bool {
	return errors.Is(err, appraise.ErrExtractionCancelled) || errors.Is(err, context.Canceled)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
