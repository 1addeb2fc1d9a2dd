// Package termsafe makes text a user wrote (notes, quotes, tag names and
// descriptions, titles) safe to print on a terminal: a note holding an
// escape sequence must show as text, never recolour, retitle or clear the
// terminal. It is pure and imports the standard library only.
package termsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every control character written as a visible
// escape: C0 controls and DEL as \xNN (tab, line feed and carriage return
// as \t, \n, \r), C1 controls and the Unicode bidirectional overrides and
// isolates (which reorder what a terminal shows) as \uNNNN; invalid UTF-8
// becomes U+FFFD. Backslashes are left alone: the output is for reading,
// not for parsing back. Text without such characters comes back as it is.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isUnsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || isUnsafe(r) {
			return true
		}
	}
	return false
}

// isUnsafe reports the characters beyond ASCII that change what a
// terminal does or shows: C1 controls (U+0080–U+009F, U+009B is a second
// way to start an escape sequence) and the Unicode bidirectional controls
// (marks, embeddings, overrides and isolates).
func isUnsafe(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == 0x061c || r == 0x200e || r == 0x200f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
