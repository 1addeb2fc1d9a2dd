package termsafe

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is unchanged", "Children only, 6–12 years", "Children only, 6–12 years"},
		{"empty", "", ""},
		{"colour escape sequence shows as text", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"window title sequence", "\x1b]0;owned\x07", `\x1b]0;owned\x07`},
		{"clear screen", "\x1b[2J", `\x1b[2J`},
		{"NUL and bell", "a\x00b\x07", `a\x00b\x07`},
		{"DEL", "a\x7fb", `a\x7fb`},
		{"line breaks and tabs", "one\ntwo\r\tthree", `one\ntwo\r\tthree`},
		{"C1 control sequence introducer", "a\u009b31mb", `a\u009b31mb`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"bidi isolate", "x\u2066y\u2069", `x\u2066y\u2069`},
		{"right-to-left mark", "a\u200fb", `a\u200fb`},
		{"invalid UTF-8 becomes a replacement character", "bad \xff byte", "bad \uFFFD byte"},
		{"backslashes stay", `C:\path`, `C:\path`},
		{"non-Latin text stays", "日本語 العربية", "日本語 العربية"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzEscapeLeavesNoControlCharacters(f *testing.F) {
	f.Add("\x1b[31mred")
	f.Add("a\u009bb\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Escape(s) {
			if r < 0x20 || r == 0x7f || isUnsafe(r) {
				t.Fatalf("Escape(%q) keeps %U", s, r)
			}
		}
	})
}
