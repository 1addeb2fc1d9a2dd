package pdfextract

import (
	"sort"
	"strings"
)

// std14Widths returns a width lookup by glyph name (glyph units) for a
// font that is, or is metric-compatible with, one of the standard 14 fonts
// (Arial for Helvetica, Times New Roman for Times, Courier New for
// Courier), or nil for any other font. The tables come from
// font_std14_table.go.
func std14Widths(name string) func(glyph string) (float64, bool) {
	lower := strings.ToLower(strings.ReplaceAll(stripSubset(name), " ", ""))
	bold := containsAny(lower, "bold", "black", "heavy", "semibd", "demi")
	italic := containsAny(lower, "italic", "oblique")
	switch {
	case strings.HasPrefix(lower, "courier"):
		return func(string) (float64, bool) { return 600, true }
	case strings.HasPrefix(lower, "helvetica") || strings.HasPrefix(lower, "arial"):
		if bold {
			return latinLookup(helveticaBoldWidths[:])
		}
		return latinLookup(helveticaWidths[:])
	case strings.HasPrefix(lower, "times"):
		switch {
		case bold && italic:
			return latinLookup(timesBoldItalicWidths[:])
		case bold:
			return latinLookup(timesBoldWidths[:])
		case italic:
			return latinLookup(timesItalicWidths[:])
		}
		return latinLookup(timesRomanWidths[:])
	case lower == "symbol" || strings.HasPrefix(lower, "symbol,") || strings.HasPrefix(lower, "symbolmt"):
		return namedLookup(symbolGlyphNames[:], symbolWidths[:])
	case strings.HasPrefix(lower, "zapfdingbats"):
		return namedLookup(zapfGlyphNames[:], zapfWidths[:])
	}
	return nil
}

func latinLookup(widths []uint16) func(string) (float64, bool) {
	return namedLookup(latinGlyphNames[:], widths)
}

func namedLookup(names []string, widths []uint16) func(string) (float64, bool) {
	return func(glyph string) (float64, bool) {
		i := sort.SearchStrings(names, glyph)
		if i < len(names) && names[i] == glyph {
			return float64(widths[i]), true
		}
		return 0, false
	}
}
