package pdfextract

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// Font tests: documents whose /F1 is replaced by the font under test.

// withFont builds a one-page document drawing content with /F1 defined by
// font(d), which may add the objects it needs (ToUnicode streams, …).
func withFont(content string, font func(d *testpdf.Doc) string) []byte {
	d := testpdf.NewDoc(content)
	d.SetObject(d.Font, font(d))
	return d.Bytes()
}

func toUnicodeStream(d *testpdf.Doc, body string) int {
	return d.AddStream("", []byte("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
		"/CMapName /Test def\n"+body+"\nendcmap CMapName currentdict /CMap defineresource pop end end"))
}

func TestSimpleFontDecoding(t *testing.T) {
	tests := []struct {
		name    string
		show    string // the string operand, PDF syntax
		font    func(d *testpdf.Doc) string
		want    string
		widths  []float64 // expected W of each glyph at size 10 (nil: not checked)
		bold    bool
		italic  bool
		fontTag string
	}{
		{"Differences with glyph-name forms",
			"<4142434445>",
			func(d *testpdf.Doc) string {
				return "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Foo /FirstChar 65 /LastChar 69 /Widths [500 600 0 700 800] " +
					"/Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /uni00E9 /f_i /g123 /u1D400 /a.sc] >> >>"
			},
			"éfi𝐀a", []float64{5, 6, 0, 7, 8}, false, false, "Foo"},
		{"Differences without a base use StandardEncoding",
			"<276041>",
			func(d *testpdf.Doc) string {
				return "<< /Type /Font /Subtype /Type1 /BaseFont /Foo /Encoding << /Differences [65 /Alpha] >> >>"
			},
			"’‘Α", nil, false, false, "Foo"},
		{"WinAnsi high codes",
			"<80939496E9>",
			func(d *testpdf.Doc) string {
				return "<< /Type /Font /Subtype /TrueType /BaseFont /Arial,Bold /Encoding /WinAnsiEncoding >>"
			},
			"€“”–é", []float64{5.56, 5, 5, 5.56, 5.56}, true, false, "Arial,Bold"},
		{"MacRoman high codes",
			"<8EA5D0D2DE>",
			func(d *testpdf.Doc) string {
				return "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /MacRomanEncoding >>"
			},
			"é•–“ﬁ", []float64{4.44, 3.5, 5, 5.56, 5}, false, true, "Times-Italic"},
		{"ToUnicode wins over the encoding, bfchar with several code points",
			"<414243>",
			func(d *testpdf.Doc) string {
				tu := toUnicodeStream(d, "1 begincodespacerange <00> <FF> endcodespacerange\n"+
					"2 beginbfchar <41> <0066006C> <42> <D835DC00> endbfchar")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Foo /Encoding /WinAnsiEncoding /ToUnicode %d 0 R >>", tu)
			},
			"fl𝐀C", nil, false, false, "Foo"},
		{"Symbol's built-in encoding",
			"<61624C>",
			func(d *testpdf.Doc) string { return "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>" },
			"αβΛ", []float64{6.31, 5.49, 6.86}, false, false, "Symbol"},
		{"Courier is fixed pitch",
			"<696D>",
			func(d *testpdf.Doc) string {
				return "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"
			},
			"im", []float64{6, 6}, true, false, "Courier-Bold"},
		{"zero width for a visible glyph falls back to MissingWidth",
			"<41>",
			func(d *testpdf.Doc) string {
				fd := d.AddObject("<< /Type /FontDescriptor /FontName /Foo /Flags 262176 /ItalicAngle -12 /MissingWidth 450 >>")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Foo /FirstChar 65 /LastChar 65 /Widths [0] /FontDescriptor %d 0 R >>", fd)
			},
			"A", []float64{4.5}, true, true, "Foo"},
		{"built-in encoding of an embedded Type 1 program",
			"<4142>",
			func(d *testpdf.Doc) string {
				prog := "%!PS-AdobeFont-1.0: Foo\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n" +
					"dup 65 /eacute put\ndup 66 /germandbls put\nreadonly def\ncurrentfile eexec\n\x80\x81garbage"
				ff := d.AddStream(fmt.Sprintf("/Length1 %d /Length2 0 /Length3 0", len(prog)), []byte(prog))
				fd := d.AddObject(fmt.Sprintf("<< /Type /FontDescriptor /FontName /Foo /Flags 4 /FontFile %d 0 R >>", ff))
				return fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Foo /FirstChar 65 /LastChar 66 /Widths [400 500] /FontDescriptor %d 0 R >>", fd)
			},
			"éß", []float64{4, 5}, false, false, "Foo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pdf := withFont("BT /F1 10 Tf 100 700 Td "+tc.show+" Tj ET", tc.font)
			pg := firstPage(t, pdf)
			if got := glyphString(pg.Glyphs); got != tc.want {
				t.Fatalf("text = %q, want %q", got, tc.want)
			}
			for i, w := range tc.widths {
				if i < len(pg.Glyphs) && !near(pg.Glyphs[i].W, w) && !(w == 0 && pg.Glyphs[i].W > 0) {
					t.Errorf("glyph %d (%q) W = %.3f, want %.3f", i, pg.Glyphs[i].Text, pg.Glyphs[i].W, w)
				}
			}
			g := pg.Glyphs[0]
			if g.Bold != tc.bold || g.Italic != tc.italic || g.Font != tc.fontTag {
				t.Errorf("font %q bold %v italic %v, want %q %v %v", g.Font, g.Bold, g.Italic, tc.fontTag, tc.bold, tc.italic)
			}
		})
	}
}

