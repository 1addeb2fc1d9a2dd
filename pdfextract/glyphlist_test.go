package pdfextract

import "testing"

func TestGlyphText(t *testing.T) {
	tests := []struct{ name, glyph, want string }{
		{"table name", "quotedblleft", "“"},
		{"single letter", "Q", "Q"},
		{"ligature name", "ffi", "ﬃ"},
		{"uni with one code point", "uni00E9", "é"},
		{"uni with several code points", "uni00660069", "fi"},
		{"uni with lower-case hex is not a uni name", "uni00e9", ""},
		{"uni with a surrogate is refused", "uniD835", ""},
		{"u with five digits", "u1D400", "𝐀"},
		{"suffix dropped", "one.oldstyle", "1"},
		{"underscore ligature", "f_f_l", "ffl"},
		{"underscore with an unknown part", "f_g123", ""},
		{"Greek from the Symbol font", "theta1", "ϑ"},
		{"TeX math name", "lessequal", "≤"},
		{"meaningless name", "g123", ""},
		{"notdef", ".notdef", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := glyphText(tc.glyph); got != tc.want {
				t.Errorf("glyphText(%q) = %q, want %q", tc.glyph, got, tc.want)
			}
		})
	}
}
