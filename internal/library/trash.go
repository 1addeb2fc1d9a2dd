package library

import (
	"errors"
	"fmt"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// errNoPaperTrash: the store cannot remove papers.
var errNoPaperTrash = errors.New("this library cannot remove papers")

func (l *Library) paperTrash() (appraise.PaperTrash, error) {
	pt, ok := l.store.(appraise.PaperTrash)
	if !ok {
		return nil, errNoPaperTrash
	}
	return pt, nil
}

// RemovePaper moves a paper and its annotations to the trash and returns
// how many annotations went with it. The PDF file is never touched.
func (l *Library) RemovePaper(id appraise.PaperID) (int, error) {
	pt, err := l.paperTrash()
	if err != nil {
		return 0, err
	}
	return pt.RemovePaper(id, l.now())
}

// RestorePaper brings a removed paper back with its annotations.
func (l *Library) RestorePaper(id appraise.PaperID) error {
	pt, err := l.paperTrash()
	if err != nil {
		return err
	}
	return pt.RestorePaper(id)
}

// TrashContents lists the removed papers and the annotations deleted on
// their own (those that went with a removed paper are counted with it).
func (l *Library) TrashContents() (appraise.TrashContents, error) {
	var out appraise.TrashContents
	if pt, ok := l.store.(appraise.PaperTrash); ok {
		ps, err := pt.RemovedPapers()
		if err != nil {
			return out, err
		}
		out.Papers = ps
	}
	anns, err := l.store.Trash()
	if err != nil {
		return out, err
	}
	titles := map[appraise.PaperID]string{}
	for _, a := range anns {
		if withPaper(out.Papers, a) {
			continue
		}
		t, ok := titles[a.Paper]
		if !ok {
			if p, err := l.store.Paper(a.Paper); err == nil {
				t = p.Meta.Title
			}
			titles[a.Paper] = t
		}
		out.Annotations = append(out.Annotations, appraise.TrashedAnnotation{Annotation: a, PaperTitle: t})
	}
	return out, nil
}

// withPaper reports whether a went to the trash with a removed paper.
func withPaper(ps []appraise.RemovedPaper, a appraise.Annotation) bool {
	for _, p := range ps {
		if p.Paper.ID == a.Paper && p.Removed.Equal(a.Deleted) {
			return true
		}
	}
	return false
}

// RestoreFromTrash restores what ref names in the trash: a removed paper
// (by id or an unambiguous id prefix) or a deleted annotation (by id). It
// returns "paper" or "annotation".
func (l *Library) RestoreFromTrash(ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	t, err := l.TrashContents()
	if err != nil {
		return "", err
	}
	var papers []appraise.PaperID
	for _, p := range t.Papers {
		if len(ref) >= minPrefix && strings.HasPrefix(string(p.Paper.ID), strings.ToLower(ref)) {
			papers = append(papers, p.Paper.ID)
		}
	}
	switch len(papers) {
	case 1:
		return "paper", l.RestorePaper(papers[0])
	case 0:
	default:
		return "", fmt.Errorf("%d removed papers' ids start with %s; give more of the id: %w", len(papers), ref, appraise.ErrNotFound)
	}
	a, err := l.store.Annotation(ref)
	if err != nil || a.Deleted.IsZero() {
		return "", fmt.Errorf("nothing in the trash has the id %q: %w", ref, appraise.ErrNotFound)
	}
	_, err = l.RestoreAnnotation(ref)
	return "annotation", err
}

// unremove brings paper id back from the trash, if it is there: opening
// the PDF of a removed paper again restores it with its annotations.
func (l *Library) unremove(id appraise.PaperID) error {
	pt, ok := l.store.(appraise.PaperTrash)
	if !ok {
		return nil
	}
	removed, err := pt.RemovedPapers()
	if err != nil {
		return err
	}
	for _, p := range removed {
		if p.Paper.ID == id {
			return pt.RestorePaper(id)
		}
	}
	return nil
}
