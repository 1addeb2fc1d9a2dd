// Package authors gives each annotation author a mark a reader can tell
// apart at a glance: initials and a colour, the same on every machine for
// the same name, so a journal club's members look alike in every
// member's Appraise and in every handout.
//
// It is pure (standard library only besides internal/appraise's
// conventions) and imports no adapter.
package authors

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"unicode"
)

// palette is twelve colours that read on white and on a dark background,
// keep clear of the built-in tags' blue, green and orange (an author's
// mark sits beside a tag's), and stay apart from one another as far as
// twelve can.
var palette = [...]string{
	"#6a3d9a", "#b15928", "#e7298a", "#393b79", "#a6761d", "#666666",
	"#d62728", "#17becf", "#7570b3", "#843c39", "#ad494a", "#8c6d31",
}

// Unknown is the name shown for annotations without an author.
const Unknown = "(no author)"

// Key folds a name the way authors are matched everywhere in Appraise:
// case and surrounding or repeated space ignored.
func Key(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Color is the author's colour, "#rrggbb", from their folded name.
func Color(name string) string {
	sum := sha256.Sum256([]byte(Key(name)))
	return palette[binary.BigEndian.Uint32(sum[:4])%uint32(len(palette))]
}

// honorifics are words skipped when taking initials.
var honorifics = map[string]bool{"dr": true, "dr.": true, "prof": true, "prof.": true,
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "mx": true}

// Initials are up to two letters: the first letters of the first and last
// words of the name (honorifics skipped when two words remain without
// them), upper-cased; the first two
// letters of a one-word name; "?" for an empty name.
func Initials(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		if !honorifics[strings.ToLower(w)] {
			words = append(words, w)
		}
	}
	if len(words) < 2 {
		words = strings.Fields(name) // "Dr Lee" is DL, not Le
	}
	first := func(w string) []rune {
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return []rune{unicode.ToUpper(r)}
			}
		}
		return nil
	}
	switch len(words) {
	case 0:
		return "?"
	case 1:
		var out []rune
		for _, r := range words[0] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, r)
				if len(out) == 2 {
					break
				}
			}
		}
		if len(out) == 0 {
			return "?"
		}
		out[0] = unicode.ToUpper(out[0])
		return string(out)
	}
	out := append(first(words[0]), first(words[len(words)-1])...)
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}
