package testpdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

// generators lists every generator with the running head and foot lines
// pdftotext prints but the truth leaves out.
var generators = []struct {
	name  string
	gen   func() ([]byte, string)
	noise []string
}{
	{"OneColumn", OneColumn, nil},
	{"TwoColumn", TwoColumn, nil},
	{"CIDFonts", CIDFonts, nil},
	{"Ligatures", Ligatures, nil},
	{"Rotated", Rotated, nil},
	{"Superscripts", Superscripts, nil},
	{"SuperscriptKinds", SuperscriptKinds, nil},
	{"HeaderFooter", HeaderFooter, []string{hfJournal, hfIssue, hfDOI, "57", "58", "59"}},
	{"FormXObject", FormXObject, nil},
	{"Type3", Type3, nil},
}

// squeeze removes whitespace, so texts compare "modulo spacing", spells out
// the Unicode ligature characters, and drops the marker notation the truth
// uses for superscripts ("[1,2]", "10^5") that pdftotext does not write.
func squeeze(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '[', r == ']', r == '^':
		case r >= 0xFB00 && r <= 0xFB04:
			b.WriteString([]string{"ff", "fi", "fl", "ffi", "ffl"}[r-0xFB00])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestGeneratorsMatchPopplerWordForWord(t *testing.T) {
	for _, g := range generators {
		t.Run(g.name, func(t *testing.T) {
			pdf, truth := g.gen()
			out := pdftotext(t, pdf)
			var kept []string
			for _, ln := range strings.Split(out, "\n") {
				ln = strings.Trim(ln, "\f ")
				if !contains(g.noise, ln) {
					kept = append(kept, ln)
				}
			}
			got, want := squeeze(strings.Join(kept, " ")), squeeze(truth)
			if got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("pdftotext and the truth part at byte %d:\n got  …%s\n want …%s\npdftotext said:\n%s",
					i, clip(got, i), clip(want, i), out)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func clip(s string, i int) string {
	lo, hi := max(0, i-30), min(len(s), i+30)
	return s[lo:hi]
}

func TestGeneratorsAreDeterministic(t *testing.T) {
	for _, g := range generators {
		pdf1, truth1 := g.gen()
		pdf2, truth2 := g.gen()
		if !bytes.Equal(pdf1, pdf2) || truth1 != truth2 {
			t.Errorf("%s gives different output on a second call", g.name)
		}
	}
}

func TestGeneratorTruthsAreWellFormed(t *testing.T) {
	for _, g := range generators {
		_, truth := g.gen()
		if !strings.HasSuffix(truth, "\n") || strings.HasSuffix(truth, "\n\n") {
			t.Errorf("%s: truth must end with exactly one newline", g.name)
		}
		for _, b := range strings.Split(strings.TrimSuffix(truth, "\n"), "\n\n") {
			if b == "" || strings.ContainsRune(b, '\n') || strings.Contains(b, "  ") || b != strings.TrimSpace(b) {
				t.Errorf("%s: malformed block %q", g.name, b)
			}
		}
		for _, noise := range g.noise {
			for _, b := range strings.Split(truth, "\n\n") {
				if b == noise {
					t.Errorf("%s: truth has the running head/foot %q as a block", g.name, noise)
				}
			}
		}
	}
}
