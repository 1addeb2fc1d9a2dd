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
	fontsByRef     map[string]*font // "N G R" → font, see resources
	cmaps          map[string]*cmap
	type1Encodings map[string]*encoding
	resources      map[string]*resources
	forms          map[string]*form
	formBytes      int
	fallback       *font
	content        []byte  // page content, reused from page to page
	raw            []byte  // the file, for streams the library cannot decode; nil when encrypted
	glyphs         []Glyph // the page being interpreted, reused from page to page
	inflate        inflater
}

func newDocCache() *docCache {
	return &docCache{
		fonts:          map[string]*font{},
		fontsByRef:     map[string]*font{},
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
func (dc *docCache) readStream(v pdf.Value, limit int64) ([]byte, error) {
	return dc.readStreamInto(v, limit, nil)
}

// readStreamInto is readStream appending to buf[:0], so a caller can
// reuse one buffer for data it does not keep. When the library cannot
// decode the stream at all (a filter or predictor it lacks) and the file
// is not encrypted, the raw bytes are decoded by interp_filters.go.
func (dc *docCache) readStreamInto(v pdf.Value, limit int64, buf []byte) ([]byte, error) {
	data, err := dc.libraryStream(v, limit, buf)
	if err == nil || len(data) > 0 || dc.raw == nil || isTooLarge(err) {
		return data, err
	}
	raw, ok := rawStreamData(dc.raw, v)
	if !ok {
		return data, err
	}
	decoded, derr := decodeFilters(raw, v, limit+1)
	if int64(len(decoded)) > limit {
		return decoded[:limit], fmt.Errorf("stream inflates past %d MiB: %w", limit>>20, appraise.ErrTooLarge)
	}
	if derr != nil && len(decoded) == 0 {
		return data, err
	}
	return decoded, derr
}

// libraryStream reads a stream through the library's decoders (or the
// document's inflater, which gives the same, see interp_flate.go).
func (dc *docCache) libraryStream(v pdf.Value, limit int64, buf []byte) (data []byte, err error) {
	data = buf[:0]
	stored := int64(-1) // the stream's /Length, read when first needed
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read stream: %v", r)
		}
	}()
	rc := dc.streamReader(v)
	defer rc.Close()
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, rerr := rc.Read(data[len(data):min(cap(data), int(limit)+1)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return data[:limit], fmt.Errorf("stream inflates past %d MiB: %w", limit>>20, appraise.ErrTooLarge)
		}
		if len(data) > bombCheckBytes {
			// Real streams compress a few times over; a stream that grows
			// hundreds of times its stored size is a decompression bomb:
			// stop before holding the full limit in memory.
			if stored < 0 {
				stored = v.Key("Length").Int64()
			}
			if stored > 0 && int64(len(data)) > maxInflateRatio*stored {
				return data, fmt.Errorf("stream inflates over %d times its size: %w", maxInflateRatio, appraise.ErrTooLarge)
			}
		}
		if rerr == io.EOF {
			return data, nil
		}
		if rerr != nil {
			return data, fmt.Errorf("read stream: %w", rerr)
		}
	}
}

// Decompression-bomb guard of readStreamInto: past bombCheckBytes, a
// stream inflated more than maxInflateRatio times its stored length is
// refused.
const (
	bombCheckBytes  = 16 << 20
	maxInflateRatio = 256
)

func isTooLarge(err error) bool { return errors.Is(err, appraise.ErrTooLarge) }
