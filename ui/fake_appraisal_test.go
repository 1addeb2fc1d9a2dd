package ui

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// The fake library's structured appraisal: the built-in instruments and
// internal/instrument's pure rules (default checklist, level, GRADE, PICO
// proposer), with the appraisal kept whole per paper in memory.

// fakeJBIAnswers are the answers a custom checklist gets in the fake.
var fakeJBIAnswers = []appraise.AnswerOption{{Answer: appraise.AnswerYes, Rating: appraise.RatingGood},
	{Answer: appraise.AnswerNo, Rating: appraise.RatingBad}, {Answer: appraise.AnswerUnclear, Rating: appraise.RatingUnclear},
	{Answer: appraise.AnswerNotApplicable, Rating: appraise.RatingNotApplicable}}

// fakeAppraisals is the fake library's appraisal state; fakeLibrary.mu
// guards it.
type fakeAppraisals struct {
	byPaper map[appraise.PaperID]*appraise.PaperAppraisal
	custom  []appraise.Instrument
	members map[appraise.PaperID][]appraise.PaperAppraisal
}

func (f *fakeLibrary) appr(id appraise.PaperID) *appraise.PaperAppraisal {
	if f.apprs.byPaper == nil {
		f.apprs.byPaper = map[appraise.PaperID]*appraise.PaperAppraisal{}
	}
	a, ok := f.apprs.byPaper[id]
	if !ok {
		a = &appraise.PaperAppraisal{Paper: id}
		f.apprs.byPaper[id] = a
	}
	return a
}

func (f *fakeLibrary) instruments() []appraise.Instrument {
	return append(instrument.Builtin(), f.apprs.custom...)
}

func (f *fakeLibrary) instrumentInUse(id appraise.PaperID) appraise.Instrument {
	want := f.appr(id).Instrument
	if want == "" {
		want = instrument.DefaultFor(f.papers[id].Appraisal.Design)
	}
	for _, in := range f.instruments() {
		if in.ID == want {
			return in
		}
	}
	return appraise.Instrument{} // no design, no choice: no checklist yet
}

func (f *fakeLibrary) evidence(id string) appraise.Evidence {
	a, ok := f.anns[id]
	return appraise.Evidence{ID: id, Annotation: a, Missing: !ok || !a.Deleted.IsZero()}
}

func (f *fakeLibrary) row(in appraise.Instrument, a appraise.ItemAnswer) appraise.ChecklistRow {
	it, _ := in.Item(a.Item)
	r := appraise.ChecklistRow{Item: it, Answer: a, Rating: in.RatingOf(a.Answer)}
	for _, e := range a.Evidence {
		r.Evidence = append(r.Evidence, f.evidence(e))
	}
	return r
}

func (f *fakeLibrary) checklistView(id appraise.PaperID) appraise.ChecklistView {
	in := f.instrumentInUse(id)
	cl := f.appr(id).Checklist(in.ID)
	v := appraise.ChecklistView{Instrument: in}
	for _, it := range in.Items {
		v.Rows = append(v.Rows, f.row(in, cl.Answer(it.Number)))
	}
	return v
}

func (f *fakeLibrary) Appraisal(id appraise.PaperID) (appraise.PaperAppraisal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a := *f.appr(id)
	a.Card = f.papers[id].Appraisal
	return a, nil
}

func (f *fakeLibrary) MemberAppraisals(id appraise.PaperID) ([]appraise.PaperAppraisal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]appraise.PaperAppraisal(nil), f.apprs.members[id]...), nil
}

// addMember stores a club member's appraisal of a paper, as a bundle would.
func (f *fakeLibrary) addMember(pa appraise.PaperAppraisal) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.apprs.members == nil {
		f.apprs.members = map[appraise.PaperID][]appraise.PaperAppraisal{}
	}
	f.apprs.members[pa.Paper] = append(f.apprs.members[pa.Paper], pa)
}

func (f *fakeLibrary) Instruments() ([]appraise.Instrument, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.instruments(), nil
}

// ImportInstrument reads "name: …" then one "N. text" line per item.
func (f *fakeLibrary) ImportInstrument(name string, r io.Reader) (appraise.Instrument, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return appraise.Instrument{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	in := appraise.Instrument{ID: appraise.InstrumentID("custom-" + strings.TrimSuffix(name, ".toml")), Family: "custom", Custom: true, Answers: fakeJBIAnswers}
	item := regexp.MustCompile(`^(\d+)\. (.+)$`)
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		switch m := item.FindStringSubmatch(line); {
		case strings.HasPrefix(line, "name: "):
			in.Name = strings.TrimPrefix(line, "name: ")
		case m != nil:
			in.Items = append(in.Items, appraise.InstrumentItem{Number: len(in.Items) + 1, Text: m[2]})
		default:
			return appraise.Instrument{}, fmt.Errorf("%s line %d: %w: expected “N. item text”", name, i+1, appraise.ErrInvalidChecklist)
		}
	}
	f.apprs.custom = append(f.apprs.custom, in)
	return in, nil
}

func (f *fakeLibrary) ChooseInstrument(id appraise.PaperID, ins appraise.InstrumentID) (appraise.ChecklistView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !slices.ContainsFunc(f.instruments(), func(in appraise.Instrument) bool { return in.ID == ins }) {
		return appraise.ChecklistView{}, fmt.Errorf("instrument %s: %w", ins, appraise.ErrNotFound)
	}
	f.appr(id).Instrument = ins
	return f.checklistView(id), nil
}

func (f *fakeLibrary) Checklist(id appraise.PaperID) (appraise.ChecklistView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.checklistView(id), nil
}

