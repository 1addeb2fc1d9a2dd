package pdfextract

import (
	"errors"
	"fmt"
	"io"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/appraise"
)

// docCache holds what is parsed once per document: fonts, CMaps, built-in
// encodings, resource wrappers and Form XObjects. Keys are the objects'
// serialised forms (see fontOf). It is used by one goroutine.
type docCache struct {
	fonts          map[string]*font
	cmaps          map[string]*cmap
	type1Encodings map[string]*encoding
	resources      map[string]*resources
	forms          map[string]*form
	formBytes      int
	fallback       *font
}

func newDocCache() *docCache {
	return &docCache{
		fonts:          map[string]*font{},
		cmaps:          map[string]*cmap{},
		type1Encodings: map[string]*encoding{},
		resources:      map[string]*resources{},
		forms:          map[string]*form{},
	}
}

// readStream returns a stream's decoded data, at most limit bytes. Over
// the limit it returns the first limit bytes and an error wrapping
// appraise.ErrTooLarge. A decoding error (a truncated or corrupt stream, a
// filter the library lacks, a library panic) returns what was decoded
// before it, with the error.
func (dc *docCache) readStream(v pdf.Value, limit int64) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read stream: %v", r)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], fmt.Errorf("stream inflates past %d MiB: %w", limit>>20, appraise.ErrTooLarge)
	}
	if err != nil {
		return data, fmt.Errorf("read stream: %w", err)
	}
	return data, nil
}

func isTooLarge(err error) bool { return errors.Is(err, appraise.ErrTooLarge) }
