package anchor

import (
	"errors"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestNewAnchorRecordsQuoteContextAndPlace(t *testing.T) {
	d := docOf(t, "v1",
		"Background sentence one. We enrolled 120 adults with asthma. They were followed for a year.",
		"Second block here. Its last sentence.",
		"Third block.", "Fourth block.", "Fifth block is on page two. Really.")
	tests := []struct {
		name      string
		quote     string
		nth       int
		passage   string
		page      int
		prefixEnd string
	}{
		{"sentence inside the first block", "We enrolled 120 adults with asthma.", 0, "b0.s1", 1, "Background sentence one. "},
		{"start of the text has a short prefix", "Background", 0, "b0.s0", 1, ""},
		{"block on the second page", "Really.", 0, "b4.s1", 2, "page two. "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := anchorAt(t, d, tt.quote, tt.nth)
			if a.Exact != tt.quote {
				t.Errorf("Exact = %q, want %q", a.Exact, tt.quote)
			}
			if a.PassageID != tt.passage || a.Page != tt.page {
				t.Errorf("passage/page = %s/%d, want %s/%d", a.PassageID, a.Page, tt.passage, tt.page)
			}
			if !strings.HasSuffix(a.Prefix, tt.prefixEnd) || len([]rune(a.Prefix)) > ContextLen {
				t.Errorf("Prefix = %q, want ≤ %d code points ending %q", a.Prefix, ContextLen, tt.prefixEnd)
			}
			if len([]rune(a.Suffix)) > ContextLen {
				t.Errorf("Suffix %q longer than %d", a.Suffix, ContextLen)
			}
			if a.ExtractorVersion != "v1" {
				t.Errorf("ExtractorVersion = %q", a.ExtractorVersion)
			}
			if got := string([]rune(d.Text)[a.Start:a.End]); got != a.Exact {
				t.Errorf("text at offsets = %q, Exact %q", got, a.Exact)
			}
		})
	}
}

func TestNewAnchorTrimsWhitespaceAndRejectsEmptySpans(t *testing.T) {
	d := docOf(t, "v1", "Alpha beta.  Gamma delta.")
	start, end := spanOf(t, d, " Gamma delta.", 0)
	a, err := New(d, start-1, end)
	if err != nil {
		t.Fatal(err)
	}
	if a.Exact != "Gamma delta." {
		t.Errorf("Exact = %q, want surrounding spaces trimmed", a.Exact)
	}
	if _, err := New(d, start-1, start); !errors.Is(err, appraise.ErrEmptyQuote) {
		t.Errorf("whitespace-only span: err = %v, want ErrEmptyQuote", err)
	}
	if _, err := New(d, 3, 3); !errors.Is(err, appraise.ErrEmptyQuote) {
		t.Errorf("empty span: err = %v, want ErrEmptyQuote", err)
	}
	for _, span := range [][2]int{{-1, 3}, {3, 1000}, {5, 2}} {
		if _, err := New(d, span[0], span[1]); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("New(%d, %d): err = %v, want ErrOutOfRange", span[0], span[1], err)
		}
	}
}

func TestNewAnchorCountsCodePointsNotBytes(t *testing.T) {
	d := docOf(t, "v1", "Patients (\u226565 years, \u03b1 = 0.05) were enrolled. The effect was \u2212.")
	a := anchorAt(t, d, "were enrolled.", 0)
	if got := string([]rune(d.Text)[a.Start:a.End]); got != "were enrolled." {
		t.Errorf("code-point offsets point at %q", got)
	}
}
