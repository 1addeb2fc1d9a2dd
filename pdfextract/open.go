package pdfextract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/appraise"
)

// Opening: normalise what the library refuses but viewers accept, open,
// and rebuild the cross-reference table by scanning when that fails.

// headerWindow is how far into the file the %PDF- header may start.
const headerWindow = 1024

// normalize returns data as the library wants it: "%PDF-1.x" plus an end
// of line at offset 0, nothing after the last %%EOF. The input is not
// modified; a copy is made only when something changes. shifted reports
// that byte offsets moved (the xref must then be rebuilt).
func normalize(data []byte) (out []byte, shifted bool, err error) {
	i := bytes.Index(data[:min(len(data), headerWindow)], []byte("%PDF-"))
	if i < 0 {
		return nil, false, fmt.Errorf("no %%PDF- header in the first %d bytes: %w", headerWindow, appraise.ErrNotPDF)
	}
	d := data[i:]
	headerOK := len(d) >= 9 && d[5] == '1' && d[6] == '.' && d[7] >= '0' && d[7] <= '7' && (d[8] == '\r' || d[8] == '\n')
	end := len(d)
	if j := bytes.LastIndex(d, []byte("%%EOF")); j >= 0 {
		end = j + len("%%EOF")
		for end < len(d) && (d[end] == '\r' || d[end] == '\n') {
			end++
		}
	}
	if headerOK && end == len(d) {
		return d, false, nil
	}
	lineEnd := bytes.IndexAny(d[:min(len(d), 256)], "\r\n")
	if lineEnd >= 8 {
		out = bytes.Clone(d[:end])
		copy(out, "%PDF-1.7")
		if lineEnd > 8 {
			out[8] = '\n' // the rest of the header line becomes a line of its own
		}
		return out, false, nil
	}
	// A header line too short to rewrite in place: write a new one.
	out = append([]byte("%PDF-1.7\n"), d[min(max(lineEnd, 0), end):end]...)
	return out, true, nil
}

// document is an opened PDF.
type document struct {
	r        *pdf.Reader
	data     []byte // what r reads
	repaired bool
}

// openDocument opens data. An encrypted file is decrypted first, with the
// empty user password or else password. It repairs the cross-reference
// table when the file does not open or its page tree cannot be reached.
func openDocument(data []byte, password string) (*document, error) {
	norm, shifted, err := normalize(data)
	if err != nil {
		return nil, err
	}
	plain, decrypted, err := decryptDocument(norm, password)
	if err != nil {
		return nil, err
	}
	if decrypted {
		// The copy has a fresh cross-reference stream of its own.
		if r, err := newReader(plain); err == nil && usable(r) {
			return &document{r: r, data: plain}, nil
		}
		return repairDocument(plain)
	}
	if !shifted && xrefChainEnds(norm) && !objStmExtendsCycle(norm) && !xrefClaimsTooMany(norm) {
		r, err := newReader(norm)
		if err != nil {
			if errors.Is(err, pdf.ErrInvalidPassword) {
				return nil, unreadableEncryption()
			}
		} else if usable(r) {
			if encrypted(r) {
				return nil, unreadableEncryption()
			}
			return &document{r: r, data: norm}, nil
		}
	}
	return repairDocument(norm)
}

// unreadableEncryption is the error for a file the library finds
// encrypted where no encryption dictionary could be read.
func unreadableEncryption() error {
	return fmt.Errorf("encryption dictionary not found: %w", appraise.ErrUnsupportedEncryption)
}

// maxXrefSections bounds the /Prev chain walked by xrefChainEnds.
const maxXrefSections = 256

// xrefChainEnds follows startxref and the /Prev chain of cross-reference
// sections and reports whether it ends. The library follows /Prev without
// remembering where it has been, so a cycle would hang it; such a file is
// repaired instead. A chain this function cannot follow is left to the
// library, which fails on it without looping.
func xrefChainEnds(data []byte) bool {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return true
	}
	t := newLexer(tail[i+len("startxref"):]).next()
	if t.kind != tNum {
		return true
	}
	seen := map[int]bool{}
	for off := int(t.num); len(seen) < maxXrefSections; {
		if off < 0 || off >= len(data) {
			return true
		}
		if seen[off] {
			return false
		}
		seen[off] = true
		prev := sectionTrailer(data, off).key("Prev")
		if prev.kind != tNum {
			return true
		}
		off = int(prev.num)
	}
	return false
}

