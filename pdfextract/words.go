package pdfextract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Glyphs of one line → text with spaces between words.
//
// A space is written where the PDF drew a space character or where the gap
// between two glyphs exceeds wordGapEm of the font size. Kerning inside
// words (TJ adjustments) stays well below that; the narrowest justified word
// spaces stay above it.
//
// Superscripts (glyphs smaller than superscriptSizeRatio of the line's
// size, raised above its baseline) are kept but never glued to the word
// before them:
//   - a short numeric superscript is an exponent, written with a caret,
//     before a relation sign after a number or short symbol ("I^2 = 84%",
//     "Chi^2 ="), or glued to 10 ("10^5"), to a number when signed, or to
//     a unit of at most three letters when 2, 3 or signed ("m^2", "s^-1")
//     (see isExponentOf); an ordinal suffix after a number is glued: "5th";
//   - primes, degree signs and ion charges are glued: "5′", "Mg2+";
//   - anywhere else it is a citation, footnote or affiliation marker and is
//     written in square brackets after a space: "therapy²³" → "therapy [23]",
//     "Smith¹,²" → "Smith [1,2]".
// Subscripts stay glued ("CO2", "OD600") except after a single lower-case
// letter or up to three letters set apart (italic, bold or in a math font),
// a mathematical variable, where the index is a word of its own
// ("g k" for g with subscript k), as in the project's reference texts.

const (
	wordGapEm            = 0.13
	superscriptSizeRatio = 0.8
	superscriptRaiseEm   = 0.12
	zeroAdvanceEm        = 0.05
)

// wordsText renders glyphs (sorted by x) of one line whose dominant font
// size is size on baseline base.
func wordsText(gs []lglyph, base, size float64) string {
	b := edgeBuilder{noEdges: true}
	renderWords(&b, gs, base, size)
	return b.String()
}

// lineText renders a line's glyphs as wordsText does, trimmed, with runs
// of spaces collapsed and in NFC, and with the x edges of its characters.
func lineText(gs []lglyph, base, size float64) edgeText {
	var b edgeBuilder
	renderWords(&b, gs, base, size)
	return b.text().collapse().nfc()
}

// renderWords writes the text of glyphs gs (see wordsText) into b.
func renderWords(b *edgeBuilder, gs []lglyph, base, size float64) {
	gs = combineAccents(dropOverprints(gs))
	markSuperscripts(gs, base, size)
	font := dominantFont(gs)
	var prev *lglyph // previous glyph with ink
	spacePending := false
	forceSpace := false // after a bracketed marker, separate the next word
	for i := 0; i < len(gs); i++ {
		g := &gs[i]
		if g.space {
			spacePending = true
			continue
		}
		if g.superscript {
			j := i
			sup := edgeBuilder{noEdges: b.noEdges}
			for j < len(gs) && (gs[j].superscript || gs[j].space && j+1 < len(gs) && gs[j+1].superscript) {
				if gs[j].space {
					sup.insertAt(" ", gs[j].x0)
				} else {
					if j > i && sup.Len() > 0 && gs[j].x0-gs[j-1].x1 > wordGapEm*size && !gs[j-1].space {
						sup.insert(" ")
					}
					sup.glyph(gs[j].text, gs[j].x0, gs[j].x1)
				}
				j++
			}
			gap := prev != nil && (spacePending && g.x0-prev.x1 > zeroAdvanceEm*size || g.x0-prev.x1 > wordGapEm*size)
			next := ""
			for k := j; k < len(gs) && next == ""; k++ {
				if !gs[k].space {
					next = gs[k].text
				}
			}
			forceSpace = writeSuperscript(b, sup.text().trimSpace(), gap, next)
			prev = &gs[j-1]
			i = j - 1
			spacePending = false
			continue
		}
		if prev != nil {
			em := math.Max(prev.size, g.size)
			if prev.superscript {
				em = size
			}
			gap := g.x0 - prev.x1
			// A drawn space counts only if the next glyph moved on: some
			// producers draw zero-advance spaces inside words.
			drawn := spacePending && gap > zeroAdvanceEm*em
			mathIndex := isSubscript(g, base, size) && !isSubscript(prev, base, size) &&
				isMathVariable(trailingLetters(variableBefore(b.String(), prev.superscript)), prev.italic || prev.bold || prev.font != font)
			if drawn || gap > wordGapEm*em || forceSpace && startsWordChar(g.text) || mathIndex {
				b.insert(" ")
			}
		}
		b.glyph(g.text, g.x0, g.x1)
		prev = g
		spacePending, forceSpace = false, false
	}
}

