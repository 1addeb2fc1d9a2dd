package agreement

// RatedClaim is a claim annotation's span and the certainty its reader
// gave it ("high", "moderate", "low", "very low"; "" when not rated).
type RatedClaim struct {
	Annotation string
	Start, End int
	Certainty  string
}

// ClaimComparison pairs a key claim with the trainee claim that overlaps
// it most.
type ClaimComparison struct {
	Key     RatedClaim
	Trainee *RatedClaim // nil when no trainee claim overlaps it
	Same    bool        // both rated, alike
}

// CertaintyResult compares the certainty of claims matched by overlap.
type CertaintyResult struct {
	Claims []ClaimComparison
	// Rated is how many matched pairs both readers rated; Agreement is
	// the share of those rated alike (0 when none), Kappa Cohen's kappa
	// over them with the four certainties as categories.
	Rated     int
	Agreement float64
	Kappa     Kappa
}

// CompareCertainty matches each key claim to the trainee claim that
// overlaps it by the most code points and compares their certainty.
func CompareCertainty(key, trainee []RatedClaim) CertaintyResult {
	var res CertaintyResult
	var pairs [][2]string
	for _, k := range key {
		c := ClaimComparison{Key: k}
		best := 0
		for i := range trainee {
			t := &trainee[i]
			if o := min(k.End, t.End) - max(k.Start, t.Start); o > best {
				best, c.Trainee = o, t
			}
		}
		if c.Trainee != nil && k.Certainty != "" && c.Trainee.Certainty != "" {
			c.Same = k.Certainty == c.Trainee.Certainty
			pairs = append(pairs, [2]string{k.Certainty, c.Trainee.Certainty})
		}
		res.Claims = append(res.Claims, c)
	}
	res.Rated = len(pairs)
	res.Agreement, res.Kappa = CategoricalKappa(pairs)
	switch {
	case res.Rated == 0:
		res.Kappa.Undefined = "no claim was rated by both readers"
	case res.Kappa.Value == nil:
		res.Kappa.Undefined = "both readers gave every claim the same certainty"
	}
	return res
}
