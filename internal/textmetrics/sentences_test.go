package textmetrics

import (
	"reflect"
	"testing"
)

func TestSentencesSplitsByTheReferenceRule(t *testing.T) {
	tests := []struct {
		name string
		ref  string
		want []string
	}{
		{"full stop then capital ends a sentence", "One two. Three four.", []string{"One two.", "Three four."}},
		{"abbreviation does not end one", "As in Fig. 2 we saw e.g. This.", []string{"As in Fig. 2 we saw e.g. This."}},
		{"initial does not end one", "By M. Smith. Then.", []string{"By M. Smith.", "Then."}},
		{"closing bracket stays with its sentence", "It was (small.) Next one?", []string{"It was (small.)", "Next one?"}},
		{"lower case after a stop continues", "p. value was 0.5. and so", []string{"p. value was 0.5. and so"}},
		{"blank line ends a paragraph and its sentence", "Heading\n\nBody wraps\nover lines", []string{"Heading", "Body wraps over lines"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.ref); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
}

func TestSentenceIntegrity(t *testing.T) {
	ref := "Patients were recruited from three clinics in the north of the region. " +
		"Short one. " +
		"The primary outcome was the change in depression score at twelve weeks."
	tests := []struct {
		name string
		got  string
		want Integrity
	}{
		{"whole sentences, respaced and dehyphenated, count", "Patients were re cruited from three clinics in the north of the region.\n\nThe primary outcome was the change in depres-sion score at twelve weeks.", Integrity{2, 2}},
		{"a caption inside a sentence breaks it", "Patients were recruited from three clinics\n\nFigure 1. A map.\n\nin the north of the region. The primary outcome was the change in depression score at twelve weeks.", Integrity{1, 2}},
		{"a missing sentence is not whole", "", Integrity{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SentenceIntegrity(tt.got, ref); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if s := (Integrity{}).Share(); s != 1 {
		t.Errorf("empty share = %v, want 1", s)
	}
}
