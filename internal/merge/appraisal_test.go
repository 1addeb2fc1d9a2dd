package merge

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestAppraisalMergesPartByPart(t *testing.T) {
	monday := appraise.PaperAppraisal{Paper: "p", Author: "Lee", Modified: t0,
		Checklists: []appraise.Checklist{{Instrument: "jbi-case-series", Answers: []appraise.ItemAnswer{
			{Item: 1, Answer: "yes", Modified: t0},
			{Item: 2, Answer: "no", Comment: "not consecutive", Modified: t0},
		}}},
		Certainties: []appraise.ClaimCertainty{{Claim: "c1", Modified: t0, Domains: []appraise.DomainRating{
			{Domain: appraise.DomainImprecision, Level: appraise.LevelSerious, Modified: t0}}}},
	}
	tuesday := appraise.PaperAppraisal{Paper: "p", Author: "Lee", Modified: t0.Add(24 * time.Hour),
		Checklists: []appraise.Checklist{{Instrument: "jbi-case-series", Answers: []appraise.ItemAnswer{
			{Item: 2, Answer: "unclear", Modified: t0.Add(24 * time.Hour)},
			{Item: 3, Answer: "yes", Modified: t0.Add(24 * time.Hour)},
		}}},
		Certainties: []appraise.ClaimCertainty{{Claim: "c1", Modified: t0.Add(time.Hour), Domains: []appraise.DomainRating{
			{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelVerySerious, Modified: t0.Add(time.Hour)}}}},
	}
	got, out := Appraisal(&monday, tuesday)
	if out != Updated {
		t.Fatalf("outcome %v, want updated", out)
	}
	c := got.Checklist("jbi-case-series")
	if a := c.Answer(1); a.Answer != "yes" {
		t.Errorf("item 1 (only on Monday) = %q, want kept", a.Answer)
	}
	if a := c.Answer(2); a.Answer != "unclear" || a.Comment != "" {
		t.Errorf("item 2 = %+v, want Tuesday's later answer", a)
	}
	if a := c.Answer(3); a.Answer != "yes" {
		t.Errorf("item 3 (only on Tuesday) = %q", a.Answer)
	}
	cc := got.Certainty("c1")
	if cc.Rating(appraise.DomainImprecision).Level != appraise.LevelSerious || cc.Rating(appraise.DomainRiskOfBias).Level != appraise.LevelVerySerious {
		t.Errorf("claim c1 domains = %+v, want both days' domains", cc.Domains)
	}
	if !got.Modified.Equal(tuesday.Modified) {
		t.Errorf("modified = %v, want the later", got.Modified)
	}
	if _, out := Appraisal(&got, monday); out != Unchanged {
		t.Errorf("merging Monday's copy again: %v, want unchanged", out)
	}
	if _, out := Appraisal(nil, monday); out != New {
		t.Errorf("first appraisal: %v, want new", out)
	}
}

// TestAppraisalMergeIsIdempotentAndOrderIndependent is the appraisal's
// side of TestMergeIsIdempotentAndOrderIndependent: random copies of one
// member's appraisal (answers, comments, GRADE domains, cards, PICO,
// same-time conflicts) merged in random orders, and twice, must always
// leave the same appraisal.
func TestAppraisalMergeIsIdempotentAndOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	answers := []appraise.Answer{"yes", "no", "unclear", "not applicable"}
	levels := []appraise.DomainLevel{appraise.LevelNone, appraise.LevelSerious, appraise.LevelVerySerious}
	at := func() time.Time { return t0.Add(time.Duration(r.IntN(4)) * time.Hour) }
	for trial := range 300 {
		var copies []appraise.PaperAppraisal
		for range 1 + r.IntN(6) {
			pa := appraise.PaperAppraisal{Paper: "p", Author: []string{"Lee", "lee"}[r.IntN(2)], Modified: at()}
			pa.Card.Modified, pa.Card.BottomLine = at(), fmt.Sprint("bottom line ", r.IntN(3))
			pa.PICO.Modified, pa.PICO.Intervention = at(), fmt.Sprint("drug ", r.IntN(3))
			for range r.IntN(3) {
				inst := []appraise.InstrumentID{"jbi-case-series", "casp-rct"}[r.IntN(2)]
				var c appraise.Checklist
				c.Instrument = inst
				for range r.IntN(5) {
					c.Answers = append(c.Answers, appraise.ItemAnswer{Item: 1 + r.IntN(6), Answer: answers[r.IntN(4)],
						Comment: fmt.Sprint(r.IntN(2)), Modified: at()})
				}
				pa.Checklists = append(pa.Checklists, c)
			}
			for range r.IntN(3) {
				cc := appraise.ClaimCertainty{Claim: fmt.Sprint("c", r.IntN(3)), Modified: at()}
				for range r.IntN(3) {
					cc.Domains = append(cc.Domains, appraise.DomainRating{Domain: appraise.DownDomains()[r.IntN(5)],
						Level: levels[r.IntN(3)], Modified: at()})
				}
				pa.Certainties = append(pa.Certainties, cc)
			}
			copies = append(copies, pa)
		}
		var want []byte
		for range 6 {
			var lib *appraise.PaperAppraisal
			for range 2 {
				for _, i := range r.Perm(len(copies)) {
					got, _ := Appraisal(lib, copies[i])
					lib = &got
				}
			}
			got := encode(*lib)
			if want == nil {
				want = got
			} else if !bytes.Equal(got, want) {
				t.Fatalf("trial %d: one order kept\n%s\nanother\n%s", trial, want, got)
			}
			for _, c := range copies {
				if _, out := Appraisal(lib, c); out != Unchanged {
					t.Fatalf("trial %d: importing a copy again did %v", trial, out)
				}
			}
		}
	}
}