// variableBefore is the token a subscript would index: the last one
// written, less what a raised accent over it left ("g" + raised "→").
func variableBefore(written string, accented bool) string {
	tok := lastToken(written)
	if accented {
		tok = strings.TrimRightFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	return tok
}

// writeSuperscript writes a superscript run sup after the text in b and
// reports whether the next word must be separated from it. next is the
// text of the first glyph after the run. The caret and brackets it adds
// take the edges around them: "[" starts at the run, "]" at its end.
func writeSuperscript(b *edgeBuilder, sup edgeText, gapBefore bool, next string) bool {
	s := sup.s
	if s == "" {
		return false
	}
	last := lastToken(b.String())
	if isSymbolSuperscript(s) || isCharge(s) && last != "" && !gapBefore {
		b.add(sup) // "5′", "37°", "Mg2+": part of the word
		return false
	}
	if last != "" && isExponentOf(last, s, gapBefore, next) {
		b.insert("^")
		b.add(sup)
		return false
	}
	if !gapBefore && last != "" && isNumberToken(last) && isOrdinalSuffix(s) {
		b.add(sup)
		return false
	}
	if b.Len() > 0 {
		b.insert(" ")
	}
	b.insertAt("[", sup.left())
	b.add(sup)
	b.insert("]")
	return true
}

// isExponentOf decides whether superscript s after token last is an
// exponent rather than a citation, footnote or affiliation mark:
//   - before a relation sign ("I² = 84%", "χ² <", "R² ="), after a number
//     or a short symbol, even set a little apart (italic letters are);
//   - otherwise only glued to its base: after 10 ("10⁵", "× 10⁻³"), or
//     any number when signed; after a unit of one to three letters
//     ("m²", "s⁻¹") when it is 2, 3 or signed. A name of two or three
//     letters ("Gu¹", "Li²") takes an affiliation mark, and a year
//     ("2010¹⁹") a citation.
func isExponentOf(last, s string, gapBefore bool, next string) bool {
	if !isExponent(s) {
		return false
	}
	number, unit := isNumberToken(last), isUnitToken(last)
	if startsRelation(next) && (number || unit) {
		return true
	}
	if gapBefore {
		return false
	}
	signed := strings.ContainsAny(s[:1], "−-–+")
	switch {
	case number:
		base := strings.TrimLeft(last, "(")
		return base == "10" || strings.HasSuffix(base, "×10") || signed
	case unit:
		return (s == "2" || s == "3" || signed) && !isShortName(last)
	}
	return false
}

// startsRelation: text begins with a relation sign.
func startsRelation(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return strings.ContainsRune("=<>≤≥≈~", r)
}

// isShortName: a capitalised token of two or three letters ("Gu", "Li",
// "Ana") — a name before an affiliation mark more often than a unit.
func isShortName(t string) bool {
	t = strings.TrimLeft(t, "(")
	rs := []rune(t)
	if len(rs) < 2 || len(rs) > 3 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// lastToken is the text after the last space, at most 64 bytes of it.
func lastToken(s string) string {
	if len(s) > 64 {
		s = s[len(s)-64:]
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
	}
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func isNumberToken(t string) bool {
	t = strings.TrimLeft(t, "(−-+")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsDigit(r) {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) && r != '.' && r != ',' && r != '×' && r != '·' {
			return false
		}
	}
	return true
}

// isUnitToken: a short letter token such as "m", "cm", "R", "kg/m".
func isUnitToken(t string) bool {
	t = strings.TrimLeft(t, "(")
	if i := strings.LastIndexByte(t, '/'); i >= 0 {
		t = t[i+1:]
	}
	n := 0
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// isSymbolSuperscript: primes, degree signs and the like, but not the
// footnote marks * † ‡ § ¶ #.
func isSymbolSuperscript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("*†‡§¶#", r) {
			return false
		}
	}
	return true
}

// isCharge: an ion's charge, "+", "2+", "3−".
func isCharge(s string) bool {
	t := strings.TrimLeft(s, "0123456789")
	return len(t) < len(s) && (t == "+" || t == "−" || t == "-" || t == "–") || s == "+" || s == "−"
}

func isOrdinalSuffix(s string) bool {
	switch s {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// isExponent: an optional sign and one or two digits.
func isExponent(s string) bool {
	s = strings.TrimLeft(s, "−-–+")
	n := 0
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 2
}

func startsWordChar(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// markSuperscripts flags small glyphs raised above the line's baseline.
func markSuperscripts(gs []lglyph, base, size float64) {
	for i := range gs {
		g := &gs[i]
		g.superscript = false
		if g.space || g.size > superscriptSizeRatio*size {
			continue
		}
		if g.rise > 0.05*size || base-g.base > superscriptRaiseEm*size {
			g.superscript = true
		}
	}
}

// isMathVariable: a token of one lower-case letter, or of one to three
// letters set apart (in italic, bold or another font than the line's)
// with a lower-case one among them — not a chemical element ("CO2", "H2O").
func isMathVariable(tok string, apart bool) bool {
	n, lower := 0, 0
	for _, r := range tok {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsLower(r) {
			lower++
		}
		n++
	}
	return n == 1 && lower == 1 || apart && n >= 1 && n <= 3 && lower > 0
}

// dominantFont is the font of most glyphs (the smallest name on ties).
func dominantFont(gs []lglyph) string {
	var t fontTally
	for i := range gs {
		t.add(gs[i].font)
	}
	return t.best()
}

// isSubscript: a small glyph lowered below the line's baseline.
func isSubscript(g *lglyph, base, size float64) bool {
	return !g.space && g.size <= superscriptSizeRatio*size && g.base-base > 0.08*size
}

// dropOverprints removes glyphs drawn twice at (almost) the same place, as
// producers do to fake bold or shadow text.
func dropOverprints(gs []lglyph) []lglyph {
	dup := false
	for i := 1; i < len(gs) && !dup; i++ {
		dup = isOverprint(&gs[i], gs[max(0, i-3):i])
	}
	if !dup {
		return gs
	}
	out := make([]lglyph, 0, len(gs))
	for i := range gs {
		if isOverprint(&gs[i], out[max(0, len(out)-3):]) {
			continue
		}
		out = append(out, gs[i])
	}
	return out
}

func isOverprint(g *lglyph, before []lglyph) bool {
	if g.space {
		return false
	}
	for k := range before {
		p := &before[k]
		// Positions first: they rule out almost every pair before the
		// texts are compared.
		if math.Abs(p.x0-g.x0) < 0.25*g.size && math.Abs(p.base-g.base) < 0.15*g.size &&
			math.Abs(p.size-g.size) < 0.1*g.size && math.Abs(p.x0-g.x0) < 0.6*(g.x1-g.x0) && p.text == g.text {
			return true
		}
	}
	return false
}

// accentBase is the index of the letter accent gs[i] belongs to, -1 for
// none: among the two letters on either side, the one its box overlaps
// most (at least 0.4 of the narrower of the two), the letter after on a
// tie (TeX draws the accent, then the letter). A mark drawn with no
// advance belongs to the letter whose box holds its position, or that
// ends there (it was drawn after the letter, at the pen).
func accentBase(gs []lglyph, i int) int {
	a := &gs[i]
	best, bestScore := -1, 0.0
	for _, k := range []int{i + 1, i - 1, i + 2, i - 2} {
		if k < 0 || k >= len(gs) || gs[k].space || gs[k].accentCombine != 0 {
			continue
		}
		l := &gs[k]
		r, _ := utf8.DecodeRuneInString(l.text)
		if !unicode.IsLetter(r) {
			continue
		}
		var score float64
		if aw := a.x1 - a.x0; aw > 0 {
			overlap := math.Min(a.x1, l.x1) - math.Max(a.x0, l.x0)
			score = overlap / math.Max(math.Min(aw, l.x1-l.x0), 1e-9)
			if score < 0.4 {
				continue
			}
		} else {
			slack := 0.05 * math.Max(l.size, 1)
			if a.x0 <= l.x0 || a.x0 > l.x1+slack {
				continue
			}
			score = 1 - math.Abs(a.x0-l.x1)/math.Max(l.x1-l.x0, 1e-9) // the letter ending nearest
		}
		if score > bestScore+1e-9 {
			best, bestScore = k, score
		}
	}
	return best
}

// withMark appends combining mark m to a letter's text; a dotless i or j
// under a mark above becomes the plain letter, which NFC then composes
// ("ı" + acute → "í").
func withMark(text string, m rune) string {
	below := m == '\u0327' || m == '\u0328' || m >= '\u0316' && m <= '\u0333' && m != '\u031A' && m != '\u031B'
	if !below {
		switch {
		case strings.HasSuffix(text, "ı"):
			text = strings.TrimSuffix(text, "ı") + "i"
		case strings.HasSuffix(text, "ȷ"):
			text = strings.TrimSuffix(text, "ȷ") + "j"
		}
	}
	return text + string(m)
}

// combineAccents attaches spacing accents drawn over a letter to that
// letter as a combining mark, so "´" over "e" becomes "é" after NFC.
func combineAccents(gs []lglyph) []lglyph {
	has := false
	for i := range gs {
		if gs[i].accentCombine != 0 {
			has = true
			break
		}
	}
	if !has {
		return gs
	}
	gs = append([]lglyph(nil), gs...) // letters change: do not touch the caller's
	out := make([]lglyph, 0, len(gs))
	used := make([]bool, len(gs))
	for i := range gs {
		a := &gs[i]
		if a.accentCombine == 0 {
			continue
		}
		if k := accentBase(gs, i); k >= 0 {
			l := &gs[k]
			l.text = withMark(l.text, a.accentCombine)
			used[i] = true
		}
	}
	for i := range gs {
		if !used[i] {
			out = append(out, gs[i])
		}
	}
	return out
}
