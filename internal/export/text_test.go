package export

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestClean(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text unchanged", "Three women aged 24–36", "Three women aged 24–36"},
		{"NUL replaced", "a\x00b", "a\uFFFDb"},
		{"escape sequence defused", "\x1b[31m", "\uFFFD[31m"},
		{"C1 control replaced", "a\u0085b", "a\uFFFDb"},
		{"CRLF and CR become LF", "a\r\nb\rc", "a\nb\nc"},
		{"tab kept", "a\tb", "a\tb"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
		{"right-to-left kept", "שלום", "שלום"},
		{"line separator kept", "a\u2028b", "a\u2028b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := clean(c.in); got != c.want {
				t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestBalanceBidi(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"no controls", "abc", "abc"},
		{"override closed", "\u202Eabc", "\u202Eabc\u202C"},
		{"isolate closed", "\u2067abc", "\u2067abc\u2069"},
		{"balanced left alone", "\u202Bx\u202C \u2066y\u2069", "\u202Bx\u202C \u2066y\u2069"},
		{"nested closed innermost first", "\u2067a\u202Db", "\u2067a\u202Db\u202C\u2069"},
		{"PDI closes embeddings inside its isolate", "\u2068a\u202Ab\u2069c", "\u2068a\u202Ab\u2069c"},
		{"stray closers ignored", "\u202C\u2069a", "\u202C\u2069a"},
		{"PDF does not close an isolate", "\u2066a\u202C", "\u2066a\u202C\u2069"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := balanceBidi(c.in); got != c.want {
				t.Errorf("balanceBidi(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDOI(t *testing.T) {
	cases := []struct{ name, in, doi, url string }{
		{"bare DOI", "10.5555/jccs.2024.0173", "10.5555/jccs.2024.0173", "https://doi.org/10.5555/jccs.2024.0173"},
		{"doi: prefix", "doi:10.1000/xyz", "10.1000/xyz", "https://doi.org/10.1000/xyz"},
		{"resolver URL", "https://doi.org/10.1000/xyz", "10.1000/xyz", "https://doi.org/10.1000/xyz"},
		{"parentheses kept", "10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5", "https://doi.org/10.1016/S0140-6736(20)30183-5"},
		{"unsafe characters encoded", `10.1000/a"<b>#?`, `10.1000/a"<b>#?`, "https://doi.org/10.1000/a%22%3Cb%3E%23%3F"},
		{"non-ASCII encoded", "10.1000/é", "10.1000/é", "https://doi.org/10.1000/%C3%A9"},
		{"not a DOI: no link", "javascript:alert(1)", "javascript:alert(1)", ""},
		{"not a DOI: no suffix", "10.1000/", "10.1000/", ""},
		{"empty", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doi := doiOf(c.in)
			if doi != c.doi || doiURL(doi) != c.url {
				t.Errorf("doiOf(%q) = %q, doiURL = %q; want %q, %q", c.in, doi, doiURL(doi), c.doi, c.url)
			}
		})
	}
}

func TestDesignLabel(t *testing.T) {
	cases := []struct {
		name string
		in   appraise.Appraisal
		want string
	}{
		{"timing and design", appraise.Appraisal{Design: appraise.DesignCaseSeries, Timing: appraise.TimingRetrospective}, "Retrospective case series"},
		{"design alone", appraise.Appraisal{Design: appraise.DesignRandomisedTrial}, "Randomised trial"},
		{"timing alone", appraise.Appraisal{Timing: appraise.TimingProspective}, "Prospective study"},
		{"other design", appraise.Appraisal{Design: appraise.DesignOther}, "Other design"},
		{"nothing recorded", appraise.Appraisal{}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := designLabel(c.in); got != c.want {
				t.Errorf("designLabel = %q, want %q", got, c.want)
			}
		})
	}
}

func TestCitationNamesSixAuthorsThenEtAl(t *testing.T) {
	authors := []string{"A", "B", "C", "D", "E", "F", "G"}
	if got, want := authorList(authors), "A, B, C, D, E, F, et al."; got != want {
		t.Errorf("authorList = %q, want %q", got, want)
	}
	if got, want := authorList([]string{" A\nB ", "", "C"}), "A B, C"; got != want {
		t.Errorf("authorList = %q, want %q", got, want)
	}
}

func TestPaperTitleFallsBackToFileName(t *testing.T) {
	p := appraise.Paper{Path: `C:\Papers\smith 2024.pdf`}
	if got := paperTitle(p); got != "smith 2024.pdf" {
		t.Errorf("paperTitle = %q", got)
	}
	if got := paperTitle(appraise.Paper{}); got != "Untitled paper" {
		t.Errorf("paperTitle = %q", got)
	}
}
