package pdfextract

import (
	"slices"
	"unicode/utf16"
)

// CMaps: ToUnicode maps (code → Unicode text) and encoding CMaps of Type0
// fonts (code → CID, with the codespace that says how many bytes a code
// takes). Both are parsed by one tolerant reader over the lexer: operands
// pile up on a stack and each end… operator consumes them, so junk between
// sections is ignored rather than fatal.

// Limits that keep a hostile CMap from growing without bound.
const (
	maxCMapEntries = 1 << 20 // bfchar/cidchar entries and ranges, each
	maxCMapStack   = 1 << 16 // operands waiting for an operator
)

type codespaceRange struct {
	lo, hi [4]byte
	n      int
}

// contains reports whether the n-byte code b lies in the range, byte by
// byte as the CMap specification defines it.
func (r codespaceRange) contains(b []byte) bool {
	if len(b) != r.n {
		return false
	}
	for i := range r.n {
		if b[i] < r.lo[i] || b[i] > r.hi[i] {
			return false
		}
	}
	return true
}

// uniRange maps lo…hi to dst with its last UTF-16 unit incremented (the
// usual bfrange form) or to one entry of arr per code (the array form).
type uniRange struct {
	lo, hi uint32
	dst    []uint16
	arr    []string
}

type cidRange struct {
	lo, hi, cid uint32
}

// cmap is a parsed CMap. A ToUnicode map uses chars/ranges; an encoding
// CMap uses space, cids/cidRanges and vertical.
type cmap struct {
	space     []codespaceRange
	chars     map[uint32]string
	ranges    []uniRange // sorted by lo
	cids      map[uint32]uint32
	cidRanges []cidRange // sorted by lo
	vertical  bool
	useCMap   string // a predefined CMap named by usecmap
}

func codeValue(b []byte) uint32 {
	var c uint32
	for _, x := range b[:min(len(b), 4)] {
		c = c<<8 | uint32(x)
	}
	return c
}

// utf16Text decodes big-endian UTF-16 (surrogate pairs included); an odd
// final byte is dropped.
func utf16Text(b []byte) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(units))
}

// parseCMap reads a CMap program. It never fails: what cannot be read is
// left out.
func parseCMap(data []byte) *cmap {
	m := &cmap{chars: map[uint32]string{}, cids: map[uint32]uint32{}}
	lx := newLexer(data)
	var stk []token
	entries := 0
	for {
		t := lx.next()
		switch t.kind {
		case tEOF:
			slices.SortFunc(m.ranges, func(a, b uniRange) int { return cmpU32(a.lo, b.lo) })
			slices.SortFunc(m.cidRanges, func(a, b cidRange) int { return cmpU32(a.lo, b.lo) })
			return m
		case tArrOpen:
			stk = append(stk, token{kind: tArrOpen})
			continue
		case tArrClose:
			stk = append(stk, token{kind: tArrClose})
			continue
		case tDictOpen, tDictClose:
			continue
		case tOp:
		default:
			if len(stk) < maxCMapStack {
				stk = append(stk, t)
			}
			continue
		}
		if entries > maxCMapEntries {
			stk = stk[:0]
			continue
		}
		switch string(t.b) {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i], stk[i+1]
				if lo.kind != tStr || hi.kind != tStr || len(lo.b) != len(hi.b) || len(lo.b) == 0 || len(lo.b) > 4 {
					continue
				}
				r := codespaceRange{n: len(lo.b)}
				copy(r.lo[:], lo.b)
				copy(r.hi[:], hi.b)
				m.space = append(m.space, r)
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				src, dst := stk[i], stk[i+1]
				if src.kind != tStr {
					continue
				}
				switch dst.kind {
				case tStr:
					m.chars[codeValue(src.b)] = utf16Text(dst.b)
				case tName:
					m.chars[codeValue(src.b)] = glyphText(string(dst.b))
				}
				entries++
			}
		case "endbfrange":
			entries += m.addBFRanges(stk)
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind == tStr && stk[i+1].kind == tNum {
					m.cids[codeValue(stk[i].b)] = uint32(max(stk[i+1].num, 0))
					entries++
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, cid := stk[i], stk[i+1], stk[i+2]
				if lo.kind == tStr && hi.kind == tStr && cid.kind == tNum {
					m.cidRanges = append(m.cidRanges, cidRange{codeValue(lo.b), codeValue(hi.b), uint32(max(cid.num, 0))})
					entries++
				}
			}
		case "usecmap":
			if n := len(stk); n > 0 && stk[n-1].kind == tName {
				m.useCMap = string(stk[n-1].b)
			}
		case "def":
			if n := len(stk); n >= 2 && stk[n-2].kind == tName && string(stk[n-2].b) == "WMode" && stk[n-1].kind == tNum {
				m.vertical = stk[n-1].num == 1
			}
		}
		stk = stk[:0]
		lx.reset()
	}
}

