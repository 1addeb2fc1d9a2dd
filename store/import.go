package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Import saves a bundle in one transaction: the papers and tags the
// library lacks, then each incoming annotation as b.Decide chooses against
// the stored version (a replaced version goes to the history, a deleted
// one to the trash), then each incoming appraisal as b.DecideAppraisal
// chooses (see importAppraisal). Nothing is saved unless everything is. An incoming
// annotation whose id this library holds on another paper is refused with
// appraise.ErrAnnotationElsewhere.
func (s *Store) Import(b appraise.ImportBatch) error {
	err := s.update(func(tx *bolt.Tx) error {
		papers := tx.Bucket(bucketPapers)
		for _, p := range b.Papers {
			if err := validKey("paper id", string(p.ID)); err != nil {
				return err
			}
			if papers.Get([]byte(p.ID)) != nil {
				continue
			}
			if err := putJSON(papers, []byte(p.ID), p); err != nil {
				return err
			}
			if err := tx.Bucket(bucketSearch).Put(searchPaperKey(string(p.ID)), []byte(fold(p.Meta.Title))); err != nil {
				return err
			}
		}
		tags := tx.Bucket(bucketTags)
		for _, t := range b.Tags {
			if err := appraise.ValidateTag(t); err != nil {
				return err
			}
			if tags.Get([]byte(t.Name)) == nil {
				t.BuiltIn = false
				if err := putJSON(tags, []byte(t.Name), t); err != nil {
					return err
				}
			}
		}
		for _, in := range b.Annotations {
			if err := validateAnnotation(tx, in); err != nil {
				return fmt.Errorf("annotation %s: %w", in.ID, err)
			}
			old, err := loadAnnotation(tx, in.ID)
			if err != nil {
				return err
			}
			var have *appraise.Annotation
			if old != nil {
				if old.Paper != in.Paper {
					return fmt.Errorf("annotation %s (on paper %s here): %w", in.ID, old.Paper, appraise.ErrAnnotationElsewhere)
				}
				have = &old.Annotation
			}
			keep, write := b.Decide(have, in)
			if !write {
				continue
			}
			if err := putAnnotation(tx, old, keep, true); err != nil {
				return fmt.Errorf("annotation %s: %w", in.ID, err)
			}
			if keep.Deleted.IsZero() {
				// A live annotation needs its paper out of the trash.
				if err := restorePaper(tx, keep.Paper, false); err != nil {
					return err
				}
			}
		}
		if len(b.Instruments) > 0 {
			ins, err := tx.CreateBucketIfNotExists(bucketInstruments)
			if err != nil {
				return err
			}
			for _, in := range b.Instruments {
				if err := validKey("instrument id", string(in.ID)); err != nil {
					return err
				}
				if ins.Get([]byte(in.ID)) == nil {
					if err := putJSON(ins, []byte(in.ID), in); err != nil {
						return err
					}
				}
			}
		}
		for _, in := range b.Appraisals {
			if err := importAppraisal(tx, in, b.DecideAppraisal); err != nil {
				return fmt.Errorf("appraisal of %s by %q: %w", in.Appraisal.Paper, in.Appraisal.Author, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import bundle: %w", err)
	}
	return nil
}