// A glyph the PDF gives no width but whose text is visible must still have
// one, and advances stay consistent with it.
func TestUnmappedGlyphGivesEmptyText(t *testing.T) {
	pdf := withFont("BT /F1 10 Tf 100 700 Td <4105> Tj ET", func(d *testpdf.Doc) string {
		return "<< /Type /Font /Subtype /Type1 /BaseFont /Foo /Encoding /WinAnsiEncoding >>"
	})
	pg := firstPage(t, pdf)
	if len(pg.Glyphs) != 2 || pg.Glyphs[0].Text != "A" || pg.Glyphs[1].Text != "" {
		t.Fatalf("glyphs %+v, want A then an empty-text glyph", pg.Glyphs)
	}
}

func TestType0Fonts(t *testing.T) {
	descendant := func(d *testpdf.Doc, extra string) int {
		fd := d.AddObject("<< /Type /FontDescriptor /FontName /ABCDEF+NotoSans-Bold /Flags 4 >>")
		return d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSans-Bold "+
			"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R %s >>", fd, extra))
	}
	tests := []struct {
		name    string
		content string
		font    func(d *testpdf.Doc) string
		want    string
		x       []float64 // X of each glyph
	}{
		{"Identity-H with W and DW widths and a ToUnicode map",
			"BT /F1 10 Tf 100 700 Td <0001000200030014> Tj ET",
			func(d *testpdf.Doc) string {
				df := descendant(d, "/DW 300 /W [1 [500 600] 10 20 700]")
				tu := toUnicodeStream(d, "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"+
					"1 beginbfchar <0001> <0048> endbfchar\n"+
					"2 beginbfrange <0002> <0003> <0069> <0014> <0014> [<FB01>] endbfrange")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSans-Bold /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", df, tu)
			},
			"Hijﬁ", []float64{100, 105, 111, 114}},
		{"word spacing does not apply to the two-byte code 32",
			"BT /F1 10 Tf 20 Tw 100 700 Td <00200020> Tj ET",
			func(d *testpdf.Doc) string {
				df := descendant(d, "/DW 500")
				tu := toUnicodeStream(d, "1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfchar <0020> <0041> endbfchar")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", df, tu)
			},
			"AA", []float64{100, 105}},
		{"an embedded CMap with one- and two-byte codes",
			"BT /F1 10 Tf 100 700 Td <41814042> Tj ET",
			func(d *testpdf.Doc) string {
				df := descendant(d, "/DW 1000 /W [5 [200] 7 [300]]")
				enc := d.AddStream("/Type /CMap /CMapName /Test", []byte("begincmap 2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n"+
					"1 begincidrange <41> <42> 5 endcidrange 1 begincidchar <8140> 7 endcidchar endcmap"))
				tu := toUnicodeStream(d, "2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n"+
					"3 beginbfchar <41> <0061> <42> <0062> <8140> <3042> endbfchar")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding %d 0 R /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", enc, df, tu)
			},
			"aあb", []float64{100, 102, 105}},
		{"UCS-2 CMaps give Unicode without a ToUnicode map",
			"BT /F1 10 Tf 100 700 Td <00480069> Tj ET",
			func(d *testpdf.Doc) string {
				df := descendant(d, "")
				return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /UniJIS-UCS2-H /DescendantFonts [%d 0 R] >>", df)
			},
			"Hi", []float64{100, 110}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pg := firstPage(t, withFont(tc.content, tc.font))
			if got := glyphString(pg.Glyphs); got != tc.want {
				t.Fatalf("text = %q, want %q", got, tc.want)
			}
			for i, x := range tc.x {
				if !near(pg.Glyphs[i].X, x) {
					t.Errorf("glyph %d (%q) at x %.2f, want %.2f", i, pg.Glyphs[i].Text, pg.Glyphs[i].X, x)
				}
			}
		})
	}
}

