package pdfextract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// fontOf returns the parsed font for a font dictionary, parsing it on
// first use. The cache key is the dictionary's serialised form, in which
// references to other objects stay unresolved ("12 0 R"): two keys are
// equal only for dictionaries that decode identically, and computing one
// resolves nothing. A font the library panics on becomes the fallback font.
func (dc *docCache) fontOf(v pdf.Value) *font {
	if v.Kind() != pdf.Dict {
		return dc.fallbackFont()
	}
	key := v.String()
	if f, ok := dc.fonts[key]; ok {
		return f
	}
	f := dc.loadFont(v)
	dc.fonts[key] = f
	return f
}

func (dc *docCache) loadFont(v pdf.Value) (f *font) {
	defer func() {
		if recover() != nil {
			f = dc.fallbackFont()
		}
	}()
	switch v.Key("Subtype").Name() {
	case "Type0":
		return dc.loadType0(v)
	case "Type3":
		return dc.loadSimple(v, true)
	default:
		return dc.loadSimple(v, false)
	}
}

// fallbackFont stands in for a missing or unreadable font: Helvetica
// metrics and StandardEncoding, which is what viewers substitute.
func (dc *docCache) fallbackFont() *font {
	if dc.fallback == nil {
		f := &font{kind: fontSimple, sizeScale: 1}
		widths := std14Widths("Helvetica")
		for code, name := range standardEncoding {
			w, _ := widths(name)
			f.simple[code] = glyphInfo{text: glyphText(name), width: w / 1000}
		}
		dc.fallback = f
	}
	return dc.fallback
}

func (dc *docCache) loadSimple(v pdf.Value, type3 bool) *font {
	f := &font{kind: fontSimple, sizeScale: 1}
	if type3 {
		f.kind = fontType3
	}
	f.name = stripSubset(v.Key("BaseFont").Name())
	if type3 && f.name == "" {
		f.name = v.Key("Name").Name()
	}
	desc := v.Key("FontDescriptor")
	f.bold, f.italic = styleOf(f.name, desc)

	names := dc.simpleNames(v, desc, f.name)
	toUni := dc.toUnicodeOf(v.Key("ToUnicode"))

	// Widths in glyph space; scale turns them into text space.
	scale := 1.0 / 1000
	if type3 {
		fm := v.Key("FontMatrix")
		a, c, d := fm.Index(0).Float64(), fm.Index(2).Float64(), fm.Index(3).Float64()
		if a == 0 || math.IsNaN(a) || math.IsInf(a, 0) {
			a, d = 0.001, 0.001
		}
		scale = a
		f.sizeScale = math.Hypot(c, d)
	}
	var widths [256]float64
	var have [256]bool
	if ws := v.Key("Widths"); ws.Kind() == pdf.Array {
		first := int(v.Key("FirstChar").Float64())
		for i := 0; i < ws.Len() && first+i < 256; i++ {
			if code := first + i; code >= 0 {
				widths[code] = ws.Index(i).Float64()
				have[code] = true
			}
		}
	}
	if type3 {
		f.sizeScale *= type3EmUnits(widths[:], have[:])
		if f.sizeScale == 0 || math.IsNaN(f.sizeScale) || math.IsInf(f.sizeScale, 0) {
			f.sizeScale = 1
		}
	}
	missing := desc.Key("MissingWidth").Float64()
	std := std14Widths(f.name)
	avg := averageWidth(widths[:], have[:])
	for code := range 256 {
		text := ""
		if toUni != nil {
			if s, ok := toUni.lookup(uint32(code)); ok {
				text = cleanText(s)
			}
		}
		if text == "" {
			text = glyphText(names[code])
			if text == "" && type3 && code >= 32 && code < 127 && names[code] != ".notdef" {
				text = string(rune(code)) // unknown Type3 names pass the code through
			}
		}
		w, ok := widths[code], have[code]
		if !ok && std != nil {
			w, ok = std(names[code])
		}
		if !ok || (w == 0 && text != "" && !type3 && !isCombiningMark(text)) {
			switch {
			case missing > 0:
				w = missing
			case std != nil:
				w, _ = std("space")
			default:
				w = avg
			}
		}
		if type3 && !ok {
			w = avg
			if cw, found := dc.charProcWidth(v, names[code]); found {
				w = cw
			}
		}
		f.simple[code] = glyphInfo{text: cleanText(symbolFontText(f.name, text)), width: w * scale}
	}
	return f
}

