package instrument

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestProposePopulationReadsMethodsSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[appraise.PICOField]string
	}{
		{"the small postpartum case series",
			"We describe three women aged 24–36 years who presented postpartum up to 24 months after delivery (n = 3).",
			map[appraise.PICOField]string{"n": "n = 3", "age": "aged 24–36 years", "sex": "female", "time_window": "postpartum up to 24 months after delivery"}},
		{"count in words without n =",
			"Twelve consecutive patients with refractory epilepsy were included.",
			map[appraise.PICOField]string{"n": "n = 12"}},
		{"a trial with percentages and mean age",
			"We enrolled 1,204 adults (58% female; mean age 61.3 ± 9.2 years) from 14 hospitals between January 2015 and March 2019.",
			map[appraise.PICOField]string{"n": "n = 1,204", "age": "mean age 61.3 years", "sex": "58% female", "time_window": "January 2015–March 2019"}},
		{"a range with 'to' and a follow-up",
			"Children aged 6 to 12 were followed up for a median of 18 months.",
			map[appraise.PICOField]string{"n": "", "age": "aged 6–12", "follow_up": "median 18 months"}},
		{"men and women counted",
			"The cohort comprised 40 women and 35 men aged between 50 and 70 years of age.",
			map[appraise.PICOField]string{"n": "n = 40", "sex": "40 female, 35 male", "age": "aged 50–70 years"}},
		{"follow-up stated first, window within weeks",
			"Mean follow-up was 2.5 years; all infections occurred within 6 weeks of surgery.",
			map[appraise.PICOField]string{"follow_up": "mean 2.5 years", "time_window": "within 6 weeks"}},
		{"hyphenated age",
			"A 34-year-old woman presented with headache.",
			map[appraise.PICOField]string{"age": "aged 34 years", "sex": "female"}},
		{"nothing to propose",
			"The results are discussed in the light of previous work.",
			map[appraise.PICOField]string{"n": "", "age": "", "sex": "", "time_window": "", "follow_up": ""}},
		{"months are not people",
			"Symptoms lasted 3 months in most cases of this kind.",
			map[appraise.PICOField]string{"n": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[appraise.PICOField]string{}
			runes := []rune(tt.text)
			for _, p := range ProposePopulation(tt.text) {
				if _, dup := got[p.Field]; dup {
					t.Errorf("two proposals for %s", p.Field)
				}
				got[p.Field] = p.Value
				if p.Start < 0 || p.End > len(runes) || p.Start >= p.End {
					t.Errorf("%s: span [%d,%d) outside the text", p.Field, p.Start, p.End)
				}
			}
			for f, want := range tt.want {
				if got[f] != want {
					t.Errorf("%s = %q, want %q (all: %v)", f, got[f], want, got)
				}
			}
		})
	}
}

func TestProposalSpansPointAtTheirWords(t *testing.T) {
	text := "Über 2 Jahre: n = 3 Frauen, aged 24–36."
	for _, p := range ProposePopulation(text) {
		quote := string([]rune(text)[p.Start:p.End])
		if p.Field == appraise.FieldN && quote != "n = 3" {
			t.Errorf("n span = %q, want the words it came from", quote)
		}
		if p.Field == appraise.FieldAge && quote != "aged 24–36" {
			t.Errorf("age span = %q", quote)
		}
	}
}
