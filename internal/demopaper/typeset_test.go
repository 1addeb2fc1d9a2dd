package demopaper

import (
	"math"
	"strings"
	"testing"
)

func TestTruthTextOfMarkup(t *testing.T) {
	for _, tc := range []struct{ name, markup, want string }{
		{"bold and italic markers vanish", "**Background:** the _J Interpers Ther_ paper", "Background: the J Interpers Ther paper"},
		{"citation before a full stop stays attached to it", "support is thin^{1,2}. Untreated", "support is thin [1,2]. Untreated"},
		{"citation before a word is a word of its own", "treatment^{3} to medication", "treatment [3] to medication"},
		{"marker at the start has no leading space", "^{1}Department of Psychiatry", "[1] Department of Psychiatry"},
		{"marker before a comma", "Ostrowski^{1}, Tobias", "Ostrowski [1], Tobias"},
		{"compound hyphens are kept", "a 24-week follow-up visit", "a 24-week follow-up visit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs, err := parseMarkup(tc.markup)
			if err != nil {
				t.Fatal(err)
			}
			if got := truthText(runs); got != tc.want {
				t.Errorf("truthText(%q) = %q, want %q", tc.markup, got, tc.want)
			}
		})
	}
}

func TestUnbalancedMarkupIsAnError(t *testing.T) {
	for _, bad := range []string{"**bold without end", "_italic without end", "cited^{3 without brace"} {
		if _, err := parseMarkup(bad); err == nil {
			t.Errorf("parseMarkup(%q) accepted unbalanced markup", bad)
		}
	}
}

func TestAllContentParses(t *testing.T) {
	fm := frontMatterText()
	texts := append([]string{fm.Title, fm.Authors, fm.Keywords}, fm.Affiliations...)
	texts = append(append(append(texts, fm.Notes...), fm.Abstract...), referenceTexts()...)
	for _, el := range bodyText() {
		switch el := el.(type) {
		case paragraph:
			texts = append(texts, el.Text)
		case table:
			texts = append(texts, el.Caption, el.Note)
		case figure:
			texts = append(texts, el.Caption)
		}
	}
	for _, s := range texts {
		if _, err := parseMarkup(s); err != nil {
			t.Error(err)
		}
	}
}

func wordOf(tb testing.TB, markup string) word {
	tb.Helper()
	runs, err := parseMarkup(markup)
	if err != nil {
		tb.Fatal(err)
	}
	ws := splitWords(runs)
	if len(ws) != 1 {
		tb.Fatalf("%q is %d words", markup, len(ws))
	}
	return ws[0]
}

func TestHyphenationPoints(t *testing.T) {
	h := newHyphenator()
	for _, tc := range []struct {
		name, markup string
		want         []breakPoint
	}{
		// psy-cho-ther-a-py: not "psychothera-py", which leaves two letters.
		{"dictionary word breaks at its syllables leaving three letters", "psychotherapy",
			[]breakPoint{{3, true}, {6, true}, {10, true}}},
		{"capitalised word is looked up in lower case", "Psychotherapy,",
			[]breakPoint{{3, true}, {6, true}, {10, true}}},
		{"compound breaks after its own hyphen", "follow-up", []breakPoint{{7, false}}},
		{"no break before digits after a hyphen", "ICD-10", nil},
		{"unknown word has no soft breaks", "Fjordvik", nil},
		{"citation and punctuation after a word add no breaks", "depression^{10}.",
			[]breakPoint{{2, true}, {6, true}}},
		{"no break inside a superscript that ends the word", "cohort^{a-bcd}", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := h.points(wordOf(t, tc.markup))
			if len(got) != len(tc.want) {
				t.Fatalf("points(%q) = %v, want %v", tc.markup, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("points(%q) = %v, want %v", tc.markup, got, tc.want)
				}
			}
		})
	}
}

func TestSplitWord(t *testing.T) {
	for _, tc := range []struct {
		name, markup string
		bp           breakPoint
		head, tail   string
	}{
		{"soft break adds a hyphen", "psychotherapy", breakPoint{6, true}, "psycho-", "therapy"},
		{"hard break keeps the compound's hyphen once", "follow-up", breakPoint{7, false}, "follow-", "up"},
		{"superscript stays with the tail", "therapy^{3}", breakPoint{3, true}, "the-", "rapy3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, tl := splitWord(wordOf(t, tc.markup), tc.bp)
			if h.plain() != tc.head || tl.plain() != tc.tail {
				t.Errorf("split %q at %v = %q | %q, want %q | %q", tc.markup, tc.bp, h.plain(), tl.plain(), tc.head, tc.tail)
			}
		})
	}
}

func newTestSetter(tb testing.TB) *setter {
	tb.Helper()
	m, err := newMeasurer()
	if err != nil {
		tb.Fatal(err)
	}
	return &setter{m: m, h: newHyphenator()}
}

func TestJustifiedLinesFillTheMeasureButTheLast(t *testing.T) {
	s := newTestSetter(t)
	spec := bodySpec()
	runs, err := parseMarkup(strings.Repeat("The interpersonal psychotherapy sessions were delivered weekly. ", 8))
	if err != nil {
		t.Fatal(err)
	}
	lines := s.breakLines(splitWords(runs), spec)
	if len(lines) < 4 {
		t.Fatalf("got %d lines, want several", len(lines))
	}
	sp := s.space(spec)
	for i, ln := range lines {
		last := len(ln.words) - 1
		right := ln.xs[last] + s.wordWidth(ln.words[last], spec)
		if i == 0 && ln.xs[0] != spec.indent {
			t.Errorf("first line starts at %.2f, want the indent %.2f", ln.xs[0], spec.indent)
		}
		if i < len(lines)-1 {
			if math.Abs(right-spec.width) > 0.01 {
				t.Errorf("line %d ends at %.2f, want the measure %.2f", i, right, spec.width)
			}
		} else if right >= spec.width-sp {
			t.Errorf("last line is stretched to %.2f", right)
		}
		for j := 1; j < len(ln.words); j++ {
			gap := ln.xs[j] - (ln.xs[j-1] + s.wordWidth(ln.words[j-1], spec))
			if gap < shrink*sp-0.01 {
				t.Errorf("line %d: gap %.2f is below the squeezed space %.2f", i, gap, shrink*sp)
			}
		}
	}
}

func TestBrokenWordsReassembleToTheText(t *testing.T) {
	s := newTestSetter(t)
	text := "Interpersonal psychotherapy is a time-limited treatment that links the onset of depressive " +
		"symptoms to a current interpersonal problem area, with a 24-week follow-up of the cohort."
	runs, err := parseMarkup(text)
	if err != nil {
		t.Fatal(err)
	}
	spec := bodySpec()
	spec.width = 90 // narrow, so words must be broken
	lines := s.breakLines(splitWords(runs), spec)
	var b strings.Builder
	for _, ln := range lines {
		for j, w := range ln.words {
			p := w.plain()
			if j == len(ln.words)-1 && ln.endSoft {
				p = strings.TrimSuffix(p, "-")
			}
			b.WriteString(p)
			if j < len(ln.words)-1 || !(ln.endSoft || ln.endHard) {
				b.WriteByte(' ')
			}
		}
	}
	if got := strings.TrimSpace(b.String()); got != text {
		t.Errorf("lines read back as\n%q\nwant\n%q", got, text)
	}
	soft := 0
	for _, ln := range lines {
		if ln.endSoft {
			soft++
		}
	}
	if soft == 0 {
		t.Error("a 90-point measure hyphenated nothing")
	}
}
