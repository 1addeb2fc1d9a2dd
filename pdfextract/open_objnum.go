package pdfextract

import (
	"bytes"
)

// Object numbers and memory. The library keeps its cross-reference table
// as a slice indexed by object number and sizes it from what the file
// claims (an xref subsection's first number, an xref stream's /Size), so a
// file of a few hundred bytes declaring object 2147483647 would make it
// allocate tens of gigabytes. Cost must follow the bytes present: a file
// whose cross-reference sections declare a number above
// maxObjectNumber(its size) is not given to the library as it is but
// repaired, and the repair leaves out objects numbered above it.

// xrefEntryBytes is about what the library spends per table entry.
const xrefEntryBytes = 32

// maxObjectNumber is the largest object number read in a file of n bytes:
// a table no larger than the file itself, and never fewer than 4096
// objects.
func maxObjectNumber(n int) int { return n/xrefEntryBytes + 4096 }

// xrefClaimsTooMany reports whether a cross-reference section reachable
// from startxref (following /Prev) declares an object number above
// maxObjectNumber(len(data)).
func xrefClaimsTooMany(data []byte) bool {
	limit := maxObjectNumber(len(data))
	off, ok := startxrefOffset(data)
	seen := map[int]bool{}
	for ok && off >= 0 && off < len(data) && !seen[off] && len(seen) < maxXrefSections {
		seen[off] = true
		if sectionMaxObject(data, off) > limit {
			return true
		}
		prev := sectionTrailer(data, off).key("Prev")
		off, ok = int(prev.num), prev.kind == tNum
	}
	return false
}

// startxrefOffset reads the offset after the last "startxref".
func startxrefOffset(data []byte) (int, bool) {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	t := newLexer(tail[i+len("startxref"):]).next()
	return int(t.num), t.kind == tNum
}

// sectionMaxObject is the largest object number the cross-reference
// section at off makes the library allocate for: the last row read of
// each table subsection, or an xref stream's /Size and /Index ranges.
func sectionMaxObject(data []byte, off int) int {
	lx := newLexer(data[off:])
	t := lx.next()
	if t.kind != tOp || string(t.b) != "xref" {
		o, ok := objectAt(data, off)
		if !ok || o.kind != tDictOpen {
			return 0
		}
		top := int(min(o.key("Size").num, 1<<40)) - 1
		idx := o.key("Index").arr
		for i := 0; i+1 < len(idx); i += 2 {
			top = max(top, int(min(idx[i].num+idx[i+1].num, 1<<40))-1)
		}
		return top
	}
	top := 0
	for {
		start, count := lx.next(), lx.next()
		if start.kind != tNum || count.kind != tNum {
			return top
		}
		for i := 0; float64(i) < count.num; i++ {
			a, b, c := lx.next(), lx.next(), lx.next()
			if a.kind != tNum || b.kind != tNum || c.kind != tOp {
				return top
			}
			top = max(top, int(min(start.num, 1<<40))+i)
		}
	}
}
