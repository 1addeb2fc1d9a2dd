package pdfextract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lineREs are the expressions behind quick tests, by name.
var lineREs = map[string]lineRE{
	"caption": captionRE, "section": sectionRE, "refsHead": refsHeadRE,
	"bracketMarker": bracketMarkerRE, "numberedItem": numberedItemRE, "refStart": refStartRE,
}

// quickTestKeepsEveryMatch fails when a line the expression matches is
// ruled out by its quick test.
func quickTestKeepsEveryMatch(tb testing.TB, s string) {
	tb.Helper()
	for name, re := range lineREs {
		if re.Regexp.MatchString(s) && !re.may(s) {
			tb.Errorf("%s: the quick test rules out %q, which the expression matches", name, s)
		}
	}
}

func TestLineREMatchesAsTheExpression(t *testing.T) {
	tests := []struct {
		name string
		re   lineRE
		line string
		want bool
	}{
		{"caption label", captionRE, "Figure 2. Flow of patients", true},
		{"caption label in capitals", captionRE, "TABLE 1 | Baseline", true},
		{"caption label with a long s folds to s", captionRE, "ſupplementary Figure S1.", true},
		{"body line is no caption", captionRE, "The figure shows", false},
		{"plural caption label", captionRE, "Figs. 3", true},
		{"caption label with a long s in a plural", captionRE, "Figſ 3", true},
		{"numbered section heading", sectionRE, "2.1 Materials and methods:", true},
		{"section heading with tabs and a spaced colon", sectionRE, "IV.\tResults and discussion :", true},
		{"section name with the Kelvin sign folds to k", sectionRE, "\u212Aeywords", true},
		{"appendix with its letter", sectionRE, "Appendix B", true},
		{"section name starting a sentence is no heading", sectionRE, "Methods were applied to the data we had", false},
		{"references heading", refsHeadRE, "References and notes", true},
		{"bracketed reference start", refStartRE, "[12] Smith J.", true},
		{"numbered reference start", refStartRE, "3. Lee M.", true},
		{"year is no reference start", refStartRE, "2019. Title", false},
		{"bracketed marker", bracketMarkerRE, "[a] Department", true},
		{"numbered item", numberedItemRE, "12. Results", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.re.MatchString(tt.line); got != tt.want {
				t.Errorf("MatchString(%q) = %v, want %v", tt.line, got, tt.want)
			}
			quickTestKeepsEveryMatch(t, tt.line)
		})
	}
}

// Random lines built from the expressions' own pieces: whatever they
// match, the quick tests must let through.
func TestLineREQuickTestsKeepRandomMatches(t *testing.T) {
	pieces := []string{"", " ", "  ", "\t", "\n", ":", ".", "1", "12", "2.1", "IV", "A.", "[3]", "ſ", "\u212A",
		"supplementary", "extended data", "Figure", "fig", "Table", "box", "methods", "Materials and methods",
		"results and discussion", "key resources table", "star methods", "appendix", "x", "References", "and notes",
		"keywords", "Lee", "the", "é", "S1", "—", "|", "Figs.", "FIGURE", "plate", "Chart", "scheme", "Box", "tables",
		"I.", "x", "B.", "Discussion", "conclusion", "graphical abstract", "in brief", "Highlights", "data availability statement"}
	rng := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		quickTestKeepsEveryMatch(t, s)
		if sectionRE.Regexp.MatchString(s) || captionRE.Regexp.MatchString(s) {
			matched++
		}
	}
	t.Logf("%d of 50000 random lines matched", matched)
	if matched < 100 {
		t.Fatalf("only %d random lines matched: the generator no longer exercises the expressions", matched)
	}
}

func FuzzLineRE(f *testing.F) {
	for _, s := range []string{"Figure 1.", "1. Introduction", "[1] A", "ſupplementary table 2", "\u212Aey words :"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { quickTestKeepsEveryMatch(t, s) })
}

func TestLineMatchesAreTheExpressions(t *testing.T) {
	for _, text := range []string{"Figure 1. A caption", "2. Methods", "[3] Smith J.", "3. Lee M.", "Results", "plain text of a paragraph", ""} {
		l := &textLine{text: text}
		for range 2 { // asked again, the cached answer
			if got, want := l.isCaptionStart(), captionRE.MatchString(text); got != want {
				t.Errorf("%q: isCaptionStart %v, captionRE %v", text, got, want)
			}
			if got, want := l.isSection(), sectionRE.MatchString(text); got != want {
				t.Errorf("%q: isSection %v, sectionRE %v", text, got, want)
			}
			if got, want := l.isRefStart(), refStartRE.MatchString(text); got != want {
				t.Errorf("%q: isRefStart %v, refStartRE %v", text, got, want)
			}
		}
	}
}
