package pdfextract

import (
	"bytes"
)

// A minimal reader of raw PDF objects, for looking at files the library
// cannot open: trailers, encryption dictionaries, object-stream headers,
// and the scan for "N G obj" that rebuilds a cross-reference table.

// rawObj is a parsed PDF object: a number, string, name, boolean, null,
// array, dictionary or reference.
type rawObj struct {
	kind tokKind // tNum, tStr, tName, tBool, tNull, tArrOpen, tDictOpen, or tOp for a reference
	num  float64
	s    string
	arr  []rawObj
	dict map[string]rawObj
	ref  [2]int // object number and generation when kind == tOp
}

const maxRawDepth = 32

// isRef reports whether o is a reference "N G R".
func (o rawObj) isRef() bool { return o.kind == tOp }

// parseRaw reads one object from lx. References (N G R) are recognised.
func parseRaw(lx *lexer, depth int) rawObj {
	t := lx.next()
	return parseRawFrom(lx, t, depth)
}

func parseRawFrom(lx *lexer, t token, depth int) rawObj {
	switch t.kind {
	case tNum:
		// Look ahead for "G R".
		save := lx.pos
		t2 := lx.next()
		if t2.kind == tNum {
			t3 := lx.next()
			if t3.kind == tOp && string(t3.b) == "R" {
				return rawObj{kind: tOp, ref: [2]int{int(t.num), int(t2.num)}}
			}
		}
		lx.pos = save
		return rawObj{kind: tNum, num: t.num}
	case tStr, tName:
		return rawObj{kind: t.kind, s: string(t.b)}
	case tBool:
		return rawObj{kind: tBool, num: t.num}
	case tArrOpen:
		o := rawObj{kind: tArrOpen}
		if depth > maxRawDepth {
			lx.skipArray()
			return o
		}
		for {
			t := lx.next()
			if t.kind == tArrClose || t.kind == tEOF || t.kind == tOp {
				return o
			}
			o.arr = append(o.arr, parseRawFrom(lx, t, depth+1))
		}
	case tDictOpen:
		o := rawObj{kind: tDictOpen, dict: map[string]rawObj{}}
		if depth > maxRawDepth {
			lx.skipDict()
			return o
		}
		for {
			k := lx.next()
			if k.kind == tDictClose || k.kind == tEOF {
				return o
			}
			if k.kind != tName {
				if k.kind == tOp {
					return o // "stream", "endobj": the dictionary was not closed
				}
				continue
			}
			key := string(k.b)
			o.dict[key] = parseRaw(lx, depth+1)
		}
	}
	return rawObj{kind: tNull}
}

// objectAt parses the object defined at offset off ("N G obj …").
func objectAt(data []byte, off int) (rawObj, bool) {
	if off < 0 || off >= len(data) {
		return rawObj{}, false
	}
	lx := newLexer(data[off:])
	n, g, o := lx.next(), lx.next(), lx.next()
	if n.kind != tNum || g.kind != tNum || o.kind != tOp || string(o.b) != "obj" {
		return rawObj{}, false
	}
	return parseRaw(lx, 0), true
}

// objDef is where the scan found an object's definition.
type objDef struct {
	num, gen int
	off      int // offset of "N G obj"
}

// scanObjects finds every "N G obj" at the start of a token, in file
// order. Later definitions of a number (incremental updates) come later.
func scanObjects(data []byte) []objDef {
	var defs []objDef
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 3
		if i < len(data) && !isWhite(data[i]) && !isDelimiter(data[i]) {
			continue // "objstm" and the like
		}
		num, gen, start, ok := numbersBefore(data, at)
		if ok {
			defs = append(defs, objDef{num: num, gen: gen, off: start})
		}
	}
	return defs
}

// numbersBefore parses "N G " backwards from the "obj" at position at.
func numbersBefore(data []byte, at int) (num, gen, start int, ok bool) {
	p := at
	skipWhite := func() bool {
		n := 0
		for p > 0 && isWhite(data[p-1]) {
			p--
			n++
		}
		return n > 0
	}
	digits := func() (int, bool) {
		end := p
		for p > 0 && data[p-1] >= '0' && data[p-1] <= '9' && end-p < 10 {
			p--
		}
		if p == end {
			return 0, false
		}
		v := 0
		for _, c := range data[p:end] {
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	if !skipWhite() {
		return 0, 0, 0, false
	}
	gen, ok = digits()
	if !ok || !skipWhite() {
		return 0, 0, 0, false
	}
	num, ok = digits()
	if !ok || (p > 0 && !isWhite(data[p-1]) && !isDelimiter(data[p-1])) {
		return 0, 0, 0, false
	}
	return num, gen, p, gen < 65536
}

// trailerDicts returns the dictionaries after each "trailer" keyword, in
// file order.
func trailerDicts(data []byte) []rawObj {
	var out []rawObj
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		at := i + j + len("trailer")
		i = at
		lx := newLexer(data[at:])
		if o := parseRaw(lx, 0); o.kind == tDictOpen {
			out = append(out, o)
		}
	}
	return out
}
