package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// PutAnnotation creates or replaces an annotation, keeping the version it
// replaces in its history. The paper must exist, the annotation must carry
// at least one tag, every tag must exist and the quote must not be empty.
// An annotation with Deleted set is stored in the trash.
func (s *Store) PutAnnotation(a appraise.Annotation) error {
	return s.PutAnnotations([]appraise.Annotation{a})
}

// PutAnnotations is PutAnnotation for several annotations in one
// transaction: all are saved or none.
func (s *Store) PutAnnotations(as []appraise.Annotation) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, a := range as {
			if err := validateAnnotation(tx, a); err != nil {
				return err
			}
			if err := putAnnotation(tx, a, true); err != nil {
				return fmt.Errorf("annotation %s: %w", a.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save annotation: %w", err)
	}
	return nil
}

func validateAnnotation(tx *bolt.Tx, a appraise.Annotation) error {
	if err := validKey("annotation id", a.ID); err != nil {
		return err
	}
	if tx.Bucket(bucketPapers).Get([]byte(a.Paper)) == nil {
		return fmt.Errorf("paper %s: %w", a.Paper, appraise.ErrNotFound)
	}
	if a.Anchor.Exact == "" {
		return fmt.Errorf("annotation %s: %w", a.ID, appraise.ErrEmptyQuote)
	}
	if len(a.Tags) == 0 {
		return fmt.Errorf("annotation %s has no tag: %w", a.ID, appraise.ErrInvalidTag)
	}
	tags := tx.Bucket(bucketTags)
	for _, t := range a.Tags {
		if err := appraise.ValidateTagName(t); err != nil {
			return err
		}
		if tags.Get([]byte(t)) == nil {
			return fmt.Errorf("%w: no tag named %q", appraise.ErrInvalidTag, t)
		}
	}
	return nil
}

// putAnnotation writes a and its index entries, replacing any earlier
// version (kept in the history when keep is set).
func putAnnotation(tx *bolt.Tx, a appraise.Annotation, keep bool) error {
	anns := tx.Bucket(bucketAnns)
	if prev := anns.Get([]byte(a.ID)); prev != nil {
		prev = bytes.Clone(prev)
		var old appraise.Annotation
		if err := json.Unmarshal(prev, &old); err != nil {
			return fmt.Errorf("decode the previous version: %w", err)
		}
		if keep {
			h := tx.Bucket(bucketHistory)
			seq, err := h.NextSequence()
			if err != nil {
				return err
			}
			if err := h.Put(historyKey(a.ID, seq), prev); err != nil {
				return err
			}
		}
		if err := unindex(tx, old); err != nil {
			return err
		}
	}
	if err := putJSON(anns, []byte(a.ID), a); err != nil {
		return err
	}
	return index(tx, a)
}

// index adds a's entries: a live annotation is listed under its paper and
// searchable; a trashed one is in the trash.
func index(tx *bolt.Tx, a appraise.Annotation) error {
	if !a.Deleted.IsZero() {
		return tx.Bucket(bucketTrash).Put([]byte(a.ID), []byte(a.Deleted.UTC().Format(time.RFC3339Nano)))
	}
	if err := tx.Bucket(bucketPaperAnn).Put(paperAnnKey(string(a.Paper), a.ID), joinTags(a.Tags)); err != nil {
		return err
	}
	return updateSearchText(tx, a.Paper, a.ID, searchRecord(a))
}

func unindex(tx *bolt.Tx, a appraise.Annotation) error {
	if err := tx.Bucket(bucketTrash).Delete([]byte(a.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketPaperAnn).Delete(paperAnnKey(string(a.Paper), a.ID)); err != nil {
		return err
	}
	return updateSearchText(tx, a.Paper, a.ID, nil)
}

// Annotation returns an annotation, live or trashed, or appraise.ErrNotFound.
func (s *Store) Annotation(id string) (appraise.Annotation, error) {
	var a appraise.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = getAnnotation(tx, id)
		return err
	})
	if err != nil {
		return appraise.Annotation{}, fmt.Errorf("annotation %s: %w", id, err)
	}
	return a, nil
}

func getAnnotation(tx *bolt.Tx, id string) (appraise.Annotation, error) {
	var a appraise.Annotation
	found, err := getJSON(tx.Bucket(bucketAnns), []byte(id), &a)
	if err == nil && !found {
		err = appraise.ErrNotFound
	}
	return a, err
}

// Annotations lists a paper's live annotations in text order.
func (s *Store) Annotations(paper appraise.PaperID) ([]appraise.Annotation, error) {
	var out []appraise.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(string(paper) + sep)
		anns := tx.Bucket(bucketAnns)
		c := tx.Bucket(bucketPaperAnn).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var a appraise.Annotation
			found, err := getJSON(anns, k[len(prefix):], &a)
			if err != nil {
				return err
			}
			if !found {
				return fmt.Errorf("index lists missing annotation %s", k[len(prefix):])
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("annotations of %s: %w", paper, err)
	}
	sortTextOrder(out)
	return out, nil
}

func sortTextOrder(as []appraise.Annotation) {
	sort.Slice(as, func(i, j int) bool {
		a, b := as[i], as[j]
		switch {
		case a.Anchor.Start != b.Anchor.Start:
			return a.Anchor.Start < b.Anchor.Start
		case a.Anchor.End != b.Anchor.End:
			return a.Anchor.End < b.Anchor.End
		case !a.Created.Equal(b.Created):
			return a.Created.Before(b.Created)
		}
		return a.ID < b.ID
	})
}

// History returns the earlier versions of an annotation, oldest first.
func (s *Store) History(id string) ([]appraise.Annotation, error) {
	var out []appraise.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		h := tx.Bucket(bucketHistory)
		prefix := []byte(id + sep)
		c := h.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var a appraise.Annotation
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("decode history %x: %w", k, err)
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", id, err)
	}
	return out, nil
}
