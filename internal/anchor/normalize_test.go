package anchor

import "testing"

func TestNormalizeForComparison(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"whitespace runs become one space", "a  b\n\tc", "a b c"},
		{"line-break hyphen joins a word", "treat-\nment", "treatment"},
		{"hyphen and space before lower case join", "treat- ment", "treatment"},
		{"real hyphen is kept", "follow-up", "follow-up"},
		{"hyphen before capital is kept", "Anti- Inflammatory", "Anti- Inflammatory"},
		{"soft hyphen vanishes", "treat\u00adment", "treatment"},
		{"ligatures expand", "e\ufb03cacy and \ufb01rst \ufb02ow", "efficacy and first flow"},
		{"curly quotes become straight", "\u201cyes\u201d and \u2018no\u2019", "\"yes\" and 'no'"},
		{"dashes and minus become hyphen", "1\u20132 and \u22121", "1-2 and -1"},
		{"zero-width characters vanish", "a\u200bb", "ab"},
		{"non-breaking space is a space", "n\u00a0=\u00a03", "n = 3"},
		{"superscript digit becomes a digit", "m\u00b2", "m2"},
		{"ends are trimmed", "  quote  ", "quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := normalizeRunes([]rune(tt.in), true)
			if got := string(n.r); got != tt.want {
				t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(n.orig) != len(n.r) {
				t.Fatalf("orig has %d entries for %d runes", len(n.orig), len(n.r))
			}
		})
	}
}

func TestNormalizedSpanMapsBackToOriginal(t *testing.T) {
	in := []rune("The e\ufb03cacy of  treat-\nment was clear.")
	n := normalizeRunes(in, false)
	n.index()
	want := "efficacy of treatment"
	i := indexOf(t, n, want)
	start, end := n.origSpan(i, i+len([]rune(want)))
	if got := string(in[start:end]); got != "e\ufb03cacy of  treat-\nment" {
		t.Errorf("original span = %q", got)
	}
}

func TestRuneStringMapsByteOffsets(t *testing.T) {
	rs := newRuneString([]rune("añb€c"))
	for b, want := range map[int]int{0: 0, 1: 1, 3: 2, 4: 3, 7: 4, 8: 5} {
		if got := rs.runeIndex(b); got != want {
			t.Errorf("runeIndex(%d) = %d, want %d", b, got, want)
		}
	}
}

func indexOf(tb testing.TB, n normText, s string) int {
	tb.Helper()
	for i := 0; i+len([]rune(s)) <= len(n.r); i++ {
		if string(n.r[i:i+len([]rune(s))]) == s {
			return i
		}
	}
	tb.Fatalf("%q not in %q", s, string(n.r))
	return -1
}