// type3EmUnits is a Type 3 font's em in glyph space units. Its glyph
// space is whatever the producer chose — 1000 units to the em for
// outline-like fonts, but pixels for pdfTeX's bitmap (PK) fonts, about 83
// to the em at 600 dpi — so the em is estimated from the glyphs: twice
// the median advance of those with a width (text averages half an em a
// character). Without widths it is 1000. Layout measures gaps and line
// distances in ems, so a font whose em is taken 12 times too large runs
// its lines together and loses its spaces.
func type3EmUnits(widths []float64, have []bool) float64 {
	var ws []float64
	for i, w := range widths {
		if have[i] && w > 0 && !math.IsInf(w, 0) {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return 1000
	}
	sort.Float64s(ws)
	return 2 * ws[len(ws)/2]
}

// maxCharProcBytes bounds how much of a Type 3 glyph procedure is read
// for its width.
const maxCharProcBytes = 64 << 10

// charProcWidth reads the horizontal width a Type 3 glyph procedure
// declares with d0 or d1 (its first operator), for fonts whose /Widths
// do not cover the code.
func (dc *docCache) charProcWidth(font pdf.Value, glyph string) (float64, bool) {
	if glyph == "" {
		return 0, false
	}
	proc := font.Key("CharProcs").Key(glyph)
	if proc.Kind() != pdf.Stream {
		return 0, false
	}
	data, _ := dc.readStream(proc, maxCharProcBytes)
	lx := newLexer(data)
	var first float64
	nums := 0
	for range 64 {
		t := lx.next()
		switch t.kind {
		case tNum:
			if nums == 0 {
				first = t.num
			}
			nums++
		case tOp:
			if (string(t.b) == "d0" && nums == 2) || (string(t.b) == "d1" && nums == 6) {
				return first, true
			}
			return 0, false
		case tEOF:
			return 0, false
		}
	}
	return 0, false
}

// averageWidth is the mean of the given non-zero widths, or 500.
func averageWidth(widths []float64, have []bool) float64 {
	sum, n := 0.0, 0
	for i, w := range widths {
		if have[i] && w > 0 {
			sum += w
			n++
		}
	}
	if n == 0 {
		return 500
	}
	return sum / float64(n)
}

// simpleNames returns the glyph name of each code: the base encoding
// (named, or the font's built-in one), then /Differences.
func (dc *docCache) simpleNames(v, desc pdf.Value, name string) encoding {
	enc := v.Key("Encoding")
	var base *encoding
	var diffs pdf.Value
	switch enc.Kind() {
	case pdf.Name:
		base = baseEncoding(enc.Name())
	case pdf.Dict:
		base = baseEncoding(enc.Key("BaseEncoding").Name())
		diffs = enc.Key("Differences")
	}
	if base == nil {
		base = dc.builtinEncoding(desc, name)
	}
	names := *base
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		switch d := diffs.Index(i); d.Kind() {
		case pdf.Integer, pdf.Real:
			code = int(d.Float64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				names[code] = d.Name()
			}
			code++
		}
	}
	return names
}

// builtinEncoding is the encoding a simple font has without /Encoding:
// Symbol's and ZapfDingbats' own, the one inside an embedded Type 1 font
// program, or StandardEncoding.
func (dc *docCache) builtinEncoding(desc pdf.Value, name string) *encoding {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, "symbol"):
		return &symbolEncoding
	case strings.Contains(lower, "dingbats"):
		return &zapfDingbatsEncoding
	}
	if ff := desc.Key("FontFile"); ff.Kind() == pdf.Stream {
		if e := dc.type1Encoding(ff); e != nil {
			return e
		}
	}
	return &standardEncoding
}

