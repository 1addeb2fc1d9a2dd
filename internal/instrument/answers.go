package instrument

import "appraise.app/appraise/internal/appraise"

// Families whose answer sets are predefined.
const (
	FamilyJBI    = "jbi"
	FamilyCASP   = "casp"
	FamilyCustom = "custom"
)

// familyAnswers returns the answers a family offers, or nil.
func familyAnswers(family string) []appraise.AnswerOption {
	switch family {
	case FamilyJBI:
		return []appraise.AnswerOption{
			{Answer: appraise.AnswerYes, Rating: appraise.RatingGood},
			{Answer: appraise.AnswerNo, Rating: appraise.RatingBad},
			{Answer: appraise.AnswerUnclear, Rating: appraise.RatingUnclear},
			{Answer: appraise.AnswerNotApplicable, Rating: appraise.RatingNotApplicable},
		}
	case FamilyCASP:
		return []appraise.AnswerOption{
			{Answer: appraise.AnswerYes, Rating: appraise.RatingGood},
			{Answer: appraise.AnswerNo, Rating: appraise.RatingBad},
			{Answer: appraise.AnswerCantTell, Rating: appraise.RatingUnclear},
		}
	}
	return nil
}

func knownRating(r appraise.Rating) bool {
	switch r {
	case appraise.RatingGood, appraise.RatingBad, appraise.RatingUnclear, appraise.RatingNotApplicable:
		return true
	}
	return false
}
