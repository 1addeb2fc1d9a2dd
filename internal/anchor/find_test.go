package anchor

import (
	"errors"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestFindQuoteToleratesLayoutDifferences(t *testing.T) {
	d := docOf(t, "v1",
		"The e\ufb03cacy of the  treat-\nment was modest. Adverse events were rare.",
		"Adverse events were rare. Follow-up was short.")
	tests := []struct {
		name  string
		quote string
		want  []string // the document's own text at each hit
	}{
		{"typed quote across ligature, line break and hyphenation", "efficacy of the treatment", []string{"e\ufb03cacy of the  treat-\nment"}},
		{"quote occurring twice", "Adverse events were rare.", []string{"Adverse events were rare.", "Adverse events were rare."}},
		{"quote with extra spaces and a newline", "  Follow-up\nwas   short ", []string{"Follow-up was short"}},
		{"absent quote", "was large", nil},
		{"case matters", "adverse events", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, err := FindQuote(d, tt.quote)
			if err != nil {
				t.Fatal(err)
			}
			if len(spans) != len(tt.want) {
				t.Fatalf("%d hits, want %d: %v", len(spans), len(tt.want), spans)
			}
			text := []rune(d.Text)
			for i, s := range spans {
				if got := string(text[s.Start:s.End]); got != tt.want[i] {
					t.Errorf("hit %d = %q, want %q", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestFindQuoteRejectsEmptyQuotes(t *testing.T) {
	d := docOf(t, "v1", "Some text.")
	for _, q := range []string{"", "  \n ", "\u200b"} {
		if _, err := FindQuote(d, q); !errors.Is(err, appraise.ErrEmptyQuote) {
			t.Errorf("FindQuote(%q) err = %v, want ErrEmptyQuote", q, err)
		}
	}
}
