package store

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold prepares text for case- and diacritic-insensitive search: each code
// point becomes exactly one (lower-cased, accents removed), so an offset in
// the folded text is the same offset in the original, for snippets.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, asciiFold[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, foldRune(r))
		i += n
	}
	return string(b)
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r < ' ' {
			return ' ' // control characters separate search records
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	// The first code point of the canonical decomposition is the base
	// letter: é → e + ◌́ → e.
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return unicode.ToLower(base)
}

// asciiFold is foldRune for ASCII, as a table: most of a paper's text.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(foldRune(rune(c)))
	}
	return t
}()
