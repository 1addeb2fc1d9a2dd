package library

import (
	"fmt"
	"slices"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// AddLink links two live annotations of the same paper ("this limitation
// limits that claim", "this claim is about that population") in one
// commit. Linking an annotation to itself or to another paper's
// annotation, or with an unknown type, is appraise.ErrInvalidLink; the
// same link twice is kept once.
func (l *Library) AddLink(k appraise.Link) (appraise.Link, error) {
	if !slices.Contains(appraise.LinkTypes(), k.Type) {
		return appraise.Link{}, fmt.Errorf("%w: type %q is not limits or about", appraise.ErrInvalidLink, k.Type)
	}
	if k.From == k.To {
		return appraise.Link{}, fmt.Errorf("%w: an annotation cannot be linked to itself", appraise.ErrInvalidLink)
	}
	from, err := l.store.Annotation(k.From)
	if err != nil {
		return appraise.Link{}, fmt.Errorf("link from annotation %s: %w", k.From, err)
	}
	to, err := l.store.Annotation(k.To)
	if err != nil {
		return appraise.Link{}, fmt.Errorf("link to annotation %s: %w", k.To, err)
	}
	switch {
	case from.Paper != to.Paper:
		return appraise.Link{}, fmt.Errorf("%w: annotations %s and %s belong to different papers", appraise.ErrInvalidLink, k.From, k.To)
	case !from.Deleted.IsZero() || !to.Deleted.IsZero():
		return appraise.Link{}, fmt.Errorf("%w: one of the annotations is in the trash; restore it first", appraise.ErrInvalidLink)
	}
	k.Created = l.now()
	var saved appraise.Link
	_, err = l.update(from.Paper, func(pa *appraise.PaperAppraisal) error {
		for _, e := range pa.Links {
			if e.From == k.From && e.To == k.To && e.Type == k.Type {
				saved = e
				return nil
			}
		}
		pa.Links = append(pa.Links, k)
		saved = k
		return nil
	})
	if err != nil {
		return appraise.Link{}, err
	}
	return saved, nil
}

// RemoveLink removes the link from k.From to k.To of type k.Type in one
// commit; appraise.ErrNotFound when there is none.
func (l *Library) RemoveLink(k appraise.Link) error {
	from, err := l.store.Annotation(k.From)
	if err != nil {
		return fmt.Errorf("unlink annotation %s: %w", k.From, err)
	}
	_, err = l.update(from.Paper, func(pa *appraise.PaperAppraisal) error {
		n := len(pa.Links)
		pa.Links = slices.DeleteFunc(pa.Links, func(e appraise.Link) bool {
			return e.From == k.From && e.To == k.To && e.Type == k.Type
		})
		if len(pa.Links) == n {
			return fmt.Errorf("no %s link from %s to %s: %w", k.Type, k.From, k.To, appraise.ErrNotFound)
		}
		return nil
	})
	return err
}

// Links lists an annotation's links seen from it, both those it makes
// ("limits") and those made to it ("limited by"), with the other end
// resolved (Missing when that annotation was deleted).
func (l *Library) Links(annotation string) ([]appraise.LinkEnd, error) {
	a, err := l.store.Annotation(annotation)
	if err != nil {
		return nil, err
	}
	pa, err := l.store.Appraisal(a.Paper)
	if err != nil {
		return nil, err
	}
	live, _, err := l.liveAnnotations(a.Paper)
	if err != nil {
		return nil, err
	}
	return instrument.LinkEnds(pa, annotation, live), nil
}
