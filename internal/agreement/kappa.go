package agreement

import (
	"fmt"
	"math"
)

// Kappa is Cohen's kappa, or why it is undefined.
type Kappa struct {
	// Value is nil when kappa is undefined.
	Value *float64
	// Undefined says why Value is nil, in words for a trainee.
	Undefined string
}

// Table2x2 counts how two raters classed the same items as positive or
// negative: Both positive, KeyOnly (the key positive, the trainee not),
// TraineeOnly, Neither.
type Table2x2 struct {
	Both, KeyOnly, TraineeOnly, Neither int
}

// N is how many items the table counts.
func (t Table2x2) N() int { return t.Both + t.KeyOnly + t.TraineeOnly + t.Neither }

// Add returns the cell-wise sum, for pooling tables.
func (t Table2x2) Add(u Table2x2) Table2x2 {
	return Table2x2{t.Both + u.Both, t.KeyOnly + u.KeyOnly, t.TraineeOnly + u.TraineeOnly, t.Neither + u.Neither}
}

// Agreement is the observed share of items the raters classed alike; 0
// for an empty table.
func (t Table2x2) Agreement() float64 {
	n := t.N()
	if n == 0 {
		return 0
	}
	return float64(t.Both+t.Neither) / float64(n)
}

// Kappa is Cohen's kappa for the table: (po − pe) / (1 − pe), where pe is
// the agreement expected from each rater's own positive rate.
func (t Table2x2) Kappa() Kappa {
	n := t.N()
	if n == 0 {
		return Kappa{Undefined: "there was nothing to compare"}
	}
	key := float64(t.Both+t.KeyOnly) / float64(n)
	trainee := float64(t.Both+t.TraineeOnly) / float64(n)
	pe := key*trainee + (1-key)*(1-trainee)
	if pe >= 1 {
		return Kappa{Undefined: allAlikeReason(t)}
	}
	v := tidy((t.Agreement() - pe) / (1 - pe))
	return Kappa{Value: &v}
}

// allAlikeReason explains a table whose chance agreement is certain.
func allAlikeReason(t Table2x2) string {
	if t.Both == 0 {
		return "neither reader tagged half of any sentence with it"
	}
	return "both readers tagged at least half of every sentence with it"
}

// Precision is the share of the trainee's positives the key shares; nil
// when the trainee has none.
func (t Table2x2) Precision() *float64 { return ratio(t.Both, t.Both+t.TraineeOnly) }

// Recall is the share of the key's positives the trainee found; nil when
// the key has none.
func (t Table2x2) Recall() *float64 { return ratio(t.Both, t.Both+t.KeyOnly) }

func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	v := float64(a) / float64(b)
	return &v
}

// CategoricalKappa is Cohen's kappa for two raters who each put the same
// items into one of several categories: pairs[i] is the key's and the
// trainee's category of item i. It returns the observed agreement too.
func CategoricalKappa(pairs [][2]string) (agreement float64, k Kappa) {
	n := len(pairs)
	if n == 0 {
		return 0, Kappa{Undefined: "no item was answered by both readers"}
	}
	keyCount, traineeCount := map[string]int{}, map[string]int{}
	same := 0
	for _, p := range pairs {
		keyCount[p[0]]++
		traineeCount[p[1]]++
		if p[0] == p[1] {
			same++
		}
	}
	po := float64(same) / float64(n)
	pe := 0.0
	for c, kc := range keyCount {
		pe += float64(kc) / float64(n) * float64(traineeCount[c]) / float64(n)
	}
	if pe >= 1-1e-12 {
		return po, Kappa{Undefined: "both readers gave the same single answer to every item"}
	}
	v := tidy((po - pe) / (1 - pe))
	return po, Kappa{Value: &v}
}

// tidy sets rounding noise around zero to zero, so chance-level agreement
// reads as 0, not -0.000.
func tidy(v float64) float64 {
	if math.Abs(v) < 1e-12 {
		return 0
	}
	return v
}

// String writes kappa to two decimals, "–" when undefined, as reports
// show it.
func (k Kappa) String() string {
	if k.Value == nil {
		return "–"
	}
	return fmt.Sprintf("%.2f", *k.Value)
}

// Percent writes a share as a whole percentage, "–" when undefined
// (nil), as reports show it.
func Percent(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", *v*100)
}
