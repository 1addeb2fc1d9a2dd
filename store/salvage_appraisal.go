package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Salvaging the structured appraisal (schema 3): a paper's appraisal
// record, newer modified time winning, and custom instruments the
// restored library lacks.

func mergeAppraisal(tx *bolt.Tx, key, value []byte) (bool, error) {
	var pa appraise.PaperAppraisal
	if err := decodeSalvaged(key, value, &pa); err != nil {
		return false, err
	}
	if string(pa.Paper) != string(key) || validKey("paper id", string(pa.Paper)) != nil {
		return false, fmt.Errorf("appraisal record %q is of paper %q", key, pa.Paper)
	}
	b, err := tx.CreateBucketIfNotExists(bucketAppraisals)
	if err != nil {
		return false, writeError{err}
	}
	if old := b.Get(key); old != nil {
		if bytes.Equal(old, value) {
			return false, nil
		}
		var have appraise.PaperAppraisal
		if decodeSalvaged(key, old, &have) == nil && !pa.Modified.After(have.Modified) {
			return false, nil
		}
	}
	if err := b.Put(bytes.Clone(key), bytes.Clone(value)); err != nil {
		return false, writeError{err}
	}
	return true, nil
}

func mergeInstrument(tx *bolt.Tx, key, value []byte) (bool, error) {
	var in appraise.Instrument
	if err := decodeSalvaged(key, value, &in); err != nil {
		return false, err
	}
	if string(in.ID) != string(key) || validKey("instrument id", string(in.ID)) != nil {
		return false, fmt.Errorf("instrument record %q holds instrument %q", key, in.ID)
	}
	b, err := tx.CreateBucketIfNotExists(bucketInstruments)
	if err != nil {
		return false, writeError{err}
	}
	if b.Get(key) != nil {
		return false, nil
	}
	if err := b.Put(bytes.Clone(key), bytes.Clone(value)); err != nil {
		return false, writeError{err}
	}
	return true, nil
}
