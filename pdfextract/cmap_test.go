package pdfextract

import "testing"

func TestToUnicodeCMap(t *testing.T) {
	const src = `/CIDInit /ProcSet findresource begin
12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar
<0003> <0020>
<0010> <00660066>
<0011> <D835DC00>
<0012> /fi
endbfchar
3 beginbfrange
<0020> <0022> <0041>
<0030> <0032> [<0061> <00660069> <D83DDE00>]
<00FE> <0101> <00FE>
endbfrange
1 beginbfchar <0040> endbfchar junk ]
endcmap CMapName currentdict /CMap defineresource pop end end`
	m := parseCMap([]byte(src))
	tests := []struct {
		name string
		code uint32
		want string
		ok   bool
	}{
		{"bfchar single", 0x03, " ", true},
		{"bfchar ligature", 0x10, "ff", true},
		{"bfchar surrogate pair", 0x11, "𝐀", true},
		{"bfchar to a glyph name", 0x12, "ﬁ", true},
		{"bfrange start", 0x20, "A", true},
		{"bfrange increments", 0x22, "C", true},
		{"bfrange array entry", 0x31, "fi", true},
		{"bfrange array with surrogates", 0x32, "😀", true},
		{"bfrange crossing a byte boundary", 0x100, "Ā", true},
		{"outside every range", 0x23, "", false},
		{"an odd bfchar entry is ignored", 0x40, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := m.lookup(tc.code)
			if got != tc.want || ok != tc.ok {
				t.Errorf("lookup(%#x) = %q, %v; want %q, %v", tc.code, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestEncodingCMap(t *testing.T) {
	const src = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test-V def /WMode 1 def
2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
1 begincidrange <20> <7E> 1 endcidrange
1 begincidchar <8140> 633 endcidchar
/Identity-H usecmap
endcmap`
	m := parseCMap([]byte(src))
	if !m.vertical {
		t.Error("WMode 1 not read")
	}
	if m.useCMap != "Identity-H" {
		t.Errorf("usecmap = %q", m.useCMap)
	}
	for _, tc := range []struct {
		name  string
		bytes []byte
		n     int
		cid   uint32
	}{
		{"one-byte code in the first range", []byte{0x41, 0x81}, 1, 34},
		{"two-byte code", []byte{0x81, 0x40, 0x41}, 2, 633},
		{"a byte in no range takes the shortest length", []byte{0xF0, 0x41}, 1, 0},
		{"a truncated two-byte code", []byte{0x81}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := m.codeLen(tc.bytes)
			if n != tc.n {
				t.Fatalf("codeLen = %d, want %d", n, tc.n)
			}
			if cid := m.cid(codeValue(tc.bytes[:n])); cid != tc.cid {
				t.Errorf("cid = %d, want %d", cid, tc.cid)
			}
		})
	}
}

func TestCMapToleratesGarbage(t *testing.T) {
	for _, src := range []string{
		"", "endbfrange endbfchar endcidrange", "<00> <FF",
		"1 beginbfrange <0000> <FFFFFFFF> <0041> endbfrange",
		"1 beginbfchar (unterminated", "begincodespacerange <00> <0000> <> <> endcodespacerange",
		"2 beginbfrange <10> <05> <0041> <20> <21> [ endbfrange",
	} {
		m := parseCMap([]byte(src))
		m.lookup(0x41)
		m.lookup(0xFFFFFFFF)
		m.codeLen([]byte{1, 2, 3})
	}
	// A reversed range maps nothing.
	m := parseCMap([]byte("1 beginbfrange <10> <05> <0041> endbfrange"))
	if _, ok := m.lookup(0x07); ok {
		t.Error("a reversed bfrange mapped a code")
	}
}
