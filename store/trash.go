package store

import (
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// DeleteAnnotation moves an annotation to the trash (the live version goes
// to its history). Deleting one already in the trash changes nothing.
func (s *Store) DeleteAnnotation(id string, at time.Time) error {
	err := s.update(func(tx *bolt.Tx) error {
		old, err := loadAnnotation(tx, id)
		switch {
		case err != nil:
			return err
		case old == nil:
			return appraise.ErrNotFound
		case !old.Deleted.IsZero():
			return nil
		}
		a := old.Annotation
		a.Deleted = at
		return putAnnotation(tx, old, a, true)
	})
	if err != nil {
		return fmt.Errorf("delete annotation %s: %w", id, err)
	}
	return nil
}

// RestoreAnnotation brings an annotation back from the trash. Restoring a
// live one changes nothing.
func (s *Store) RestoreAnnotation(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		old, err := loadAnnotation(tx, id)
		switch {
		case err != nil:
			return err
		case old == nil:
			return appraise.ErrNotFound
		case old.Deleted.IsZero():
			return nil
		}
		a := old.Annotation
		a.Deleted = time.Time{}
		// An annotation needs its paper: restoring one of a removed
		// paper brings the paper back (without its other annotations).
		if err := restorePaper(tx, a.Paper, false); err != nil {
			return err
		}
		return putAnnotation(tx, old, a, true)
	})
	if err != nil {
		return fmt.Errorf("restore annotation %s: %w", id, err)
	}
	return nil
}

// Trash lists the trashed annotations, the most recently deleted first.
func (s *Store) Trash() ([]appraise.Annotation, error) {
	var out []appraise.Annotation
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTrash).ForEach(func(k, _ []byte) error {
			a, err := getAnnotation(tx, string(k))
			if err != nil {
				return fmt.Errorf("trashed annotation %s: %w", k, err)
			}
			out = append(out, a)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list trash: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Deleted.After(out[j].Deleted) })
	return out, nil
}

// EmptyTrash destroys the trashed annotations and their histories and the
// removed papers (with their extractions and index entries), and returns
// how many annotations and papers it destroyed.
func (s *Store) EmptyTrash() (int, error) {
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		trash := tx.Bucket(bucketTrash)
		hist := tx.Bucket(bucketHistory)
		anns := tx.Bucket(bucketAnns)
		for _, id := range prefixKeys(trash, nil) {
			for _, hk := range prefixKeys(hist, append(append([]byte(nil), id...), 0)) {
				if err := hist.Delete(hk); err != nil {
					return err
				}
			}
			if err := anns.Delete(id); err != nil {
				return err
			}
			if err := trash.Delete(id); err != nil {
				return err
			}
			n++
		}
		papers, err := destroyRemovedPapers(tx)
		n += papers
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("empty trash: %w", err)
	}
	return n, nil
}