// toUnicodeOf parses a simple font's /ToUnicode stream once per document.
// Anything else gives nil, and the encoding's glyph names give the text:
// a name there (Identity-H, seen in the wild) is meaningless for one-byte
// codes. (Type 0 fonts read such a name as "codes are UTF-16", see
// loadType0.)
func (dc *docCache) toUnicodeOf(v pdf.Value) *cmap {
	if v.Kind() != pdf.Stream {
		return nil
	}
	return dc.cmapOf(v)
}

func (dc *docCache) cmapOf(v pdf.Value) *cmap {
	key := v.String()
	if m, ok := dc.cmaps[key]; ok {
		return m
	}
	data, _ := dc.readStream(v, maxCMapBytes)
	m := parseCMap(data)
	dc.cmaps[key] = m
	return m
}

func (dc *docCache) loadType0(v pdf.Value) *font {
	f := &font{kind: fontType0, sizeScale: 1, dw: 1000, vAdvance: -1000, cache: map[uint32]glyphInfo{}}
	f.name = stripSubset(v.Key("BaseFont").Name())
	desc := v.Key("DescendantFonts").Index(0)
	f.bold, f.italic = styleOf(f.name, desc.Key("FontDescriptor"))

	switch enc := v.Key("Encoding"); enc.Kind() {
	case pdf.Name:
		n := enc.Name()
		f.vertical = strings.HasSuffix(n, "-V")
		f.ucs2 = strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")
	case pdf.Stream:
		m := dc.cmapOf(enc)
		f.vertical = m.vertical || enc.Key("WMode").Float64() == 1
		if len(m.space) > 0 {
			f.enc = m
		} else {
			f.vertical = f.vertical || strings.HasSuffix(m.useCMap, "-V")
		}
	}
	switch tu := v.Key("ToUnicode"); tu.Kind() {
	case pdf.Stream:
		f.toUnicode = dc.cmapOf(tu)
	case pdf.Name:
		f.ucs2 = f.ucs2 || strings.HasPrefix(tu.Name(), "Identity")
	}
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	if dw2 := desc.Key("DW2"); dw2.Len() == 2 {
		f.vAdvance = dw2.Index(1).Float64()
	}
	f.cidWidths = cidWidths(desc.Key("W"))
	if f.toUnicode == nil && !f.ucs2 {
		if f.gidText = dc.trueTypeText(desc.Key("FontDescriptor").Key("FontFile2")); f.gidText != nil {
			f.cidGID = dc.cidToGID(desc.Key("CIDToGIDMap"))
		}
	}
	return f
}

// maxCID bounds the dense width table: CIDs are 16-bit in practice.
const maxCID = 1 << 16

// cidWidths reads a /W array ("c [w1 w2 …]" and "c1 c2 w" entries) into a
// table by CID; -1 marks CIDs it does not give.
func cidWidths(w pdf.Value) []float32 {
	var out []float32
	set := func(cid int, width float64) {
		if cid < 0 || cid >= maxCID {
			return
		}
		for len(out) <= cid {
			out = append(out, -1)
		}
		out[cid] = float32(width)
	}
	n := w.Len()
	for i := 0; i < n; {
		c := int(w.Index(i).Float64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len(); j++ {
				set(c+j, next.Index(j).Float64())
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		c2 := int(next.Float64())
		width := w.Index(i + 2).Float64()
		for cid := max(c, 0); cid <= c2 && cid < maxCID; cid++ {
			set(cid, width)
		}
		i += 3
	}
	return out
}

// isCombiningMark: text is one non-spacing combining mark, which fonts
// rightly give no advance.
func isCombiningMark(text string) bool {
	r, n := utf8.DecodeRuneInString(text)
	return n == len(text) && n > 0 && unicode.Is(unicode.Mn, r)
}
