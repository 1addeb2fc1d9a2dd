package instrument

import (
	"errors"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func rating(d appraise.Domain, l appraise.DomainLevel) appraise.DomainRating {
	return appraise.DomainRating{Domain: d, Level: l}
}

func TestGradeMovesTheStartByTheDomains(t *testing.T) {
	tests := []struct {
		name    string
		start   appraise.Certainty
		ratings []appraise.DomainRating
		want    appraise.Certainty
	}{
		{"a trial with no concerns stays high", appraise.CertaintyHigh, nil, appraise.CertaintyHigh},
		{"serious risk of bias takes a trial to moderate", appraise.CertaintyHigh,
			[]appraise.DomainRating{rating(appraise.DomainRiskOfBias, appraise.LevelSerious)}, appraise.CertaintyModerate},
		{"very serious imprecision takes a trial to low", appraise.CertaintyHigh,
			[]appraise.DomainRating{rating(appraise.DomainImprecision, appraise.LevelVerySerious)}, appraise.CertaintyLow},
		{"concerns add up", appraise.CertaintyHigh, []appraise.DomainRating{
			rating(appraise.DomainRiskOfBias, appraise.LevelSerious),
			rating(appraise.DomainIndirectness, appraise.LevelSerious),
			rating(appraise.DomainPublicationBias, appraise.LevelSerious)}, appraise.CertaintyVeryLow},
		{"never below very low", appraise.CertaintyLow, []appraise.DomainRating{
			rating(appraise.DomainRiskOfBias, appraise.LevelVerySerious),
			rating(appraise.DomainImprecision, appraise.LevelVerySerious)}, appraise.CertaintyVeryLow},
		{"a large effect lifts an observational study", appraise.CertaintyLow,
			[]appraise.DomainRating{rating(appraise.DomainLargeEffect, appraise.LevelUpOne)}, appraise.CertaintyModerate},
		{"a very large effect and a dose-response reach high, not beyond", appraise.CertaintyLow, []appraise.DomainRating{
			rating(appraise.DomainLargeEffect, appraise.LevelUpTwo),
			rating(appraise.DomainDoseResponse, appraise.LevelUpOne)}, appraise.CertaintyHigh},
		{"up and down cancel", appraise.CertaintyLow, []appraise.DomainRating{
			rating(appraise.DomainConfounding, appraise.LevelUpOne),
			rating(appraise.DomainInconsistency, appraise.LevelSerious)}, appraise.CertaintyLow},
		{"a case series with serious risk of bias is very low", appraise.CertaintyLow,
			[]appraise.DomainRating{rating(appraise.DomainRiskOfBias, appraise.LevelSerious)}, appraise.CertaintyVeryLow},
		{"a rate-up level on a rate-down domain is ignored", appraise.CertaintyHigh,
			[]appraise.DomainRating{rating(appraise.DomainRiskOfBias, appraise.LevelUpTwo)}, appraise.CertaintyHigh},
		{"a domain counted once", appraise.CertaintyHigh, []appraise.DomainRating{
			rating(appraise.DomainRiskOfBias, appraise.LevelSerious),
			rating(appraise.DomainRiskOfBias, appraise.LevelSerious)}, appraise.CertaintyModerate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Grade(tt.start, tt.ratings); got != tt.want {
				t.Errorf("Grade(%s, %v) = %s, want %s", tt.start, tt.ratings, got, tt.want)
			}
		})
	}
}

func TestValidateRatingRefusesWhatADomainCannotTake(t *testing.T) {
	tests := []struct {
		name string
		r    appraise.DomainRating
		ok   bool
	}{
		{"serious risk of bias", rating(appraise.DomainRiskOfBias, appraise.LevelSerious), true},
		{"none on a rate-up domain", rating(appraise.DomainDoseResponse, appraise.LevelNone), true},
		{"+2 large effect", rating(appraise.DomainLargeEffect, appraise.LevelUpTwo), true},
		{"unknown domain", rating("bias", appraise.LevelSerious), false},
		{"serious on a rate-up domain", rating(appraise.DomainLargeEffect, appraise.LevelSerious), false},
		{"+1 on a rate-down domain", rating(appraise.DomainImprecision, appraise.LevelUpOne), false},
		{"unknown level", rating(appraise.DomainImprecision, "grave"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateRating(tt.r)
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, appraise.ErrInvalidAppraisal)) {
				t.Errorf("ValidateRating(%+v) = %v, want ok=%v", tt.r, err, tt.ok)
			}
		})
	}
	if got := ParseLevel("Very serious"); got != appraise.LevelVerySerious {
		t.Errorf("ParseLevel(Very serious) = %q", got)
	}
}