func TestVerticalFontAdvancesDownwards(t *testing.T) {
	pdf := withFont("BT /F1 10 Tf 100 700 Td <00010002> Tj ET", func(d *testpdf.Doc) string {
		df := d.AddObject("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /F /DW 1000 >>")
		tu := toUnicodeStream(d, "1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0001> <65E5> <0002> <672C> endbfchar")
		return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-V /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", df, tu)
	})
	pg := firstPage(t, pdf)
	if glyphString(pg.Glyphs) != "日本" {
		t.Fatalf("text %q", glyphString(pg.Glyphs))
	}
	a, b := pg.Glyphs[0], pg.Glyphs[1]
	if !near(a.X, b.X) || !near(b.Y-a.Y, 10) {
		t.Errorf("second glyph at (%.2f, %.2f), want 10 pt below (%.2f, %.2f)", b.X, b.Y, a.X, a.Y)
	}
}

func TestType3FontMatrix(t *testing.T) {
	pdf := withFont("BT /F1 2 Tf 100 700 Td (ab) Tj ET", func(d *testpdf.Doc) string {
		proc := d.AddStream("", []byte("50 0 0 0 40 60 d1 0 0 40 60 re f"))
		return fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 50 60] /FontMatrix [0.01 0 0 0.01 0 0] "+
			"/CharProcs << /a %d 0 R /b %d 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> "+
			"/FirstChar 97 /LastChar 98 /Widths [50 70] /Resources << >> >>", proc, proc)
	})
	pg := firstPage(t, pdf)
	if glyphString(pg.Glyphs) != "ab" {
		t.Fatalf("text %q", glyphString(pg.Glyphs))
	}
	a, b := pg.Glyphs[0], pg.Glyphs[1]
	// Width 50 glyph units × 0.01 × size 2 = 1 pt. The em is twice the
	// median width (70 units: type3EmUnits), so size 2 × 0.01 × 140 = 2.8 pt.
	if !near(a.W, 1) || !near(b.X, 101) || !near(b.W, 1.4) || !near(a.Size, 2.8) {
		t.Errorf("a W %.3f size %.2f, b at %.3f W %.3f", a.W, a.Size, b.X, b.W)
	}
}

// A Type 3 font without /Widths for a code takes the width its glyph
// procedure declares with d0/d1.
func TestType3WidthFromCharProc(t *testing.T) {
	pdf := withFont("BT /F1 1 Tf 100 700 Td (ab) Tj ET", func(d *testpdf.Doc) string {
		a := d.AddStream("", []byte("600 0 d0 0 0 600 700 re f"))
		b := d.AddStream("", []byte("300 0 0 0 300 700 d1 0 0 300 700 re f"))
		return fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "+
			"/CharProcs << /a %d 0 R /b %d 0 R >> /Encoding << /Differences [97 /a /b] >> /Resources << >> >>", a, b)
	})
	pg := firstPage(t, pdf)
	if len(pg.Glyphs) != 2 || !near(pg.Glyphs[0].W, 0.6) || !near(pg.Glyphs[1].X, 100.6) || !near(pg.Glyphs[1].W, 0.3) {
		t.Errorf("glyphs %+v, want widths 0.6 and 0.3 from d0/d1", pg.Glyphs)
	}
}

