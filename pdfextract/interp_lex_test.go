package pdfextract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/testpdf"
)

// describe renders tokens compactly for comparisons.
func describe(data string) string {
	lx := newLexer([]byte(data))
	var out []string
	for i := 0; i < 100; i++ {
		t := lx.next()
		switch t.kind {
		case tEOF:
			return strings.Join(out, " ")
		case tNum:
			out = append(out, fmt.Sprint(t.num))
		case tStr:
			out = append(out, fmt.Sprintf("(%q)", t.b))
		case tName:
			out = append(out, "/"+string(t.b))
		case tOp:
			out = append(out, string(t.b))
		case tBool:
			out = append(out, fmt.Sprint(t.num != 0))
		case tNull:
			out = append(out, "null")
		case tArrOpen:
			out = append(out, "[")
		case tArrClose:
			out = append(out, "]")
		case tDictOpen:
			out = append(out, "<<")
		case tDictClose:
			out = append(out, ">>")
		}
	}
	return "runaway"
}

func TestLexer(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"numbers", "1 -2 +3.5 .25 -.5 4.", "1 -2 3.5 0.25 -0.5 4"},
		{"malformed numbers read as viewers do", "--3 1.2.3 -", "-3 1.2 0"},
		{"literal string escapes", `(a\(b\)\\ \101\12\n\
c)`, `("a(b)\\ A\n\nc")`},
		{"balanced parentheses need no escape", "(a (b) c)", `("a (b) c")`},
		{"unknown escape keeps the character", `(\q)`, `("q")`},
		{"hex string with spaces and an odd digit", "<48 65 6c6c 6f 7>", `("Hellop")`},
		{"names with #xx escapes", "/A#20B /C#2", "/A B /C#2"},
		{"operators and delimiters", "BT [(x) -20] TJ << /K 1 >> ET", `BT [ ("x") -20 ] TJ << /K 1 >> ET`},
		{"keywords", "true false null", "true false null"},
		{"comments to end of line", "1 % comment ( [\n2", "1 2"},
		{"unterminated literal string ends at EOF", "(abc", `("abc")`},
		{"unterminated hex string ends at EOF", "<414", `("A@")`},
		{"stray closing delimiters", ") } > 1", ") } 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := describe(tc.in); got != tc.want {
				t.Errorf("tokens = %s, want %s", got, tc.want)
			}
		})
	}
}

// FuzzContentStream runs the interpreter over arbitrary content: it must
// neither panic nor loop, whatever the bytes.
func FuzzContentStream(f *testing.F) {
	for _, seed := range []string{
		"BT /F1 10 Tf 100 700 Td (AV) Tj ET",
		"BT /F1 10 Tf [(A) 500 (V)] TJ T* (x) ' 1 2 (y) \" ET",
		"q 2 0 0 2 0 0 cm BI /W 4 /H 1 ID \x00EI\x01 EI Q",
		"BT <41424", "BT (((", "[[[[[", "<<<<<< /a", "BI /W 99999999 /H 99999999 ID",
		"/X1 Do 1 0 0 1 0 0 cm q q q Q Q Q Q Q",
		"BT /F1 1e308 Tf 1e308 1e308 Td (A) Tj ET",
	} {
		f.Add([]byte(seed))
	}
	dc := newDocCache()
	f.Fuzz(func(t *testing.T, content []byte) {
		ip := newInterp(dc, identity, 612, 792)
		ip.run(content, dc.resourcesOf(pdf.Value{}))
		for _, g := range ip.glyphs {
			if g.X != g.X || g.Y != g.Y { // NaN
				t.Fatalf("NaN glyph position from %q", content)
			}
		}
	})
}

// A content stream of a real document through the whole path, fuzzed:
// PageGlyphsOf must return glyphs or an error, never panic.
func FuzzPageGlyphsContent(f *testing.F) {
	f.Add([]byte("BT /F1 10 Tf 100 700 Td (AV) Tj ET"))
	f.Add([]byte("/F1 Do BI ID EI BT 3 Tr (x) Tj"))
	f.Fuzz(func(t *testing.T, content []byte) {
		_, _ = PageGlyphsOf(testpdf.NewDoc(string(content)).Bytes(), Options{})
	})
}

// Numbers must come out bit for bit as the original digit-by-digit
// reading gave them (weights divided by ten per digit): glyph positions,
// and so the text, depend on them.
func TestParseNumberKeepsItsRounding(t *testing.T) {
	reference := func(w []byte) float64 {
		i, neg := 0, false
		for i < len(w) && (w[i] == '+' || w[i] == '-') {
			neg = w[i] == '-'
			i++
		}
		var v float64
		for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
			v = v*10 + float64(w[i]-'0')
		}
		if i < len(w) && w[i] == '.' {
			i++
			scale := 0.1
			for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
				v += float64(w[i]-'0') * scale
				scale /= 10
			}
		}
		if neg {
			v = -v
		}
		return v
	}
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"0.1", "-12.345678", ".5", "612.0000001", "3.14159265358979323846264338327950288", "1." + strings.Repeat("9", 40)}
	for range 20000 {
		var b strings.Builder
		if rng.IntN(3) == 0 {
			b.WriteByte('-')
		}
		for range rng.IntN(5) {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		b.WriteByte('.')
		for range 1 + rng.IntN(30) {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		got, ok := parseNumber([]byte(w))
		if want := reference([]byte(w)); !ok || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseNumber(%q) = %v (%v), want %v", w, got, ok, want)
		}
	}
}
