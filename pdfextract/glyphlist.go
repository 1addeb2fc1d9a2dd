package pdfextract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// glyphRunes maps the glyph names that fonts in papers actually use to
// Unicode: the Adobe standard Latin set (every name in the Standard,
// WinAnsi, MacRoman and PDFDoc encodings), Latin Extended-A letters of
// European author names, the Symbol font's Greek and mathematics, TeX's
// math-symbol names, and the f-ligatures. Names outside it are resolved by
// glyphText's rules (uniXXXX, uXXXX, suffixes, underscores, single
// letters). Greek capitals map to the Greek block, not to the Ohm and
// increment signs. The map is read-only.
var glyphRunes = map[string]rune{
	// ASCII punctuation and digits (letters are handled by glyphText).
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "parenleft": '(', "parenright": ')', "asterisk": '*',
	"plus": '+', "comma": ',', "hyphen": '-', "period": '.', "slash": '/', "zero": '0', "one": '1',
	"two": '2', "three": '3', "four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8',
	"nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']',
	"asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{', "bar": '|',
	"braceright": '}', "asciitilde": '~',
	// Latin-1 supplement.
	"nbspace": 0xA0, "exclamdown": 0xA1, "cent": 0xA2, "sterling": 0xA3, "currency": 0xA4, "yen": 0xA5,
	"brokenbar": 0xA6, "section": 0xA7, "dieresis": 0xA8, "copyright": 0xA9, "ordfeminine": 0xAA,
	"guillemotleft": 0xAB, "guillemetleft": 0xAB, "logicalnot": 0xAC, "sfthyphen": 0xAD,
	"registered": 0xAE, "macron": 0xAF, "degree": 0xB0, "plusminus": 0xB1, "twosuperior": 0xB2,
	"threesuperior": 0xB3, "acute": 0xB4, "mu": 0xB5, "micro": 0xB5, "paragraph": 0xB6,
	"periodcentered": 0xB7, "cedilla": 0xB8, "onesuperior": 0xB9, "ordmasculine": 0xBA,
	"guillemotright": 0xBB, "guillemetright": 0xBB, "onequarter": 0xBC, "onehalf": 0xBD,
	"threequarters": 0xBE, "questiondown": 0xBF, "Agrave": 0xC0, "Aacute": 0xC1, "Acircumflex": 0xC2,
	"Atilde": 0xC3, "Adieresis": 0xC4, "Aring": 0xC5, "AE": 0xC6, "Ccedilla": 0xC7, "Egrave": 0xC8,
	"Eacute": 0xC9, "Ecircumflex": 0xCA, "Edieresis": 0xCB, "Igrave": 0xCC, "Iacute": 0xCD,
	"Icircumflex": 0xCE, "Idieresis": 0xCF, "Eth": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3,
	"Ocircumflex": 0xD4, "Otilde": 0xD5, "Odieresis": 0xD6, "multiply": 0xD7, "Oslash": 0xD8,
	"Ugrave": 0xD9, "Uacute": 0xDA, "Ucircumflex": 0xDB, "Udieresis": 0xDC, "Yacute": 0xDD,
	"Thorn": 0xDE, "germandbls": 0xDF, "agrave": 0xE0, "aacute": 0xE1, "acircumflex": 0xE2,
	"atilde": 0xE3, "adieresis": 0xE4, "aring": 0xE5, "ae": 0xE6, "ccedilla": 0xE7, "egrave": 0xE8,
	"eacute": 0xE9, "ecircumflex": 0xEA, "edieresis": 0xEB, "igrave": 0xEC, "iacute": 0xED,
	"icircumflex": 0xEE, "idieresis": 0xEF, "eth": 0xF0, "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3,
	"ocircumflex": 0xF4, "otilde": 0xF5, "odieresis": 0xF6, "divide": 0xF7, "oslash": 0xF8,
	"ugrave": 0xF9, "uacute": 0xFA, "ucircumflex": 0xFB, "udieresis": 0xFC, "yacute": 0xFD,
	"thorn": 0xFE, "ydieresis": 0xFF,
	// Latin Extended-A and B.
	"Amacron": 0x100, "amacron": 0x101, "Abreve": 0x102, "abreve": 0x103, "Aogonek": 0x104,
	"aogonek": 0x105, "Cacute": 0x106, "cacute": 0x107, "Ccaron": 0x10C, "ccaron": 0x10D,
	"Dcaron": 0x10E, "dcaron": 0x10F, "Dcroat": 0x110, "dcroat": 0x111, "Emacron": 0x112,
	"emacron": 0x113, "Edotaccent": 0x116, "edotaccent": 0x117, "Eogonek": 0x118, "eogonek": 0x119,
	"Ecaron": 0x11A, "ecaron": 0x11B, "Gbreve": 0x11E, "gbreve": 0x11F, "Gcommaaccent": 0x122,
	"gcommaaccent": 0x123, "Imacron": 0x12A, "imacron": 0x12B, "Iogonek": 0x12E, "iogonek": 0x12F,
	"Idotaccent": 0x130, "dotlessi": 0x131, "Kcommaaccent": 0x136, "kcommaaccent": 0x137,
	"Lacute": 0x139, "lacute": 0x13A, "Lcommaaccent": 0x13B, "lcommaaccent": 0x13C, "Lcaron": 0x13D,
	"lcaron": 0x13E, "Lslash": 0x141, "lslash": 0x142, "Nacute": 0x143, "nacute": 0x144,
	"Ncommaaccent": 0x145, "ncommaaccent": 0x146, "Ncaron": 0x147, "ncaron": 0x148, "Omacron": 0x14C,
	"omacron": 0x14D, "Ohungarumlaut": 0x150, "ohungarumlaut": 0x151, "OE": 0x152, "oe": 0x153,
	"Racute": 0x154, "racute": 0x155, "Rcommaaccent": 0x156, "rcommaaccent": 0x157, "Rcaron": 0x158,
	"rcaron": 0x159, "Sacute": 0x15A, "sacute": 0x15B, "Scedilla": 0x15E, "scedilla": 0x15F,
	"Scaron": 0x160, "scaron": 0x161, "Tcaron": 0x164, "tcaron": 0x165, "Umacron": 0x16A,
	"umacron": 0x16B, "Uring": 0x16E, "uring": 0x16F, "Uhungarumlaut": 0x170, "uhungarumlaut": 0x171,
	"Uogonek": 0x172, "uogonek": 0x173, "Ydieresis": 0x178, "Zacute": 0x179, "zacute": 0x17A,
	"Zdotaccent": 0x17B, "zdotaccent": 0x17C, "Zcaron": 0x17D, "zcaron": 0x17E, "florin": 0x192,
	"Scommaaccent": 0x218, "scommaaccent": 0x219, "Tcommaaccent": 0x21A, "tcommaaccent": 0x21B,
	"dotlessj": 0x237,
	// Spacing accents.
	"circumflex": 0x2C6, "caron": 0x2C7, "breve": 0x2D8, "dotaccent": 0x2D9, "ring": 0x2DA,
	"ogonek": 0x2DB, "tilde": 0x2DC, "hungarumlaut": 0x2DD, "commaaccent": 0x326,
	// Greek (Symbol font and TeX names).
	"Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Epsilon": 0x395, "Zeta": 0x396,
	"Eta": 0x397, "Theta": 0x398, "Iota": 0x399, "Kappa": 0x39A, "Lambda": 0x39B, "Mu": 0x39C,
	"Nu": 0x39D, "Xi": 0x39E, "Omicron": 0x39F, "Pi": 0x3A0, "Rho": 0x3A1, "Sigma": 0x3A3,
	"Tau": 0x3A4, "Upsilon": 0x3A5, "Phi": 0x3A6, "Chi": 0x3A7, "Psi": 0x3A8, "Omega": 0x3A9,
	"alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3B5, "zeta": 0x3B6,
	"eta": 0x3B7, "theta": 0x3B8, "iota": 0x3B9, "kappa": 0x3BA, "lambda": 0x3BB, "nu": 0x3BD,
	"xi": 0x3BE, "omicron": 0x3BF, "pi": 0x3C0, "rho": 0x3C1, "sigma1": 0x3C2, "sigma": 0x3C3,
	"tau": 0x3C4, "upsilon": 0x3C5, "phi": 0x3C6, "chi": 0x3C7, "psi": 0x3C8, "omega": 0x3C9,
	"theta1": 0x3D1, "Upsilon1": 0x3D2, "phi1": 0x3D5, "omega1": 0x3D6,
	// General punctuation and letterlike symbols.
	"figuredash": 0x2012, "endash": 0x2013, "emdash": 0x2014, "quoteleft": 0x2018, "quoteright": 0x2019,
	"quotesinglbase": 0x201A, "quotedblleft": 0x201C, "quotedblright": 0x201D, "quotedblbase": 0x201E,
	"dagger": 0x2020, "daggerdbl": 0x2021, "bullet": 0x2022, "ellipsis": 0x2026, "perthousand": 0x2030,
	"minute": 0x2032, "second": 0x2033, "prime": 0x2032, "guilsinglleft": 0x2039,
	"guilsinglright": 0x203A, "fraction": 0x2044, "Euro": 0x20AC, "Ifraktur": 0x2111,
	"Ifractur": 0x2111, "weierstrass": 0x2118, "Rfraktur": 0x211C, "Rfractur": 0x211C,
	"trademark": 0x2122, "aleph": 0x2135, "estimated": 0x212E,
	"copyrightserif": 0xA9, "copyrightsans": 0xA9, "registerserif": 0xAE, "registersans": 0xAE,
	"trademarkserif": 0x2122, "trademarksans": 0x2122,
	// Arrows.
	"arrowleft": 0x2190, "arrowup": 0x2191, "arrowright": 0x2192, "arrowdown": 0x2193,
	"arrowboth": 0x2194, "arrowbothv": 0x2195, "arrownorthwest": 0x2196, "arrownortheast": 0x2197,
	"arrowsoutheast": 0x2198, "arrowsouthwest": 0x2199, "mapsto": 0x21A6, "carriagereturn": 0x21B5,
	"arrowdblleft": 0x21D0, "arrowdblup": 0x21D1, "arrowdblright": 0x21D2, "arrowdbldown": 0x21D3,
	"arrowdblboth": 0x21D4, "arrowdblbothv": 0x21D5,
	// Mathematical operators.
	"universal": 0x2200, "partialdiff": 0x2202, "existential": 0x2203, "emptyset": 0x2205,
	"gradient": 0x2207, "nabla": 0x2207, "element": 0x2208, "notelement": 0x2209, "suchthat": 0x220B,
	"owner": 0x220B, "product": 0x220F, "coproduct": 0x2210, "summation": 0x2211, "minus": 0x2212,
	"minusplus": 0x2213, "asteriskmath": 0x2217, "radical": 0x221A, "proportional": 0x221D,
	"infinity": 0x221E, "angle": 0x2220, "bardbl": 0x2225, "logicaland": 0x2227, "logicalor": 0x2228,
	"intersection": 0x2229, "union": 0x222A, "integral": 0x222B, "therefore": 0x2234, "similar": 0x223C,
	"wreathproduct": 0x2240, "similarequal": 0x2243, "congruent": 0x2245, "approxequal": 0x2248,
	"equivasymptotic": 0x224D, "notequal": 0x2260, "equivalence": 0x2261, "lessequal": 0x2264,
	"greaterequal": 0x2265, "lessmuch": 0x226A, "greatermuch": 0x226B, "precedes": 0x227A,
	"follows": 0x227B, "propersubset": 0x2282, "propersuperset": 0x2283, "notsubset": 0x2284,
	"reflexsubset": 0x2286, "reflexsuperset": 0x2287, "unionmulti": 0x228E, "subsetsqequal": 0x2291,
	"supersetsqequal": 0x2292, "intersectionsq": 0x2293, "unionsq": 0x2294, "circleplus": 0x2295,
	"circleminus": 0x2296, "circlemultiply": 0x2297, "circledivide": 0x2298, "circledot": 0x2299,
	"turnstileleft": 0x22A2, "turnstileright": 0x22A3, "latticetop": 0x22A4, "perpendicular": 0x22A5,
	"diamondmath": 0x22C4, "dotmath": 0x22C5, "ceilingleft": 0x2308, "ceilingright": 0x2309,
	"floorleft": 0x230A, "floorright": 0x230B, "angleleft": 0x2329, "angleright": 0x232A,
	"integraltp": 0x2320, "integralbt": 0x2321, "angbracketleft": 0x27E8, "angbracketright": 0x27E9,
	"precedesequal": 0x2AAF, "followsequal": 0x2AB0, "negationslash": 0x338,
	// Shapes and suits.
	"lozenge": 0x25CA, "triangle": 0x25B3, "triangleinv": 0x25BD, "openbullet": 0x25E6,
	"spade": 0x2660, "club": 0x2663, "heart": 0x2665, "diamond": 0x2666, "filledbox": 0x25A0,
	"H18533": 0x25CF, "H18543": 0x25AA, "H18551": 0x25AB, "H22073": 0x25A1,
	// Zapf Dingbats names that show up as list bullets and ticks.
	"a19": 0x2713, "a20": 0x2714, "a71": 0x25CF, "a73": 0x25A0, "a76": 0x25B2, "a77": 0x25BC,
	"a78": 0x25C6,
	// Ligatures.
	"ff": 0xFB00, "fi": 0xFB01, "fl": 0xFB02, "ffi": 0xFB03, "ffl": 0xFB04,
}

