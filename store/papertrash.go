package store

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Removed papers. Bucket "paper_trash" maps a removed paper's id to when
// it was removed (RFC 3339, as the trash bucket does for annotations). A
// removed paper keeps its record, extraction and text index until the
// trash is emptied; it is left out of Papers and of searches. Its live
// annotations go to the trash in the same transaction with the same
// deletion time, which is how RestorePaper knows which to bring back.
var bucketPaperTrash = []byte("paper_trash")

var _ appraise.PaperTrash = (*Store)(nil)

func paperRemoved(tx *bolt.Tx, id string) bool {
	b := tx.Bucket(bucketPaperTrash)
	return b != nil && b.Get([]byte(id)) != nil
}

func trashTime(t time.Time) []byte { return []byte(t.UTC().Format(time.RFC3339Nano)) }

// RemovePaper moves a paper and its live annotations to the trash and
// returns how many annotations went with it. Removing a removed paper
// changes nothing. The PDF file is not touched.
func (s *Store) RemovePaper(id appraise.PaperID, at time.Time) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketPapers).Get([]byte(id)) == nil {
			return appraise.ErrNotFound
		}
		if paperRemoved(tx, string(id)) {
			return nil
		}
		for _, k := range prefixKeys(tx.Bucket(bucketPaperAnn), []byte(string(id)+sep)) {
			annID := string(k[len(id)+1:])
			old, err := loadAnnotation(tx, annID)
			if err != nil {
				return err
			}
			if old == nil {
				return fmt.Errorf("index lists missing annotation %s", annID)
			}
			a := old.Annotation
			a.Deleted = at
			if err := putAnnotation(tx, old, a, true); err != nil {
				return err
			}
			n++
		}
		return tx.Bucket(bucketPaperTrash).Put([]byte(id), trashTime(at))
	})
	if err != nil {
		return 0, fmt.Errorf("remove paper %s: %w", id, err)
	}
	return n, nil
}

// RestorePaper brings a removed paper back, with the annotations that went
// to the trash with it. Restoring a paper that is not removed changes
// nothing.
func (s *Store) RestorePaper(id appraise.PaperID) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketPapers).Get([]byte(id)) == nil {
			return appraise.ErrNotFound
		}
		return restorePaper(tx, id, true)
	})
	if err != nil {
		return fmt.Errorf("restore paper %s: %w", id, err)
	}
	return nil
}

// restorePaper takes paper id out of the paper trash and, when withAnns is
// set, restores the annotations trashed with it.
func restorePaper(tx *bolt.Tx, id appraise.PaperID, withAnns bool) error {
	pt := tx.Bucket(bucketPaperTrash)
	when := bytes.Clone(pt.Get([]byte(id)))
	if when == nil {
		return nil
	}
	if err := pt.Delete([]byte(id)); err != nil {
		return err
	}
	if !withAnns {
		return nil
	}
	for _, annID := range trashedWith(tx, id, when) {
		old, err := loadAnnotation(tx, annID)
		if err != nil {
			return err
		}
		a := old.Annotation
		a.Deleted = time.Time{}
		if err := putAnnotation(tx, old, a, true); err != nil {
			return err
		}
	}
	return nil
}

// trashedWith lists the trashed annotations of paper id deleted at when
// (the paper's removal time).
func trashedWith(tx *bolt.Tx, id appraise.PaperID, when []byte) []string {
	var out []string
	_ = tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error {
		if !bytes.Equal(v, when) {
			return nil
		}
		var a appraise.Annotation
		if found, err := getJSON(tx.Bucket(bucketAnns), k, &a); err == nil && found && a.Paper == id {
			out = append(out, string(k))
		}
		return nil
	})
	return out
}

// RemovedPapers lists the papers in the trash, the most recently removed
// first, each with how many annotations went with it.
func (s *Store) RemovedPapers() ([]appraise.RemovedPaper, error) {
	var out []appraise.RemovedPaper
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPaperTrash).ForEach(func(k, v []byte) error {
			var p appraise.Paper
			found, err := getJSON(tx.Bucket(bucketPapers), k, &p)
			if err != nil || !found {
				return fmt.Errorf("removed paper %s: %v", k, err)
			}
			at, err := time.Parse(time.RFC3339Nano, string(v))
			if err != nil {
				return fmt.Errorf("removed paper %s: %w", k, err)
			}
			out = append(out, appraise.RemovedPaper{Paper: p, Removed: at,
				Annotations: len(trashedWith(tx, p.ID, v))})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list removed papers: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Removed.After(out[j].Removed) })
	return out, nil
}

// destroyRemovedPapers deletes the removed papers for good: their records,
// extractions, search and text index entries, the user's appraisal and
// the members' appraisals bundles brought. Their annotations are in the
// trash and go with it. It returns how many papers it destroyed.
func destroyRemovedPapers(tx *bolt.Tx) (int, error) {
	pt := tx.Bucket(bucketPaperTrash)
	ids := prefixKeys(pt, nil)
	for _, k := range ids {
		id := appraise.PaperID(k)
		docs := tx.Bucket(bucketDocs)
		for _, dk := range prefixKeys(docs, []byte(string(id)+sep)) {
			if err := docs.Delete(dk); err != nil {
				return 0, err
			}
		}
		pa := tx.Bucket(bucketPaperAnn)
		for _, ak := range prefixKeys(pa, []byte(string(id)+sep)) {
			if err := pa.Delete(ak); err != nil {
				return 0, err
			}
		}
		search := tx.Bucket(bucketSearch)
		for _, sk := range [][]byte{searchPaperKey(string(id)), searchTextKey(string(id))} {
			if err := search.Delete(sk); err != nil {
				return 0, err
			}
		}
		if err := deleteTextIndex(tx, id); err != nil {
			return 0, err
		}
		if err := deleteAppraisals(tx, id); err != nil {
			return 0, err
		}
		if err := tx.Bucket(bucketPapers).Delete(k); err != nil {
			return 0, err
		}
		if err := pt.Delete(k); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// deleteAppraisals deletes paper id's own appraisal and its members'.
func deleteAppraisals(tx *bolt.Tx, id appraise.PaperID) error {
	if b := tx.Bucket(bucketAppraisals); b != nil {
		if err := b.Delete([]byte(id)); err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketMemberAppraisals); b != nil {
		for _, k := range prefixKeys(b, []byte(string(id)+sep)) {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}
