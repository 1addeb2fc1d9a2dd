package pdfextract

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// The library's Value.Reader makes a new zlib reader for every stream it
// decodes, a 32 KiB window allocated (and later collected) each time: for
// a paper's few dozen content, font and CMap streams that is megabytes of
// garbage, and in the short-lived child each fresh page of it costs a page
// fault. For the common case — an unencrypted file, a plain /FlateDecode
// stream — the document's one zlib reader is reset over the very bytes the
// library would read instead. Same bytes, same inflater: the same data and
// the same errors. Anything else goes to the library.

// inflater is the document's reusable zlib reader and its source.
type inflater struct {
	src bytes.Reader
	zr  io.ReadCloser // implements zlib.Resetter; nil until first used
}

// streamReader returns a reader of stream v's decoded data: the reused
// inflater when plainFlate allows, else the library's.
func (dc *docCache) streamReader(v pdf.Value) io.ReadCloser {
	if raw, ok := dc.plainFlate(v); ok {
		dc.inflate.src.Reset(raw)
		if dc.inflate.zr == nil {
			if zr, err := zlib.NewReader(&dc.inflate.src); err == nil {
				dc.inflate.zr = zr
				return zr
			}
		} else if err := dc.inflate.zr.(zlib.Resetter).Reset(&dc.inflate.src, nil); err == nil {
			return dc.inflate.zr
		}
		// A bad zlib header: the library reports it its own way.
	}
	return v.Reader()
}

// plainFlate returns the raw bytes of stream v when the file is not
// encrypted and v's only filter is FlateDecode without parameters: the
// bytes the library's Reader reads, /Length of them from the stream's
// offset, cut at the end of the file. It reads v's entries in the
// library's order (/Length, /Filter, /DecodeParms), so an entry that
// fails to resolve fails as it would there.
func (dc *docCache) plainFlate(v pdf.Value) ([]byte, bool) {
	if dc.raw == nil || v.Kind() != pdf.Stream {
		return nil, false
	}
	n := v.Key("Length").Int64()
	if n <= 0 {
		return nil, false // the library's own handling of empty streams
	}
	if f := v.Key("Filter"); f.Kind() != pdf.Name || f.Name() != "FlateDecode" {
		return nil, false
	}
	if v.Key("DecodeParms").Kind() != pdf.Null {
		return nil, false
	}
	off, ok := streamOffset(v)
	if !ok || off >= int64(len(dc.raw)) {
		return nil, false
	}
	return dc.raw[off:min(off+n, int64(len(dc.raw)))], true
}

// streamOffset is the offset of stream v's data in the file, which the
// library prints after its dictionary ("<<…>>@1234").
func streamOffset(v pdf.Value) (int64, bool) {
	s := v.String()
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return 0, false
	}
	off, err := strconv.ParseInt(s[at+1:], 10, 64)
	return off, err == nil && off >= 0
}
