package pdfextract

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"

	"appraise.app/appraise/internal/appraise"
)

// Cross-reference repair: scan the file for "N G obj", read object streams
// to learn which objects live inside them, find the trailer entries (from
// trailer dictionaries, cross-reference streams, or a /Type /Catalog
// object), and append a fresh cross-reference stream that the library then
// reads instead of the broken one. The original bytes are left as they are.

const maxObjStmBytes = 16 << 20

type xrefEntry struct {
	kind   byte // 1: at an offset; 2: inside an object stream
	off    int  // kind 1: file offset; kind 2: the object stream's number
	gen    int  // kind 1: generation; kind 2: index in the stream
	source int  // file position of the definition, to prefer newer ones
}

func rebuildXref(data []byte) ([]byte, error) {
	defs := scanObjects(data)
	if len(defs) == 0 {
		return nil, fmt.Errorf("no objects found: %w", appraise.ErrDamaged)
	}
	// Objects numbered past what the file's size can hold are left out
	// (see open_objnum.go).
	limit := maxObjectNumber(len(data))
	kept := defs[:0]
	for _, d := range defs {
		if d.num <= limit {
			kept = append(kept, d)
		}
	}
	defs = kept
	if len(defs) == 0 {
		return nil, fmt.Errorf("no objects numbered up to %d found: %w", limit, appraise.ErrDamaged)
	}
	table := map[int]xrefEntry{}
	for _, d := range defs {
		table[d.num] = xrefEntry{kind: 1, off: d.off, gen: d.gen, source: d.off}
	}
	trailer := map[string]rawObj{}
	for _, t := range trailerDicts(data) {
		mergeTrailer(trailer, t)
	}
	_, encrypted := encryptDict(data)
	var catalog rawObj
	for _, d := range defs {
		if table[d.num].off != d.off {
			continue // superseded by a later definition
		}
		obj, ok := objectAt(data, d.off)
		if !ok || obj.kind != tDictOpen {
			continue
		}
		switch obj.key("Type").s {
		case "XRef":
			mergeTrailer(trailer, obj)
		case "Catalog":
			catalog = rawObj{kind: tOp, ref: [2]int{d.num, d.gen}}
		case "ObjStm":
			if encrypted {
				continue
			}
			for i, num := range objStmMembers(data, d.off, obj, &catalog) {
				if num < 0 || num > limit {
					continue
				}
				if e, ok := table[num]; !ok || e.source < d.off {
					table[num] = xrefEntry{kind: 2, off: d.num, gen: i, source: d.off}
				}
			}
		}
	}
	if root := trailer["Root"]; !root.isRef() {
		if !catalog.isRef() {
			return nil, fmt.Errorf("no document catalog found: %w", appraise.ErrDamaged)
		}
		trailer["Root"] = catalog
	}
	return appendXrefStream(data, table, trailer), nil
}

func mergeTrailer(into map[string]rawObj, d rawObj) {
	for _, k := range []string{"Root", "Info", "Encrypt", "ID"} {
		if v, ok := d.dict[k]; ok && v.kind != tNull {
			into[k] = v
		}
	}
}

// objStmMembers inflates the object stream defined at off and returns the
// numbers of the objects it holds, by index. A /Type /Catalog among them
// is recorded in catalog.
func objStmMembers(data []byte, off int, hdr rawObj, catalog *rawObj) []int {
	s, ok := streamData(data, off)
	if !ok {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(data[s:]))
	if err != nil {
		return nil
	}
	content, _ := io.ReadAll(io.LimitReader(zr, maxObjStmBytes))
	n := int(hdr.key("N").num)
	first := int(hdr.key("First").num)
	lx := newLexer(content)
	var nums []int
	var offs []int
	for i := 0; i < n && i < 1<<16; i++ {
		a, b := lx.next(), lx.next()
		if a.kind != tNum || b.kind != tNum {
			break
		}
		nums = append(nums, int(a.num))
		offs = append(offs, int(b.num))
	}
	for i, num := range nums {
		at := first + offs[i]
		if at < 0 || at >= len(content) {
			continue
		}
		if o := parseRaw(newLexer(content[at:]), 0); o.kind == tDictOpen && o.key("Type").s == "Catalog" {
			*catalog = rawObj{kind: tOp, ref: [2]int{num, 0}}
		}
	}
	return nums
}

