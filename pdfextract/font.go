package pdfextract

import (
	"strings"

	"github.com/ledongthuc/pdf"
)

// Fonts: what a code shows (Unicode text) and how far it advances. A font
// is parsed once per document (see docCache) into tables that the
// interpreter indexes per glyph without touching the PDF objects again.

type fontKind uint8

const (
	fontSimple fontKind = iota // Type1, TrueType, MMType1 with 1-byte codes
	fontType0                  // composite: codes → CIDs through a CMap
	fontType3                  // glyphs are content streams; FontMatrix scales
)

// glyphInfo is one code's text and advance. Width is in text-space units
// for a font size of 1 (glyph width / 1000, or through FontMatrix for Type3).
type glyphInfo struct {
	text  string
	width float64
}

type font struct {
	name         string // BaseFont without a subset prefix
	bold, italic bool
	kind         fontKind
	vertical     bool
	// sizeScale turns the Tf size into the glyphs' visual size (Type3:
	// the FontMatrix's vertical scale × 1000; otherwise 1).
	sizeScale float64

	simple [256]glyphInfo // fontSimple and fontType3

	// fontType0:
	enc       *cmap     // encoding CMap; nil for Identity-H/V
	ucs2      bool      // codes are UTF-16 (Uni…-UCS2/UTF16 CMaps)
	toUnicode *cmap     // may be nil
	cidWidths []float32 // by CID, glyph units; negative = not given
	dw        float64   // default width, glyph units
	vAdvance  float64   // vertical advance (DW2's w1y), glyph units
	cache     map[uint32]glyphInfo
	// Without a ToUnicode map: text by glyph id from an embedded TrueType
	// cmap, and the CID → glyph id map (nil: identity).
	gidText gidText
	cidGID  []uint16
}

// next decodes the code at the start of s: its glyph, its length in bytes
// and whether it is the single-byte code 32 that word spacing applies to.
func (f *font) next(s []byte) (glyphInfo, int, bool) {
	if f.kind != fontType0 {
		return f.simple[s[0]], 1, s[0] == 32
	}
	n := 2
	if f.enc != nil {
		n = f.enc.codeLen(s)
	} else if len(s) < 2 {
		n = 1
	}
	code := codeValue(s[:n])
	return f.cidGlyph(code), n, n == 1 && code == 32
}

func (f *font) cidGlyph(code uint32) glyphInfo {
	if gi, ok := f.cache[code]; ok {
		return gi
	}
	cid := code
	if f.enc != nil {
		cid = f.enc.cid(code)
	}
	var gi glyphInfo
	text, ok := "", false
	if f.toUnicode != nil {
		text, ok = f.toUnicode.lookup(code)
	}
	if !ok && f.ucs2 {
		text = utf16Text([]byte{byte(code >> 8), byte(code)})
	}
	if !ok && !f.ucs2 && f.gidText != nil {
		gid := cid
		if f.cidGID != nil {
			gid = 0
			if int(cid) < len(f.cidGID) {
				gid = uint32(f.cidGID[cid])
			}
		}
		if gid <= 0xFFFF {
			text = f.gidText[uint16(gid)]
		}
	}
	gi.text = cleanText(text)
	w := f.dw
	if int(cid) < len(f.cidWidths) && f.cidWidths[cid] >= 0 {
		w = float64(f.cidWidths[cid])
	}
	gi.width = w / 1000
	if len(f.cache) < 1<<16 {
		f.cache[code] = gi
	}
	return gi
}

// cleanText drops what a ToUnicode map should not produce: NUL and other
// C0 controls (tabs and newlines become spaces) and U+FFFD.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || r == 0xfffd:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stripSubset removes a subset tag ("ABCDEF+Times-Roman" → "Times-Roman").
func stripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		for i := range 6 {
			if name[i] < 'A' || name[i] > 'Z' {
				return name
			}
		}
		return name[7:]
	}
	return name
}

// Font descriptor flags (PDF 32000-1 table 123).
const (
	flagFixedPitch  = 1 << 0
	flagSymbolic    = 1 << 2
	flagNonsymbolic = 1 << 5
	flagItalic      = 1 << 6
	flagForceBold   = 1 << 18
)

// styleOf derives bold and italic from the descriptor and the name.
func styleOf(name string, desc pdf.Value) (bold, italic bool) {
	flags := int64(desc.Key("Flags").Float64())
	lower := strings.ToLower(name)
	bold = flags&flagForceBold != 0 || desc.Key("FontWeight").Float64() >= 600 ||
		containsAny(lower, "bold", "black", "heavy", "semibd", "demi", "-bd", ",bd") ||
		strings.HasPrefix(lower, "cmbx") || strings.HasPrefix(lower, "cmb10")
	italic = flags&flagItalic != 0 || desc.Key("ItalicAngle").Float64() != 0 ||
		containsAny(lower, "italic", "oblique", "-it", ",it", "-ital", "slanted") ||
		strings.HasPrefix(lower, "cmti") || strings.HasPrefix(lower, "cmsl") || strings.HasPrefix(lower, "cmmi")
	return bold, italic
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
