package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFileStem(t *testing.T) {
	cases := []struct{ name, title, want string }{
		{"plain title keeps its words", "Troponin in chest pain", "Troponin in chest pain"},
		{"accents stay", "Étude de cohorte: Zoë Ødegård", "Étude de cohorte Zoë Ødegård"},
		{"path separators go", "../../etc/passwd", "etc passwd"},
		{"Windows characters go", `a<b>c:d"e|f?g*h\i`, "a b c d e f g h i"},
		{"Obsidian link syntax goes", "Note [[link]] #tag ^block", "Note link tag block"},
		{"line breaks and controls go", "one\ntwo\x00three\u202Efour", "one two three four"},
		{"leading dots would hide the file", "...hidden", "hidden"},
		{"trailing dots and spaces Windows drops", "Title. . ", "Title"},
		{"reserved device name", "CON", "CON (paper)"},
		{"reserved with extension", "nul.txt", "nul.txt (paper)"},
		{"COM1 is reserved, COM10 is not", "COM10", "COM10"},
		{"nothing left", "///", "Untitled paper"},
		{"empty", "", "Untitled paper"},
		{"invalid UTF-8", "bad \xff bytes", "bad bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FileStem(c.title); got != c.want {
				t.Errorf("FileStem(%q) = %q, want %q", c.title, got, c.want)
			}
		})
	}
	long := FileStem(strings.Repeat("randomised ", 40))
	if n := utf8.RuneCountInString(long); n > maxStemRunes || strings.HasSuffix(long, " ") || !strings.HasSuffix(long, "randomised") {
		t.Errorf("long title gives %q (%d characters), want a whole word within %d", long, n, maxStemRunes)
	}
}

func TestUniqueNames(t *testing.T) {
	got := UniqueNames([]string{"Trial", "trial", "Trial", "Other", "Trial (2)"}, ".md")
	want := []string{"Trial.md", "trial (2).md", "Trial (3).md", "Other.md", "Trial (2) (2).md"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}