// trueTypeWithCmap builds a TrueType program holding only a 'cmap' table
// (3,1, format 4) that maps each rune of m to its glyph id.
func trueTypeWithCmap(m map[rune]uint16) []byte {
	be := func(b *bytes.Buffer, vs ...uint16) {
		for _, v := range vs {
			b.WriteByte(byte(v >> 8))
			b.WriteByte(byte(v))
		}
	}
	var runes []rune
	for r := range m {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	segs := len(runes) + 1
	var sub bytes.Buffer
	be(&sub, 4, uint16(16+8*segs), 0, uint16(2*segs), 0, 0, 0)
	for _, r := range runes {
		be(&sub, uint16(r)) // endCode
	}
	be(&sub, 0xFFFF, 0) // last endCode, reservedPad
	for _, r := range runes {
		be(&sub, uint16(r)) // startCode
	}
	be(&sub, 0xFFFF)
	for _, r := range runes {
		be(&sub, m[r]-uint16(r)) // idDelta (mod 65536)
	}
	be(&sub, 1)
	for range segs {
		be(&sub, 0) // idRangeOffset
	}
	var cmapTable bytes.Buffer
	be(&cmapTable, 0, 1, 3, 1, 0, 12) // version, one record (3,1) at offset 12
	cmapTable.Write(sub.Bytes())
	var font bytes.Buffer
	be(&font, 1, 0, 1, 0, 0, 0) // sfnt 1.0, one table
	font.WriteString("cmap")
	be(&font, 0, 0, 0, 28, 0, uint16(cmapTable.Len()))
	font.Write(cmapTable.Bytes())
	return font.Bytes()
}

func TestCIDFontTextFromTrueTypeCmap(t *testing.T) {
	program := trueTypeWithCmap(map[rune]uint16{'H': 5, 'i': 6, 'é': 7})
	tests := []struct {
		name, show, gidMap, want string
	}{
		{"identity CID to glyph id", "<000500060007>", "/CIDToGIDMap /Identity", "Hié"},
		{"a CIDToGIDMap stream", "<000100020003>", "", "Hié"},
		{"a glyph the cmap does not name", "<00050009>", "/CIDToGIDMap /Identity", "H"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pdf := withFont("BT /F1 10 Tf 100 700 Td "+tc.show+" Tj ET", func(d *testpdf.Doc) string {
				ff := d.AddStream(fmt.Sprintf("/Length1 %d", len(program)), program)
				fd := d.AddObject(fmt.Sprintf("<< /Type /FontDescriptor /FontName /X /Flags 4 /FontFile2 %d 0 R >>", ff))
				gidMap := tc.gidMap
				if gidMap == "" {
					m := d.AddStream("", []byte{0, 0, 0, 5, 0, 6, 0, 7})
					gidMap = fmt.Sprintf("/CIDToGIDMap %d 0 R", m)
				}
				df := d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /FontDescriptor %d 0 R /DW 500 %s >>", fd, gidMap))
				return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", df)
			})
			if got := glyphString(firstPage(t, pdf).Glyphs); got != tc.want {
				t.Errorf("text %q, want %q", got, tc.want)
			}
		})
	}
	for _, junk := range [][]byte{nil, []byte("true"), program[:20], append(bytes.Clone(program[:40]), 0xff, 0xff)} {
		parseTrueTypeCmap(junk)
	}
}

// FuzzTrueTypeCmap: any bytes as an embedded font program must parse in
// bounded time without panicking.
func FuzzTrueTypeCmap(f *testing.F) {
	f.Add(trueTypeWithCmap(map[rune]uint16{'a': 1, 'b': 2}))
	f.Add([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 'c', 'm', 'a', 'p', 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 40})
	f.Fuzz(func(t *testing.T, font []byte) {
		parseTrueTypeCmap(font)
	})
}
