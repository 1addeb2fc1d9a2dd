package ui

import (
	"fmt"
	"io"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
	"appraise.app/appraise/internal/export"
)

// The fake library's journal-club methods: bundles through the real
// writer and reader, merging by the plain rule "a later modified time
// wins" (the real merge is tested in internal/merge and internal/library),
// and comparison through the real agreement package.

func (f *fakeLibrary) Annotations(paper appraise.PaperID, _ ...string) ([]appraise.Annotation, error) {
	return f.liveAnns(paper), nil
}

func (f *fakeLibrary) ExportBundle(ids []appraise.PaperID, filter appraise.ExportFilter, w io.Writer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(ids) == 0 {
		for id := range f.papers {
			ids = append(ids, id)
		}
	}
	var in []export.BundleInput
	for _, id := range ids {
		var as []appraise.Annotation
		for _, a := range f.live(id) {
			if filter.Author == "" || authors.Key(a.Author) == authors.Key(filter.Author) {
				as = append(as, a)
			}
		}
		in = append(in, export.BundleInput{Input: export.Input{Paper: f.papers[id], Tags: f.tags, Annotations: as, Generated: f.now}})
	}
	return export.WriteBundle(w, in)
}

// SetUser records the user's name, as the real library keeps it.
func (f *fakeLibrary) SetUser(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.user = name
}

func (f *fakeLibrary) ImportBundle(r io.Reader) (appraise.ImportReport, error) {
	ps, err := export.DecodeBundle(r)
	if err != nil {
		return appraise.ImportReport{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var rep appraise.ImportReport
	for _, p := range ps {
		pi := appraise.PaperImport{Paper: p.Paper, Match: "same file"}
		if _, ok := f.papers[p.Paper.ID]; !ok {
			pi.Match, pi.Waiting = "", true
			f.papers[p.Paper.ID] = p.Paper
		}
		for _, a := range p.Annotations {
			have, ok := f.anns[a.ID]
			switch {
			case !ok:
				pi.New++
			case a.Modified.After(have.Modified):
				pi.Updated++
			default:
				pi.Unchanged++
				continue
			}
			f.anns[a.ID] = a
		}
		for _, ba := range p.Appraisals {
			if f.apprs.members == nil {
				f.apprs.members = map[appraise.PaperID][]appraise.PaperAppraisal{}
			}
			ba.Appraisal.Paper = p.Paper.ID
			f.apprs.members[p.Paper.ID] = append(f.apprs.members[p.Paper.ID], ba.Appraisal)
		}
		rep.Papers = append(rep.Papers, pi)
	}
	return rep, nil
}

func (f *fakeLibrary) Compare(paper appraise.PaperID, key, trainee string) (export.Feedback, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	doc, ok := f.docs[paper]
	if !ok {
		return export.Feedback{}, fmt.Errorf("paper %s: %w", paper, appraise.ErrNotFound)
	}
	k, t := agreement.Reading{Author: key}, agreement.Reading{Author: trainee}
	for _, a := range f.live(paper) {
		switch authors.Key(a.Author) {
		case authors.Key(key):
			k.Annotations = append(k.Annotations, a)
		case authors.Key(trainee):
			t.Annotations = append(t.Annotations, a)
		}
	}
	res := agreement.Compare(doc.Passages, []string{"population", "claim", "limitation"}, k, t)
	fb := export.Feedback{Paper: f.papers[paper], Text: doc.Text, Result: res, Generated: f.now}
	if c := f.checklists; c != nil {
		// The readers' checklist answers, as the real library finds them
		// in the user's and the member's appraisals.
		cl := agreement.CompareChecklist(c.key, c.trainee)
		fb.Checklist, fb.Instrument = &cl, c.instrument
		fb.Result.Review = append(fb.Result.Review, agreement.AnswerReview(cl, func(n int) string {
			it, _ := c.instrument.Item(n)
			return it.Text
		})...)
	}
	return fb, nil
}

// fakeChecklists are a key's and a trainee's answers to one checklist.
type fakeChecklists struct {
	instrument   appraise.Instrument
	key, trainee map[int]agreement.ChecklistAnswer
}
