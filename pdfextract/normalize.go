package pdfextract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Text normalisation for layout.
//
// The extracted text is NFC, not NFKC. NFC composes "e" + U+0301 into "é"
// so search and anchoring see one character, but leaves compatibility
// characters alone: NFKC would also turn "²" into "2", "µ" (micro) into "μ"
// (mu), "½" into "1⁄2" and "™" into "TM", changing what a clinician reads
// in doses and units. The few compatibility forms that are only artefacts
// of typesetting are folded explicitly instead: the Latin ligatures
// U+FB00–FB06, no-break and other fixed-width spaces (to a space) and
// zero-width characters (removed). A drawn soft hyphen is kept until lines
// are joined: at a line end it marks hyphenation (see dehyphen.go), and
// any left elsewhere is removed then.

// ligatureExpansions maps the Latin ligature code points to their letters.
var ligatureExpansions = map[rune]string{
	'\uFB00': "ff",
	'\uFB01': "fi",
	'\uFB02': "fl",
	'\uFB03': "ffi",
	'\uFB04': "ffl",
	'\uFB05': "ſt",
	'\uFB06': "st",
}

// spacingAccents maps spacing diacritics that TeX and older fonts draw as
// separate glyphs over a letter to the combining mark NFC composes with it.
var spacingAccents = map[rune]rune{
	'\u00B4': '\u0301', // acute
	'\u0060': '\u0300', // grave
	'\u00A8': '\u0308', // diaeresis
	'\u02C6': '\u0302', // circumflex
	'\u005E': '\u0302', // ASCII circumflex, as some fonts map it
	'\u02DC': '\u0303', // small tilde
	'\u00AF': '\u0304', // macron
	'\u02D8': '\u0306', // breve
	'\u02D9': '\u0307', // dot above
	'\u02DA': '\u030A', // ring above
	'\u02DD': '\u030B', // double acute
	'\u02C7': '\u030C', // caron
	'\u00B8': '\u0327', // cedilla
	'\u02DB': '\u0328', // ogonek
}

// combiningFor is the combining mark of a spacing accent (see
// spacingAccents), 0 for any other rune.
func combiningFor(r rune) rune {
	if r != '^' && r != '`' && (r < '\u00A8' || r > '\u02DD') {
		return 0 // outside every key's range: no lookup
	}
	return spacingAccents[r]
}

// cleanGlyphText folds one glyph's text: ligatures expanded, typographic
// spaces made plain spaces, invisible format characters and controls
// dropped. The result may be empty.
func cleanGlyphText(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if exp, ok := ligatureExpansions[r]; ok {
			b.WriteString(exp)
			continue
		}
		switch {
		case r == '\uFEFF', r == '\uFFFE', r == '\uFFFF':
			// byte-order mark, non-characters: typesetting only
		case r >= '\u200B' && r <= '\u200F', r >= '\u2060' && r <= '\u2064':
			// zero-width spaces, joiners, direction marks
		case r == '\t', r == '\n', r == '\r', r == '\u00A0', r == '\u202F', r == '\u3000',
			r >= '\u2000' && r <= '\u200A':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normalizeText applies NFC to assembled text.
func normalizeText(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
