package store

import (
	"bytes"
	"fmt"
	"slices"
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
	err := s.update(func(tx *bolt.Tx) error {
		for _, a := range as {
			if err := validateAnnotation(tx, a); err != nil {
				return err
			}
			old, err := loadAnnotation(tx, a.ID)
			if err == nil {
				err = putAnnotation(tx, old, a, true)
			}
			if err != nil {
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

// storedAnnotation is an annotation as read inside a transaction: decoded,
// and a copy of its JSON for the history.
type storedAnnotation struct {
	appraise.Annotation
	raw []byte
}

// loadAnnotation reads annotation id; nil when there is none.
func loadAnnotation(tx *bolt.Tx, id string) (*storedAnnotation, error) {
	raw := tx.Bucket(bucketAnns).Get([]byte(id))
	if raw == nil {
		return nil, nil
	}
	old := &storedAnnotation{raw: bytes.Clone(raw)}
	if err := decodeJSON([]byte(id), old.raw, &old.Annotation); err != nil {
		return nil, fmt.Errorf("annotation %s: %w", id, err)
	}
	return old, nil
}

// putAnnotation writes a over old, its stored version (nil when a is new),
// keeping old in the history when keep is set, and brings a's index
// entries up to date.
func putAnnotation(tx *bolt.Tx, old *storedAnnotation, a appraise.Annotation, keep bool) error {
	var prev *appraise.Annotation
	if old != nil {
		prev = &old.Annotation
		if keep {
			h := tx.Bucket(bucketHistory)
			seq, err := h.NextSequence()
			if err != nil {
				return err
			}
			if err := h.Put(historyKey(a.ID, seq), old.raw); err != nil {
				return err
			}
		}
	}
	if err := putJSON(tx.Bucket(bucketAnns), []byte(a.ID), a); err != nil {
		return err
	}
	return reindex(tx, prev, a)
}

// reindex changes a's index entries from what they were for old (nil when
// a is new) to what they are for a: a live annotation is listed under its
// paper and has a record in the paper's search text; a trashed one is in
// the trash. Each entry is written only when it changes, so retagging
// rewrites no search text.
func reindex(tx *bolt.Tx, old *appraise.Annotation, a appraise.Annotation) error {
	live := a.Deleted.IsZero()
	wasLive := old != nil && old.Deleted.IsZero()
	samePaper := wasLive && old.Paper == a.Paper
	trash, list := tx.Bucket(bucketTrash), tx.Bucket(bucketPaperAnn)
	switch {
	case !live:
		if err := trash.Put([]byte(a.ID), []byte(a.Deleted.UTC().Format(time.RFC3339Nano))); err != nil {
			return err
		}
	case old != nil && !wasLive:
		if err := trash.Delete([]byte(a.ID)); err != nil {
			return err
		}
	}
	if wasLive && !(live && samePaper) {
		if err := list.Delete(paperAnnKey(string(old.Paper), a.ID)); err != nil {
			return err
		}
		if err := updateSearchText(tx, old.Paper, a.ID, nil); err != nil {
			return err
		}
	}
	if !live {
		return nil
	}
	if !(samePaper && slices.Equal(old.Tags, a.Tags)) {
		if err := list.Put(paperAnnKey(string(a.Paper), a.ID), joinTags(a.Tags)); err != nil {
			return err
		}
	}
	if samePaper && old.Anchor.Exact == a.Anchor.Exact && old.Note == a.Note {
		return nil // the search record is made of these
	}
	return updateSearchText(tx, a.Paper, a.ID, searchRecord(a))
}

// Annotation returns an annotation, live or trashed, or appraise.ErrNotFound.
func (s *Store) Annotation(id string) (appraise.Annotation, error) {
	var a appraise.Annotation
	err := s.view(func(tx *bolt.Tx) error {
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
	err := s.view(func(tx *bolt.Tx) error {
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
	err := s.view(func(tx *bolt.Tx) error {
		h := tx.Bucket(bucketHistory)
		prefix := []byte(id + sep)
		c := h.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var a appraise.Annotation
			if err := decodeJSON(k, v, &a); err != nil {
				return fmt.Errorf("history: %w", err)
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