// addBFRanges reads "<lo> <hi> <dst>" and "<lo> <hi> [<d0> <d1> …]"
// triples from the operand stack.
func (m *cmap) addBFRanges(stk []token) int {
	n := 0
	for i := 0; i+2 < len(stk); {
		lo, hi := stk[i], stk[i+1]
		if lo.kind != tStr || hi.kind != tStr {
			i++
			continue
		}
		r := uniRange{lo: codeValue(lo.b), hi: codeValue(hi.b)}
		switch d := stk[i+2]; d.kind {
		case tStr:
			for j := 0; j+1 < len(d.b); j += 2 {
				r.dst = append(r.dst, uint16(d.b[j])<<8|uint16(d.b[j+1]))
			}
			i += 3
		case tArrOpen:
			j := i + 3
			for ; j < len(stk) && stk[j].kind != tArrClose; j++ {
				if stk[j].kind == tStr {
					r.arr = append(r.arr, utf16Text(stk[j].b))
				}
			}
			i = j + 1
		default:
			i += 3
			continue
		}
		if r.hi >= r.lo && (r.dst != nil || r.arr != nil) {
			m.ranges = append(m.ranges, r)
			n++
		}
	}
	return n
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// lookup returns the Unicode text of a code, and whether the map has one.
func (m *cmap) lookup(code uint32) (string, bool) {
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	i, _ := slices.BinarySearchFunc(m.ranges, code, func(r uniRange, c uint32) int {
		if r.lo > c {
			return 1
		}
		return -1
	})
	// i is the first range with lo > code: look back for the one holding it.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		r := m.ranges[j]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		units := slices.Clone(r.dst)
		if len(units) == 0 {
			return "", true
		}
		units[len(units)-1] += uint16(off)
		return string(utf16.Decode(units)), true
	}
	return "", false
}

// cid returns the CID of a code in an encoding CMap (0, .notdef, when the
// map does not cover it).
func (m *cmap) cid(code uint32) uint32 {
	if c, ok := m.cids[code]; ok {
		return c
	}
	i, _ := slices.BinarySearchFunc(m.cidRanges, code, func(r cidRange, c uint32) int {
		if r.lo > c {
			return 1
		}
		return -1
	})
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if r := m.cidRanges[j]; code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo
		}
	}
	return 0
}

// codeLen returns how many bytes of b the next code takes under the
// codespace ranges: the shortest length whose prefix lies in a range, or
// the shortest defined length when none does (a .notdef code), or 1.
func (m *cmap) codeLen(b []byte) int {
	shortest := 0
	for n := 1; n <= 4 && n <= len(b); n++ {
		for _, r := range m.space {
			if r.n == n {
				if shortest == 0 {
					shortest = n
				}
				if r.contains(b[:n]) {
					return n
				}
			}
		}
	}
	if shortest == 0 {
		for _, r := range m.space {
			if shortest == 0 || r.n < shortest {
				shortest = r.n
			}
		}
	}
	return max(1, min(shortest, len(b)))
}