// glyphText returns the Unicode text a glyph name stands for, or "" when
// the name carries no meaning ("g123", "cid45", ".notdef"). Rules, in
// order: the table; "uniXXXX…" (one or more groups of four hex digits);
// "uXXXX" to "uXXXXXX"; a single ASCII letter; a suffix after '.' dropped
// ("a.sc", "one.oldstyle"); components joined by '_' ("f_f_i").
func glyphText(name string) string {
	if name == "" || name == ".notdef" {
		return ""
	}
	if r, ok := glyphRunes[name]; ok {
		return string(r)
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			t := glyphText(part)
			if t == "" {
				return ""
			}
			b.WriteString(t)
		}
		return b.String()
	}
	if s, ok := uniName(name); ok {
		return s
	}
	return ""
}

// uniName decodes "uniXXXX[XXXX…]" and "uXXXX[X[X]]" glyph names.
func uniName(name string) (string, bool) {
	if hex, ok := strings.CutPrefix(name, "uni"); ok && len(hex) >= 4 && len(hex)%4 == 0 {
		var b strings.Builder
		for i := 0; i < len(hex); i += 4 {
			r, ok := hexRune(hex[i : i+4])
			if !ok {
				return "", false
			}
			b.WriteRune(r)
		}
		return b.String(), true
	}
	if hex, ok := strings.CutPrefix(name, "u"); ok && len(hex) >= 4 && len(hex) <= 6 {
		if r, ok := hexRune(hex); ok {
			return string(r), true
		}
	}
	return "", false
}

// hexRune parses upper-case hex digits as a valid, non-surrogate code
// point (the glyph-name convention; lower-case digits are not allowed).
func hexRune(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, false
	}
	return rune(v), true
}
