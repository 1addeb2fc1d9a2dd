package pdfextract

import (
	"bytes"
	"fmt"

	"appraise.app/appraise/internal/appraise"
)

// Decrypting a whole file: the library reads only some revisions of the
// standard security handler, and some of those wrongly, so Appraise
// decrypts every encrypted file itself. Each object found by scanning is
// written again with its strings and stream data decrypted, followed by a
// fresh cross-reference stream and a trailer without /Encrypt; the library
// then reads the copy as an unencrypted file.

// decryptDocument returns data decrypted with the empty user password or
// else password (as the user or the owner password). encrypted is false,
// and data is returned as it is, when the file names no encryption
// dictionary.
func decryptDocument(data []byte, password string) (plain []byte, encrypted bool, err error) {
	if _, ok := encryptDict(data); !ok {
		return data, false, nil // the cheap check: no /Encrypt anywhere
	}
	trailer := map[string]rawObj{}
	for _, t := range trailerDicts(data) {
		mergeTrailer(trailer, t)
	}
	defs := scanObjects(data)
	latest := make(map[int]int, len(defs)) // object number → offset of its last definition
	for _, d := range defs {
		latest[d.num] = d.off
		if o, ok := objectAt(data, d.off); ok && o.key("Type").s == "XRef" {
			mergeTrailer(trailer, o)
		}
	}
	var enc rawObj
	switch e := trailer["Encrypt"]; {
	case e.kind == tDictOpen:
		enc = e
	case e.isRef():
		if off, ok := latest[e.ref[0]]; ok {
			enc, _ = objectAt(data, off)
		}
		if enc.kind != tDictOpen {
			return nil, true, fmt.Errorf("the encryption dictionary %d %d R is missing: %w", e.ref[0], e.ref[1], appraise.ErrDamaged)
		}
	default:
		return data, false, nil // "/Encrypt" in some text, not in a trailer
	}
	var id0 []byte
	if ids := trailer["ID"]; len(ids.arr) > 0 {
		id0 = []byte(ids.arr[0].s)
	}
	sp, err := readSecParams(enc, id0)
	if err != nil {
		return nil, true, err
	}
	sec, ok := sp.unlock("")
	if !ok && password != "" {
		sec, ok = sp.unlock(password)
	}
	if !ok {
		if password == "" {
			return nil, true, fmt.Errorf("open: %w", appraise.ErrNeedsPassword)
		}
		return nil, true, fmt.Errorf("open: %w", appraise.ErrWrongPassword)
	}
	encRef := trailer["Encrypt"]
	delete(trailer, "Encrypt")
	w := decryptWriter{data: data, sec: sec, latest: latest, table: map[int]xrefEntry{}}
	w.out = append(make([]byte, 0, len(data)+1024), "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	skipUntil := 0
	for _, d := range defs {
		if d.off < skipUntil || latest[d.num] != d.off {
			continue // inside the data of a stream, or superseded
		}
		if encRef.isRef() && encRef.ref[0] == d.num {
			continue
		}
		if end := w.object(d); end > 0 {
			skipUntil = end
		}
	}
	w.objectStreams()
	if root := trailer["Root"]; !root.isRef() {
		if !w.catalog.isRef() {
			return nil, true, fmt.Errorf("no document catalog found: %w", appraise.ErrDamaged)
		}
		trailer["Root"] = w.catalog
	}
	return appendXrefStream(w.out, w.table, trailer), true, nil
}

// decryptWriter writes the decrypted copy of a file.
type decryptWriter struct {
	data    []byte
	sec     *security
	latest  map[int]int
	out     []byte
	table   map[int]xrefEntry
	objStms []objDef // object streams in the copy (off is the new offset), with their old offsets
	oldOffs []int
	catalog rawObj
}

// object writes the object defined at d decrypted, and returns the end of
// its stream data in the original file (0 when it is not a stream).
func (w *decryptWriter) object(d objDef) int {
	obj, ok := objectAt(w.data, d.off)
	if !ok {
		return 0
	}
	typ := obj.key("Type").s
	if typ == "XRef" {
		return w.streamEnd(d.off, obj) // read into the trailer already; never encrypted
	}
	if typ == "Catalog" {
		w.catalog = rawObj{kind: tOp, ref: [2]int{d.num, d.gen}}
	}
	obj = w.strings(obj, d, 0)
	at := len(w.out)
	w.table[d.num] = xrefEntry{kind: 1, off: at, gen: d.gen, source: d.off}
	start, end, isStream := w.streamRange(d.off, obj)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d %d obj\n", d.num, d.gen)
	if !isStream {
		writeRaw(&b, obj, 0)
		b.WriteString("\nendobj\n")
		w.out = append(w.out, b.Bytes()...)
		return 0
	}
	content := w.streamContent(d, obj, w.data[start:end])
	delete(obj.dict, "Length")
	obj.dict["Length"] = rawObj{kind: tNum, num: float64(len(content))}
	writeRaw(&b, obj, 0)
	b.WriteString("\nstream\n")
	w.out = append(w.out, b.Bytes()...)
	w.out = append(w.out, content...)
	w.out = append(w.out, "\nendstream\nendobj\n"...)
	if typ == "ObjStm" {
		w.objStms = append(w.objStms, objDef{num: d.num, gen: d.gen, off: at})
		w.oldOffs = append(w.oldOffs, d.off)
	}
	return end
}

// streamContent decrypts one stream's data, dropping a /Crypt filter
// from its filter list.
func (w *decryptWriter) streamContent(d objDef, obj rawObj, raw []byte) []byte {
	method := w.sec.streams
	if obj.key("Type").s == "Metadata" && !w.sec.encryptMeta {
		method = cryptNone
	}
	if f := obj.key("Filter"); f.kind == tArrOpen && len(f.arr) > 0 && f.arr[0].s == "Crypt" ||
		f.kind == tName && f.s == "Crypt" {
		parms := obj.key("DecodeParms")
		first := parms
		if parms.kind == tArrOpen && len(parms.arr) > 0 {
			first = parms.arr[0]
		}
		if name := first.key("Name").s; name == "" || name == "Identity" {
			method = cryptNone
		}
		if f.kind == tName {
			delete(obj.dict, "Filter")
			delete(obj.dict, "DecodeParms")
		} else {
			obj.dict["Filter"] = rawObj{kind: tArrOpen, arr: f.arr[1:]}
			if parms.kind == tArrOpen && len(parms.arr) > 0 {
				obj.dict["DecodeParms"] = rawObj{kind: tArrOpen, arr: parms.arr[1:]}
			}
		}
	}
	return w.sec.decrypt(d.num, d.gen, method, raw)
}

// strings returns o with its strings decrypted (a copy where they change).
func (w *decryptWriter) strings(o rawObj, d objDef, depth int) rawObj {
	if depth > maxRawDepth {
		return o
	}
	switch o.kind {
	case tStr:
		o.s = string(w.sec.decrypt(d.num, d.gen, w.sec.strings, []byte(o.s)))
	case tArrOpen:
		arr := make([]rawObj, len(o.arr))
		for i, e := range o.arr {
			arr[i] = w.strings(e, d, depth+1)
		}
		o.arr = arr
	case tDictOpen:
		dict := make(map[string]rawObj, len(o.dict))
		for k, v := range o.dict {
			dict[k] = w.strings(v, d, depth+1)
		}
		o.dict = dict
	}
	return o
}

// streamEnd returns the end of the data of the stream defined at off, or
// 0 when it is not a stream.
func (w *decryptWriter) streamEnd(off int, obj rawObj) int {
	_, end, ok := w.streamRange(off, obj)
	if !ok {
		return 0
	}
	return end
}

// streamRange finds a stream's data: /Length bytes when "endstream"
// follows them, else up to the next "endstream".
func (w *decryptWriter) streamRange(off int, obj rawObj) (start, end int, ok bool) {
	if obj.kind != tDictOpen {
		return 0, 0, false
	}
	start, ok = streamData(w.data, off)
	if !ok {
		return 0, 0, false
	}
	length := obj.key("Length")
	if length.isRef() {
		if at, ok := w.latest[length.ref[0]]; ok {
			length, _ = objectAt(w.data, at)
		}
	}
	if n := int(length.num); length.kind == tNum && n >= 0 && n <= len(w.data)-start {
		lx := newLexer(w.data[start+n : min(len(w.data), start+n+64)])
		lx.skipSpace()
		if bytes.HasPrefix(lx.data[lx.pos:], []byte("endstream")) {
			return start, start + n, true
		}
	}
	i := bytes.Index(w.data[start:], []byte("endstream"))
	if i < 0 {
		return start, len(w.data), true
	}
	end = start + i
	if end > start && w.data[end-1] == '\n' {
		end--
	}
	if end > start && w.data[end-1] == '\r' {
		end--
	}
	return start, end, true
}

// objectStreams adds the objects held in the copied object streams to the
// cross-reference table, unless a later definition of the same number
// exists in the file.
func (w *decryptWriter) objectStreams() {
	for i, d := range w.objStms {
		hdr, ok := objectAt(w.out, d.off)
		if !ok {
			continue
		}
		for idx, num := range objStmMembers(w.out, d.off, hdr, &w.catalog) {
			if e, ok := w.table[num]; !ok || e.source < w.oldOffs[i] {
				w.table[num] = xrefEntry{kind: 2, off: d.num, gen: idx, source: w.oldOffs[i]}
			}
		}
	}
}
