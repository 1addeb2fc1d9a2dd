package pdfextract

import "regexp"

// Broken symbol fonts. Advent 3B2, the typesetting system behind many
// Elsevier, BMJ and Wiley journals, sets mathematical signs in its own Pi
// fonts (BaseFont "AdvP" and six hex digits, "AdvPi1", "AdvPSSym"). Their
// codes are not Latin-1, but the files carry no ToUnicode map, or one
// that reads the codes as Latin-1, so other readers print "p¼0.51" for
// "p=0.51", "mean6SD" for "mean±SD" and "1e3" for "1–3". In these fonts
// only, the Latin-1 readings of the signs are replaced by what the glyphs
// show. Text fonts of the same system ("AdvOT…", "AdvTT…") are left as
// they are.

var adventPiName = regexp.MustCompile(`^AdvP(?:[0-9A-F]{6}|i\d*|SSym)$`)

// adventPiText maps the Latin-1 reading of an Advent Pi glyph to its sign.
var adventPiText = map[string]string{
	"¼": "=",
	"6": "±",
	"þ": "+",
	"À": "−",
	"Â": "×",
	"e": "–",
}

// symbolFontText returns the text a glyph of font name shows when the
// font is a known broken symbol font; text unchanged otherwise.
func symbolFontText(name, text string) string {
	if fixed, ok := adventPiText[text]; ok && adventPiName.MatchString(name) {
		return fixed
	}
	return text
}