// streamData returns the offset of the data of the stream object defined
// at off: past the "stream" keyword that follows its dictionary and the
// end of line after it. Only the object itself is read, so a scan over
// many objects that are not streams stays linear in the file's size.
func streamData(data []byte, off int) (int, bool) {
	lx := newLexer(data[off:])
	for range 3 {
		lx.next() // N G obj
	}
	parseRaw(lx, 0)
	lx.skipSpace()
	s := off + lx.pos
	if !bytes.HasPrefix(data[s:], []byte("stream")) {
		return 0, false
	}
	s += len("stream")
	if s < len(data) && data[s] == '\r' {
		s++
	}
	if s < len(data) && data[s] == '\n' {
		s++
	}
	return s, true
}

// appendXrefStream returns data followed by a cross-reference stream
// describing table, with the trailer entries, and a startxref to it.
func appendXrefStream(data []byte, table map[int]xrefEntry, trailer map[string]rawObj) []byte {
	maxNum := 0
	for n := range table {
		maxNum = max(maxNum, n)
	}
	self := maxNum + 1
	size := self + 1
	var rows bytes.Buffer
	for n := 0; n < size; n++ {
		e, ok := table[n]
		switch {
		case n == 0 || !ok:
			rows.Write([]byte{0, 0, 0, 0, 0, 0xff, 0xff})
		default:
			rows.WriteByte(e.kind)
			rows.Write([]byte{byte(e.off >> 24), byte(e.off >> 16), byte(e.off >> 8), byte(e.off)})
			rows.Write([]byte{byte(e.gen >> 8), byte(e.gen)})
		}
	}
	out := bytes.Clone(data)
	out = append(out, '\n')
	at := len(out)
	var dict bytes.Buffer
	fmt.Fprintf(&dict, "<< /Type /XRef /Size %d /W [1 4 2] /Length %d", size, rows.Len())
	keys := make([]string, 0, len(trailer))
	for k := range trailer {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dict.WriteString(" /" + k + " ")
		writeRaw(&dict, trailer[k], 0)
	}
	dict.WriteString(" >>")
	out = append(out, fmt.Sprintf("%d 0 obj\n%s\nstream\n", self, dict.Bytes())...)
	out = append(out, rows.Bytes()...)
	out = append(out, "\nendstream\nendobj\nstartxref\n"+strconv.Itoa(at)+"\n%%EOF\n"...)
	return out
}

// writeRaw serialises a raw object (strings as hex).
func writeRaw(b *bytes.Buffer, o rawObj, depth int) {
	if depth > maxRawDepth {
		b.WriteString("null")
		return
	}
	switch o.kind {
	case tOp:
		fmt.Fprintf(b, "%d %d R", o.ref[0], o.ref[1])
	case tNum:
		b.WriteString(strconv.FormatFloat(o.num, 'f', -1, 64))
	case tStr:
		b.WriteString("<" + hex.EncodeToString([]byte(o.s)) + ">")
	case tName:
		b.WriteString("/" + nameEscape(o.s))
	case tBool:
		b.WriteString(strconv.FormatBool(o.num != 0))
	case tArrOpen:
		b.WriteString("[")
		for i, e := range o.arr {
			if i > 0 {
				b.WriteString(" ")
			}
			writeRaw(b, e, depth+1)
		}
		b.WriteString("]")
	case tDictOpen:
		b.WriteString("<<")
		keys := make([]string, 0, len(o.dict))
		for k := range o.dict {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b.WriteString(" /" + nameEscape(k) + " ")
			writeRaw(b, o.dict[k], depth+1)
		}
		b.WriteString(" >>")
	default:
		b.WriteString("null")
	}
}

// nameEscape writes a name's irregular bytes as #xx.
func nameEscape(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '#' || isDelimiter(c) {
			fmt.Fprintf(&b, "#%02x", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
