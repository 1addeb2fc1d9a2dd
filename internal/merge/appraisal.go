package merge

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// A structured appraisal merges part by part, so that two sittings of the
// same reader (or the copy a member sent last week and the one sent
// today) combine without losing an answer given in either:
//
//   - each checklist answer (instrument, item) and each GRADE domain of a
//     claim (claim, domain) is taken from the side whose own modified time
//     is later;
//   - the card, the evidence level and the PICO each by their own modified
//     time;
//   - the instrument in use, the links and the author's name as one part,
//     by the appraisal's modified time;
//   - the appraisal's modified time is the later of the two.
//
// Equal times are settled by the parts' encodings, so every library makes
// the same choice: the merge is a join (idempotent, commutative,
// associative), and importing bundles in any order, any number of times,
// leaves the same appraisal.

// Appraisal merges an incoming appraisal into the one a library has (nil
// when it has none) and says what that did: New, Updated when some part of
// in won, Unchanged when nothing did. The result lists checklists by
// instrument id, answers by item, certainties by claim id and domains in
// GRADE's order.
func Appraisal(have *appraise.PaperAppraisal, in appraise.PaperAppraisal) (appraise.PaperAppraisal, Outcome) {
	if have == nil {
		return JoinAppraisals(in, in), New
	}
	got := JoinAppraisals(*have, in)
	if bytes.Equal(encode(got), encode(JoinAppraisals(*have, *have))) {
		return got, Unchanged
	}
	return got, Updated
}

// JoinAppraisals is the part-by-part merge of a and b (see above).
func JoinAppraisals(a, b appraise.PaperAppraisal) appraise.PaperAppraisal {
	out := appraise.PaperAppraisal{Paper: a.Paper}
	if out.Paper == "" {
		out.Paper = b.Paper
	}
	out.Card = later(a.Card, b.Card, a.Card.Modified, b.Card.Modified)
	out.Level = later(a.Level, b.Level, a.Level.Modified, b.Level.Modified)
	out.PICO = later(a.PICO, b.PICO, a.PICO.Modified, b.PICO.Modified)
	type whole struct {
		Author     string
		Instrument appraise.InstrumentID
		Links      []appraise.Link
	}
	w := later(whole{a.Author, a.Instrument, a.Links}, whole{b.Author, b.Instrument, b.Links}, a.Modified, b.Modified)
	out.Author, out.Instrument, out.Links = w.Author, w.Instrument, w.Links
	out.Modified = a.Modified
	if b.Modified.After(a.Modified) {
		out.Modified = b.Modified
	}
	out.Checklists = joinChecklists(a.Checklists, b.Checklists)
	out.Certainties = joinCertainties(a.Certainties, b.Certainties)
	return out
}

func joinChecklists(a, b []appraise.Checklist) []appraise.Checklist {
	answers := map[appraise.InstrumentID]map[int]appraise.ItemAnswer{}
	for _, cs := range [][]appraise.Checklist{a, b} {
		for _, c := range cs {
			m := answers[c.Instrument]
			if m == nil {
				m = map[int]appraise.ItemAnswer{}
				answers[c.Instrument] = m
			}
			for _, x := range c.Answers {
				if y, ok := m[x.Item]; ok {
					x = later(x, y, x.Modified, y.Modified)
				}
				m[x.Item] = x
			}
		}
	}
	ids := make([]appraise.InstrumentID, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []appraise.Checklist
	for _, id := range ids {
		c := appraise.Checklist{Instrument: id}
		for _, x := range answers[id] {
			c.Answers = append(c.Answers, x)
		}
		slices.SortFunc(c.Answers, func(x, y appraise.ItemAnswer) int { return x.Item - y.Item })
		out = append(out, c)
	}
	return out
}

func joinCertainties(a, b []appraise.ClaimCertainty) []appraise.ClaimCertainty {
	claims := map[string]*appraise.ClaimCertainty{}
	domains := map[string]map[appraise.Domain]appraise.DomainRating{}
	for _, cs := range [][]appraise.ClaimCertainty{a, b} {
		for _, c := range cs {
			have := claims[c.Claim]
			if have == nil {
				have = &appraise.ClaimCertainty{Claim: c.Claim, Modified: c.Modified}
				claims[c.Claim] = have
				domains[c.Claim] = map[appraise.Domain]appraise.DomainRating{}
			} else if c.Modified.After(have.Modified) {
				have.Modified = c.Modified
			}
			m := domains[c.Claim]
			for _, r := range c.Domains {
				if s, ok := m[r.Domain]; ok {
					r = later(r, s, r.Modified, s.Modified)
				}
				m[r.Domain] = r
			}
		}
	}
	ids := make([]string, 0, len(claims))
	for id := range claims {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []appraise.ClaimCertainty
	for _, id := range ids {
		c := *claims[id]
		for _, r := range domains[id] {
			c.Domains = append(c.Domains, r)
		}
		slices.SortFunc(c.Domains, func(x, y appraise.DomainRating) int {
			if d := domainRank(x.Domain) - domainRank(y.Domain); d != 0 {
				return d
			}
			return strings.Compare(string(x.Domain), string(y.Domain))
		})
		out = append(out, c)
	}
	return out
}

// domainRank is a domain's place in GRADE's order; unknown domains last.
func domainRank(d appraise.Domain) int {
	if i := slices.Index(appraise.Domains(), d); i >= 0 {
		return i
	}
	return len(appraise.Domains())
}

// later returns the part with the later time, equal times settled by the
// larger encoding.
func later[T any](x, y T, tx, ty time.Time) T {
	if c := tx.Compare(ty); c != 0 {
		if c > 0 {
			return x
		}
		return y
	}
	if bytes.Compare(encode(x), encode(y)) >= 0 {
		return x
	}
	return y
}

// encode is a part's JSON, for settling ties and telling a change. The
// appraisal's parts hold no value JSON cannot encode, so an error cannot
// occur; were one to, the parts would compare as equal, never panic.
func encode(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
