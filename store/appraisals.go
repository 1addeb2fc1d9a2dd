package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Appraisal returns a paper's appraisal record (an empty one when the
// user has recorded nothing yet). The card lives in the paper record and
// is not filled in here.
func (s *Store) Appraisal(paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	var pa appraise.PaperAppraisal
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		pa, err = loadAppraisal(tx, paper)
		return err
	})
	if err != nil {
		return appraise.PaperAppraisal{}, fmt.Errorf("appraisal of %s: %w", paper, err)
	}
	return pa, nil
}

// UpdateAppraisal reads, changes and saves a paper's appraisal in one
// transaction, committed before it returns.
func (s *Store) UpdateAppraisal(paper appraise.PaperID, change func(*appraise.PaperAppraisal) error) (appraise.PaperAppraisal, error) {
	var pa appraise.PaperAppraisal
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if pa, err = loadAppraisal(tx, paper); err != nil {
			return err
		}
		if err := change(&pa); err != nil {
			return err
		}
		pa.Paper, pa.Card = paper, appraise.Appraisal{}
		b, err := tx.CreateBucketIfNotExists(bucketAppraisals)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(paper), pa)
	})
	if err != nil {
		return appraise.PaperAppraisal{}, fmt.Errorf("save appraisal of %s: %w", paper, err)
	}
	return pa, nil
}

// loadAppraisal reads a paper's appraisal inside tx; the paper must exist.
func loadAppraisal(tx *bolt.Tx, paper appraise.PaperID) (appraise.PaperAppraisal, error) {
	if err := validKey("paper id", string(paper)); err != nil {
		return appraise.PaperAppraisal{}, err
	}
	if tx.Bucket(bucketPapers).Get([]byte(paper)) == nil {
		return appraise.PaperAppraisal{}, fmt.Errorf("paper %s: %w", paper, appraise.ErrNotFound)
	}
	pa := appraise.PaperAppraisal{Paper: paper}
	if b := tx.Bucket(bucketAppraisals); b != nil {
		if _, err := getJSON(b, []byte(paper), &pa); err != nil {
			return appraise.PaperAppraisal{}, err
		}
	}
	pa.Paper = paper
	return pa, nil
}

// PutInstrument saves a custom instrument under its id.
func (s *Store) PutInstrument(in appraise.Instrument) error {
	if err := validKey("instrument id", string(in.ID)); err != nil {
		return fmt.Errorf("save instrument: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketInstruments)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(in.ID), in)
	})
	if err != nil {
		return fmt.Errorf("save instrument %s: %w", in.ID, err)
	}
	return nil
}

// CustomInstruments lists the saved custom instruments in id order.
func (s *Store) CustomInstruments() ([]appraise.Instrument, error) {
	var out []appraise.Instrument
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInstruments)
		if b == nil {
			return nil
		}
		for _, k := range prefixKeys(b, nil) {
			var in appraise.Instrument
			if _, err := getJSON(b, k, &in); err != nil {
				return err
			}
			out = append(out, in)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list instruments: %w", err)
	}
	return out, nil
}

// addAppraisalBuckets is the schema step that makes room for structured
// appraisals: one record per paper and the custom instruments. It only
// adds empty buckets, so every earlier record reads as before.
func addAppraisalBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketAppraisals, bucketInstruments} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create %s: %w", name, err)
		}
	}
	return nil
}
