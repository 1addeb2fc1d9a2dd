package library

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/merge"
)

// A journal club's appraisals. The user's own structured appraisal of a
// paper is the appraisal record the Appraisal tab edits; a bundle names
// its author, the user's name when it leaves this library. Other members'
// appraisals come in with their bundles and are kept apart, one per
// (paper, author), read-only: the user never edits them, a later bundle
// from the same member merges into them (package merge, part by part), and
// the user's own appraisal is never changed by them.
//
// An incoming appraisal by the user's own name (the same person on
// another laptop, or a bundle the user sent round coming back) is the
// user's: it merges into the user's record by the same rule, newer part
// wins, so nothing the user did since is undone. An appraisal that names
// no author cannot be told apart from the user's and is left out, with a
// line in the import report.

// memberStore is a store that keeps members' appraisals.
type memberStore interface {
	MemberAppraisals(paper appraise.PaperID) ([]appraise.PaperAppraisal, error)
}

// SetUser sets the name the user goes by, which decides whose appraisal
// is the user's own (see above). Names match with case and spacing
// ignored.
func (l *Library) SetUser(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.user = strings.TrimSpace(name)
}

// User is the name set by SetUser (or Config.User).
func (l *Library) User() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.user
}

// isUser reports whether author is the user.
func (l *Library) isUser(author string) bool {
	return authors.Key(author) == authors.Key(l.User())
}

// MemberAppraisals lists the other members' appraisals of a paper that
// bundles brought in, by author; none when the store keeps none.
func (l *Library) MemberAppraisals(paper appraise.PaperID) ([]appraise.PaperAppraisal, error) {
	ms, ok := l.store.(memberStore)
	if !ok {
		return nil, nil
	}
	out, err := ms.MemberAppraisals(paper)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(out, func(pa appraise.PaperAppraisal) bool { return l.isUser(pa.Author) }), nil
}

// AppraisalBy returns author's appraisal of a paper: the user's own (card
// included) when author is the user, else the member's that a bundle
// brought (found false when none did).
func (l *Library) AppraisalBy(paper appraise.PaperID, author string) (pa appraise.PaperAppraisal, found bool, err error) {
	if l.isUser(author) {
		pa, err := l.Appraisal(paper)
		return pa, err == nil, err
	}
	ms, err := l.MemberAppraisals(paper)
	if err != nil {
		return appraise.PaperAppraisal{}, false, err
	}
	for _, m := range ms {
		if authors.Key(m.Author) == authors.Key(author) {
			return m, true, nil
		}
	}
	return appraise.PaperAppraisal{Paper: paper, Author: author}, false, nil
}

// importedAppraisals checks a bundle paper's appraisals against what the
// library and the bundle know and returns them ready for the batch, on
// the library's paper, with the custom checklists they need that the
// library lacks. The annotations the certainties rate must be in the
// bundle (bundleIDs) or on the library's paper. An appraisal without an
// author is left out, with a line in skipped.
func (l *Library) importedAppraisals(bp export.BundlePaper, paper appraise.PaperID, bundleIDs map[string]bool,
	known map[appraise.InstrumentID]appraise.Instrument) (out []appraise.AppraisalImport, add []appraise.Instrument, skipped []string, err error) {
	if len(bp.Appraisals) == 0 {
		return nil, nil, nil, nil
	}
	local := map[string]bool{}
	as, err := l.store.Annotations(paper)
	if err != nil && !errors.Is(err, appraise.ErrNotFound) {
		return nil, nil, nil, err
	}
	for _, a := range as {
		local[a.ID] = true
	}
	for _, ba := range bp.Appraisals {
		pa := ba.Appraisal
		if pa.Author == "" {
			skipped = append(skipped, "an appraisal that names no author was not imported (the member should set a name and export again)")
			continue
		}
		if ci := ba.Instrument; ci != nil {
			if have, ok := known[ci.ID]; !ok {
				known[ci.ID] = *ci
				add = append(add, *ci)
			} else if !have.Custom {
				return nil, nil, nil, fmt.Errorf("the appraisal by %q redefines the built-in checklist %q", pa.Author, ci.ID)
			}
		}
		if err := checkImportedAppraisal(pa, known, func(id string) bool { return bundleIDs[id] || local[id] }); err != nil {
			return nil, nil, nil, fmt.Errorf("the appraisal by %q: %w", pa.Author, err)
		}
		pa.Paper = paper
		own := l.isUser(pa.Author)
		if own {
			pa.Author = ""
		}
		out = append(out, appraise.AppraisalImport{Appraisal: pa, Own: own})
	}
	return out, add, skipped, nil
}

// checkImportedAppraisal refuses an appraisal that names a checklist
// neither the library nor the bundle defines, an item the checklist does
// not have, an answer it does not offer, or rates a claim that is not an
// annotation of the paper.
func checkImportedAppraisal(pa appraise.PaperAppraisal, known map[appraise.InstrumentID]appraise.Instrument, annotation func(string) bool) error {
	if id := pa.Instrument; id != "" {
		if _, ok := known[id]; !ok {
			return fmt.Errorf("it uses the checklist %q, which neither this library nor the bundle defines", id)
		}
	}
	for _, c := range pa.Checklists {
		in, ok := known[c.Instrument]
		if !ok {
			return fmt.Errorf("it answers the checklist %q, which neither this library nor the bundle defines", c.Instrument)
		}
		for _, a := range c.Answers {
			if _, ok := in.Item(a.Item); !ok {
				return fmt.Errorf("checklist %q has no item %d", c.Instrument, a.Item)
			}
			if a.Answer != appraise.AnswerNone && !slices.ContainsFunc(in.Answers, func(o appraise.AnswerOption) bool { return o.Answer == a.Answer }) {
				return fmt.Errorf("checklist %q item %d: %q is not one of its answers", c.Instrument, a.Item, a.Answer)
			}
		}
	}
	for _, c := range pa.Certainties {
		if !annotation(c.Claim) {
			return fmt.Errorf("it rates the certainty of claim %s, which is neither in the bundle nor on the paper", c.Claim)
		}
	}
	return nil
}

// knownInstruments is every checklist the library defines, by id.
func (l *Library) knownInstruments() (map[appraise.InstrumentID]appraise.Instrument, error) {
	all, err := l.Instruments()
	if err != nil {
		return nil, err
	}
	out := make(map[appraise.InstrumentID]appraise.Instrument, len(all))
	for _, in := range all {
		out[in.ID] = in
	}
	return out, nil
}

// decideAppraisal merges an incoming appraisal and counts what it did in
// the counts of its paper.
func decideAppraisal(counts func(appraise.PaperID) *appraise.AppraisalCounts) func(*appraise.PaperAppraisal, appraise.PaperAppraisal) (appraise.PaperAppraisal, bool) {
	return func(have *appraise.PaperAppraisal, in appraise.PaperAppraisal) (appraise.PaperAppraisal, bool) {
		keep, out := merge.Appraisal(have, in)
		c := counts(in.Paper)
		switch out {
		case merge.New:
			c.New++
		case merge.Updated:
			c.Updated++
		default:
			c.Unchanged++
		}
		return keep, out != merge.Unchanged
	}
}
