package testpdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Ligatures is one page whose words are drawn with ligature glyphs, the
// way pdfTeX and many typesetters draw them:
//
//   - /F1 is Times-Roman with an /Encoding whose /Differences put the glyph
//     names /fi /fl /ffi /ff /ffl at codes 1–5 and no ToUnicode, so the text
//     comes only from the glyph names (U+FB01 … U+FB04, U+FB00);
//   - /F2 is Helvetica whose code 1 is a glyph with a private name (/g1042)
//     that a ToUnicode CMap maps to the three letters "ffi".
//
// The truth has every ligature spelled out in letters.
func Ligatures() (pdf []byte, truthText string) {
	d := NewDoc()
	// Widths of fi, fl, ffi, ff, ffl in a Times-like design, then ASCII.
	f1 := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding " +
		"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ffi /ff /ffl] >> " +
		widthsEntry("Times", []int{556, 556, 844, 605, 842}) + " >>")
	cmap := d.AddStream("", []byte(ligatureCMap))
	// Code 1 is as wide as f, f and i together in Helvetica.
	f2 := d.AddObject(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "+
		"/BaseEncoding /WinAnsiEncoding /Differences [1 /g1042] >> /ToUnicode %d 0 R %s >>", cmap,
		widthsEntry("Helvetica", []int{778})))
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", f1, f2))

	// Codes 1–5 stand for fi, fl, ffi, ff, ffl in /F1; code 1 for ffi in /F2.
	timesLines := []string{
		"E\x03cacy was signi\x01cant in the \x01rst \x02ow study,",
		"and the sta\x04 shu\x05ed the o\x03ce \x01les before lunch.",
	}
	helvLines := []string{
		"The e\x01cient a\x01nity assay came from the o\x01ce next door.",
	}
	content := Lines("F1", 12, 72, 700, 16, timesLines...) + Lines("F2", 12, 72, 640, 16, helvLines...)
	d.SetObjectBytes(d.Contents[0], StreamBody("", []byte(content)))

	var t truth
	t.add(spellLigatures(timesLines, []string{"fi", "fl", "ffi", "ff", "ffl"})...)
	t.add(spellLigatures(helvLines, []string{"ffi"})...)
	return d.Bytes(), t.String()
}

// widthsEntry writes /FirstChar 1 /LastChar 126 /Widths […] for a
// standard font: low codes get the given widths (the rest of 1–31 zero),
// printable ASCII the font's standard metrics (in 1/1000 em), taken from
// fpdf's copy of them.
func widthsEntry(family string, low []int) string {
	f := newFpdf()
	f.SetFont(family, "", 1000)
	ws := make([]string, 0, 126)
	for code := 1; code <= 126; code++ {
		w := 0
		switch {
		case code <= len(low):
			w = low[code-1]
		case code >= 32:
			w = int(math.Round(f.GetStringWidth(string(rune(code)))))
		}
		ws = append(ws, strconv.Itoa(w))
	}
	return "/FirstChar 1 /LastChar 126 /Widths [" + strings.Join(ws, " ") + "]"
}

// spellLigatures replaces codes 1…n in lines with the letters they stand for.
func spellLigatures(lines []string, letters []string) []string {
	out := make([]string, len(lines))
	for i, ln := range lines {
		for code, l := range letters {
			ln = strings.ReplaceAll(ln, string(rune(code+1)), l)
		}
		out[i] = ln
	}
	return out
}

// ligatureCMap maps the printable ASCII codes to themselves and code 1 to
// "ffi" (a multi-character destination).
const ligatureCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Appraise-Ligature-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfchar
<01> <006600660069>
endbfchar
1 beginbfrange
<20> <7E> <0020>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`
