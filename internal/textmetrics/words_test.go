package textmetrics

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"lower-cases and splits on whitespace", "Heart  Failure\nprogrammes", []string{"heart", "failure", "programmes"}},
		{"strips punctuation around words", "(men, n = 12).", []string{"men", "n", "12"}},
		{"hyphenated word stays one word", "case-control follow-up", []string{"casecontrol", "followup"}},
		{"ligature folds to its letters", "ﬁrst eﬀect", []string{"first", "effect"}},
		{"superscript digits fold to digits", "therapy²³", []string{"therapy23"}},
		{"punctuation-only token is no word", "a — b", []string{"a", "b"}},
		{"decimal keeps its digits", "p = 0.05", []string{"p", "005"}},
		{"accented letters survive composed or not", "re\u0301sume\u0301 résumé", []string{"résumé", "résumé"}},
		{"empty text has no words", " \n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScores(t *testing.T) {
	tests := []struct {
		name                      string
		got, ref                  string
		recall, precision, f1, ro float64
	}{
		{"identical texts score 1", "the cat sat", "the cat sat", 1, 1, 1, 1},
		{"missing word lowers recall only", "the sat", "the cat sat", 2.0 / 3, 1, 0.8, 2.0 / 3},
		{"extra word lowers precision only", "the cat sat down", "the cat sat", 1, 0.75, 2 * 0.75 / 1.75, 1},
		{"swapped halves keep bag scores but lose order", "c d a b", "a b c d", 1, 1, 1, 0.5},
		{"repeats count as often as they occur", "a a a", "a b", 0.5, 1.0 / 3, 0.4, 0.5},
		{"empty extraction recalls nothing", "", "a b", 0, 1, 0, 0},
		{"empty reference is fully recalled", "a", "", 1, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Compare(tt.got, tt.ref)
			check := func(what string, got, want float64) {
				t.Helper()
				if diff := got - want; diff > 1e-9 || diff < -1e-9 {
					t.Errorf("%s = %.4f, want %.4f", what, got, want)
				}
			}
			check("recall", s.Recall, tt.recall)
			check("precision", s.Precision, tt.precision)
			check("F1", s.F1, tt.f1)
			check("reading order", s.ReadingOrder, tt.ro)
		})
	}
}
