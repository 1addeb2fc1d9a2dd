package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// File names for a folder of exports, one file per paper: the paper's
// title made safe on Linux, macOS and Windows and as an Obsidian note
// name, and unique within the folder.

// maxStemRunes bounds a file name's length before its extension.
const maxStemRunes = 100

// unsafeInNames are the characters no file name gets: path separators,
// characters Windows refuses, and those Obsidian reads as link syntax.
const unsafeInNames = `/\:*?"<>|#^[]`

// FileStem makes a paper title into a file name without extension: the
// title's words with unsafe characters as spaces, no leading or trailing
// dots or spaces, at most maxStemRunes long (cut at a word where it can),
// never a name Windows reserves; "Untitled paper" when nothing is left.
func FileStem(title string) string {
	title = strings.ToValidUTF8(title, " ")
	title = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(unsafeInNames, r) || !unicode.IsPrint(r) && !unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, title)
	s := strings.Join(strings.Fields(title), " ")
	if utf8.RuneCountInString(s) > maxStemRunes {
		r := []rune(s)[:maxStemRunes]
		s = string(r)
		if i := strings.LastIndexByte(s, ' '); i > maxStemRunes/2 {
			s = s[:i]
		}
	}
	s = strings.Trim(s, ". ")
	if s == "" {
		return "Untitled paper"
	}
	if windowsReserved(s) {
		s += " (paper)"
	}
	return s
}

// windowsReserved reports names Windows keeps for devices, whatever the
// extension or case: CON, PRN, AUX, NUL, COM1–9, LPT1–9.
func windowsReserved(stem string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(stem), ".")
	base = strings.TrimSpace(base)
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9'
}

// UniqueNames returns stem+ext for each stem, adding " (2)", " (3)", …
// to repeats, comparing names without regard to case (as macOS and
// Windows do).
func UniqueNames(stems []string, ext string) []string {
	taken := map[string]bool{}
	out := make([]string, len(stems))
	for i, s := range stems {
		name := s + ext
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = s + " (" + strconv.Itoa(n) + ")" + ext
		}
		taken[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}