func (f *fakeLibrary) AnswerItem(id appraise.PaperID, a appraise.ItemAnswer) (appraise.ChecklistRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return appraise.ChecklistRow{}, err
	}
	in := f.instrumentInUse(id)
	if _, ok := in.Item(a.Item); !ok || !in.Allows(a.Answer) {
		return appraise.ChecklistRow{}, fmt.Errorf("answer item %d: %w", a.Item, appraise.ErrInvalidAppraisal)
	}
	ap := f.appr(id)
	cl := ap.Checklist(in.ID)
	cl.Answers = slices.DeleteFunc(cl.Answers, func(x appraise.ItemAnswer) bool { return x.Item == a.Item })
	cl.Answers = append(cl.Answers, a)
	ap.Checklists = slices.DeleteFunc(ap.Checklists, func(c appraise.Checklist) bool { return c.Instrument == in.ID })
	ap.Checklists = append(ap.Checklists, cl)
	return f.row(in, a), nil
}

func (f *fakeLibrary) Level(id appraise.PaperID) (appraise.LevelView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.levelView(id), nil
}

func (f *fakeLibrary) levelView(id appraise.PaperID) appraise.LevelView {
	prop := instrument.ProposeLevel(f.papers[id].Appraisal.Design)
	ch := f.appr(id).Level
	v := appraise.LevelView{Proposed: prop, Override: ch, Level: prop}
	if ch.Level != 0 {
		v.Level = ch.Level
	}
	return v
}

func (f *fakeLibrary) SetLevel(id appraise.PaperID, l appraise.EvidenceLevel, reason string) (appraise.LevelView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if l != 0 && strings.TrimSpace(reason) == "" {
		return appraise.LevelView{}, fmt.Errorf("%w: an overridden level needs a reason", appraise.ErrInvalidAppraisal)
	}
	f.appr(id).Level = appraise.LevelChoice{Level: l, Reason: reason}
	return f.levelView(id), nil
}

func (f *fakeLibrary) certaintyView(claim string) appraise.CertaintyView {
	a := f.anns[claim]
	c := f.appr(a.Paper).Certainty(claim)
	start := instrument.StartCertainty(f.papers[a.Paper].Appraisal.Design)
	v := appraise.CertaintyView{Claim: f.evidence(claim), Start: start, Final: instrument.Grade(start, c.Domains)}
	for _, d := range appraise.Domains() {
		r := c.Rating(d)
		dv := appraise.DomainView{Rating: r}
		for _, id := range r.Reasons {
			dv.Reasons = append(dv.Reasons, f.evidence(id))
		}
		v.Domains = append(v.Domains, dv)
	}
	return v
}

func (f *fakeLibrary) Certainties(id appraise.PaperID) ([]appraise.CertaintyView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []appraise.CertaintyView
	for _, a := range f.live(id) {
		if a.HasTag(appraise.TagClaim) {
			out = append(out, f.certaintyView(a.ID))
		}
	}
	return out, nil
}

func (f *fakeLibrary) SetDomain(claim string, r appraise.DomainRating) (appraise.CertaintyView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return appraise.CertaintyView{}, err
	}
	a, ok := f.anns[claim]
	if !ok || !a.HasTag(appraise.TagClaim) {
		return appraise.CertaintyView{}, fmt.Errorf("certainty of %s: %w", claim, appraise.ErrNotFound)
	}
	if !r.Domain.Known() || !slices.Contains(appraise.LevelsFor(r.Domain), r.Level) {
		return appraise.CertaintyView{}, fmt.Errorf("%w: domain %s level %s", appraise.ErrInvalidAppraisal, r.Domain, r.Level)
	}
	ap := f.appr(a.Paper)
	c := ap.Certainty(claim)
	c.Domains = slices.DeleteFunc(c.Domains, func(x appraise.DomainRating) bool { return x.Domain == r.Domain })
	c.Domains = append(c.Domains, r)
	ap.Certainties = slices.DeleteFunc(ap.Certainties, func(x appraise.ClaimCertainty) bool { return x.Claim == claim })
	ap.Certainties = append(ap.Certainties, c)
	return f.certaintyView(claim), nil
}

func (f *fakeLibrary) AddLink(k appraise.Link) (appraise.Link, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	from, ok1 := f.anns[k.From]
	to, ok2 := f.anns[k.To]
	if !ok1 || !ok2 || from.Paper != to.Paper || k.From == k.To {
		return appraise.Link{}, fmt.Errorf("link %s to %s: %w", k.From, k.To, appraise.ErrInvalidLink)
	}
	ap := f.appr(from.Paper)
	if !slices.ContainsFunc(ap.Links, func(l appraise.Link) bool { return l.From == k.From && l.To == k.To && l.Type == k.Type }) {
		ap.Links = append(ap.Links, k)
	}
	return k, nil
}

func (f *fakeLibrary) RemoveLink(k appraise.Link) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	from, ok := f.anns[k.From]
	if !ok {
		return fmt.Errorf("unlink %s: %w", k.From, appraise.ErrNotFound)
	}
	ap := f.appr(from.Paper)
	ap.Links = slices.DeleteFunc(ap.Links, func(l appraise.Link) bool { return l.From == k.From && l.To == k.To && l.Type == k.Type })
	return nil
}

func (f *fakeLibrary) SavePICO(id appraise.PaperID, p appraise.PICO) (appraise.PICO, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.appr(id).PICO = p
	return p, nil
}

// ProposePICO reads population fields from the annotation's quote.
func (f *fakeLibrary) ProposePICO(id string) ([]appraise.PICOProposal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.anns[id]
	if !ok {
		return nil, fmt.Errorf("annotation %s: %w", id, appraise.ErrNotFound)
	}
	return instrument.ProposePopulation(a.Anchor.Exact), nil
}