// objStmExtendsCycle reports whether object streams extend one another in a
// cycle. The library follows /Extends when an object is not where the
// cross-reference table says, without remembering where it has been; a
// file with such a cycle is read through a rebuilt table instead, which
// sends every object to the stream that holds it.
func objStmExtendsCycle(data []byte) bool {
	const key = "/Extends"
	next := map[int]int{}
	for i := 0; len(next) < 1<<16; {
		j := bytes.Index(data[i:], []byte(key))
		if j < 0 {
			break
		}
		at := i + j
		i = at + len(key)
		target := parseRaw(newLexer(data[i:min(len(data), i+64)]), 0)
		if !target.isRef() {
			continue
		}
		if num, ok := enclosingObject(data, at); ok {
			next[num] = target.ref[0]
		}
	}
	// Each stream is walked once: a walk stops at a stream an earlier walk
	// cleared, and meeting its own path again is a cycle.
	const onPath, cleared = 1, 2
	state := make(map[int]uint8, len(next))
	var path []int
	for start := range next {
		path = path[:0]
		for n, ok := start, true; ok && state[n] != cleared; n, ok = next[n] {
			if state[n] == onPath {
				return true
			}
			state[n] = onPath
			path = append(path, n)
		}
		for _, n := range path {
			state[n] = cleared
		}
	}
	return false
}

// enclosingObject returns the number of the object whose definition
// contains position at ("N G obj" before it).
func enclosingObject(data []byte, at int) (int, bool) {
	end := at
	for tries := 0; tries < 64 && end > 0; tries++ {
		i := bytes.LastIndex(data[max(0, end-4096):end], []byte("obj"))
		if i < 0 {
			return 0, false
		}
		i += max(0, end-4096)
		if num, _, _, ok := numbersBefore(data, i); ok {
			return num, true
		}
		end = i
	}
	return 0, false
}

// sectionTrailer returns the trailer dictionary of the cross-reference
// section at off: the dictionary after "trailer" for a table, the stream
// dictionary for a cross-reference stream.
func sectionTrailer(data []byte, off int) rawObj {
	lx := newLexer(data[off:])
	t := lx.next()
	if t.kind == tOp && string(t.b) == "xref" {
		j := bytes.Index(data[off:], []byte("trailer"))
		if j < 0 {
			return rawObj{}
		}
		return parseRaw(newLexer(data[off+j+len("trailer"):]), 0)
	}
	if o, ok := objectAt(data, off); ok {
		return o
	}
	return rawObj{}
}

// repairDocument rebuilds the cross-reference table and opens the result.
func repairDocument(norm []byte) (*document, error) {
	fixed, err := rebuildXref(norm)
	if err != nil {
		return nil, err
	}
	r, err := newReader(fixed)
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return nil, unreadableEncryption()
		}
		return nil, fmt.Errorf("open repaired file: %v: %w", err, appraise.ErrDamaged)
	}
	if !usable(r) {
		return nil, fmt.Errorf("no page tree after repair: %w", appraise.ErrDamaged)
	}
	return &document{r: r, data: fixed, repaired: true}, nil
}

// newReader calls the library, turning its panics into errors. Encrypted
// files reach it decrypted; one it still finds encrypted fails with
// pdf.ErrInvalidPassword.
func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("pdf library: %v", p)
		}
	}()
	return pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), func() string { return "" })
}

// encrypted reports whether the trailer names an encryption dictionary.
func encrypted(r *pdf.Reader) (yes bool) {
	defer func() {
		if recover() != nil {
			yes = true
		}
	}()
	return r.Trailer().Key("Encrypt").Kind() != pdf.Null
}

// usable reports whether the catalog and the root of the page tree can be
// read.
func usable(r *pdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	pages := r.Trailer().Key("Root").Key("Pages")
	return pages.Kind() == pdf.Dict && (pages.Key("Kids").Kind() == pdf.Array || pages.Key("Type").Name() == "Page")
}

// libraryPanic describes a recovered panic value.
func libraryPanic(p any) string {
	s := fmt.Sprint(p)
	return strings.TrimPrefix(s, "malformed PDF: ")
}
