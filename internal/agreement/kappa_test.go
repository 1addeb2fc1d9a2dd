package agreement

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s = nil, want %.4f", what, want)
	}
	if math.Abs(*got-want) > 5e-5 {
		t.Fatalf("%s = %.6f, want %.4f", what, *got, want)
	}
}

// The tables below are the textbook two-rater examples (Cohen 1960's form:
// 50 or 100 items, yes/no), worked by hand:
//
//	20/5/10/15:  po = 35/50 = .70; pe = .5·.6 + .5·.4 = .50;  κ = .20/.50 = .4000
//	45/15/25/15: po = .60; pe = .6·.7 + .4·.3 = .54;          κ = .06/.46 = .1304
//	25/35/5/35:  po = .60; pe = .6·.3 + .4·.7 = .46;          κ = .14/.54 = .2593
//
// The last two have the same observed agreement and different kappas: the
// case kappa exists for.
func TestKappaTwoByTwo(t *testing.T) {
	cases := []struct {
		name      string
		table     Table2x2
		agreement float64
		kappa     float64
		precision float64
		recall    float64
	}{
		{"fifty proposals: moderate agreement", Table2x2{20, 5, 10, 15}, 0.70, 0.4, 20.0 / 30, 20.0 / 25},
		{"same agreement, balanced marginals: low kappa", Table2x2{45, 15, 25, 15}, 0.60, 0.1304, 45.0 / 70, 45.0 / 60},
		{"same agreement, unbalanced marginals: higher kappa", Table2x2{25, 35, 5, 35}, 0.60, 0.2593, 25.0 / 30, 25.0 / 60},
		{"perfect agreement is one", Table2x2{3, 0, 0, 7}, 1, 1, 1, 1},
		{"opposite readings are below zero", Table2x2{0, 5, 5, 0}, 0, -1, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.table.Agreement(); math.Abs(got-c.agreement) > 1e-9 {
				t.Fatalf("agreement = %v, want %v", got, c.agreement)
			}
			k := c.table.Kappa()
			near(t, "kappa", k.Value, c.kappa)
			near(t, "precision", c.table.Precision(), c.precision)
			near(t, "recall", c.table.Recall(), c.recall)
		})
	}
}

func TestKappaUndefinedSaysWhy(t *testing.T) {
	cases := []struct {
		name  string
		table Table2x2
		want  string
	}{
		{"both tagged nothing", Table2x2{Neither: 40}, "neither reader tagged any sentence with it"},
		{"both tagged everything", Table2x2{Both: 12}, "both readers tagged every sentence with it"},
		{"no sentences", Table2x2{}, "there was nothing to compare"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := c.table.Kappa()
			if k.Value != nil || k.Undefined != c.want {
				t.Fatalf("kappa = %v %q, want nil %q", k.Value, k.Undefined, c.want)
			}
		})
	}
	if p := (Table2x2{KeyOnly: 3, Neither: 2}).Precision(); p != nil {
		t.Fatalf("precision with no trainee tags = %v, want nil", *p)
	}
	if r := (Table2x2{TraineeOnly: 3, Neither: 2}).Recall(); r != nil {
		t.Fatalf("recall with no key tags = %v, want nil", *r)
	}
}

// Three categories over 10 items, worked by hand:
//
//	key:     y y y y n n n u u y
//	trainee: y y y n n n u u y y
//
// same on items 1,2,3,5,6,8,10 → po = .7; key y=5 n=3 u=2, trainee y=5 n=3
// u=2 → pe = .25 + .09 + .04 = .38; κ = .32/.62 = .5161.
func TestCategoricalKappa(t *testing.T) {
	key := []string{"yes", "yes", "yes", "yes", "no", "no", "no", "unclear", "unclear", "yes"}
	trainee := []string{"yes", "yes", "yes", "no", "no", "no", "unclear", "unclear", "yes", "yes"}
	var pairs [][2]string
	for i := range key {
		pairs = append(pairs, [2]string{key[i], trainee[i]})
	}
	po, k := CategoricalKappa(pairs)
	if math.Abs(po-0.7) > 1e-9 {
		t.Fatalf("agreement = %v, want 0.7", po)
	}
	near(t, "kappa", k.Value, 0.5161)

	// Two categories must give the same as the 2×2 table.
	var yn [][2]string
	tbl := Table2x2{20, 5, 10, 15}
	for range tbl.Both {
		yn = append(yn, [2]string{"yes", "yes"})
	}
	for range tbl.KeyOnly {
		yn = append(yn, [2]string{"yes", "no"})
	}
	for range tbl.TraineeOnly {
		yn = append(yn, [2]string{"no", "yes"})
	}
	for range tbl.Neither {
		yn = append(yn, [2]string{"no", "no"})
	}
	_, k2 := CategoricalKappa(yn)
	near(t, "two-category kappa", k2.Value, 0.4)

	if _, k := CategoricalKappa([][2]string{{"yes", "yes"}, {"yes", "yes"}}); k.Value != nil || k.Undefined == "" {
		t.Fatalf("one shared answer everywhere: kappa = %v, want undefined with a reason", k.Value)
	}
	if _, k := CategoricalKappa(nil); k.Value != nil || k.Undefined == "" {
		t.Fatal("no items: kappa must be undefined with a reason")
	}
}
