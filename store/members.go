package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
)

// Members' appraisals (schema 5): the structured appraisals other
// journal-club members made of a paper, brought in by bundles. Each is
// one sealed record under paper NUL author key (authors.Key of its
// Author), read-only here: only an import writes it. The user's own
// appraisal stays in the appraisals bucket (appraisals.go).

// bucketMemberAppraisals holds the members' appraisals.
var bucketMemberAppraisals = []byte("member_appraisals")

func memberKey(paper appraise.PaperID, author string) []byte {
	return []byte(string(paper) + sep + authors.Key(author))
}

// MemberAppraisals lists the members' appraisals of a paper, by author
// key; none when no bundle brought any.
func (s *Store) MemberAppraisals(paper appraise.PaperID) ([]appraise.PaperAppraisal, error) {
	if err := validKey("paper id", string(paper)); err != nil {
		return nil, fmt.Errorf("members' appraisals: %w", err)
	}
	var out []appraise.PaperAppraisal
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMemberAppraisals)
		if b == nil {
			return nil
		}
		for _, k := range prefixKeys(b, []byte(string(paper)+sep)) {
			var pa appraise.PaperAppraisal
			if _, err := getJSON(b, k, &pa); err != nil {
				return err
			}
			out = append(out, pa)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("members' appraisals of %s: %w", paper, err)
	}
	return out, nil
}

// importAppraisal merges one incoming appraisal inside an import's
// transaction: a member's into its own record, the user's (Own) into the
// appraisal record and the paper's card.
func importAppraisal(tx *bolt.Tx, in appraise.AppraisalImport, decide func(*appraise.PaperAppraisal, appraise.PaperAppraisal) (appraise.PaperAppraisal, bool)) error {
	pa := in.Appraisal
	if err := validKey("paper id", string(pa.Paper)); err != nil {
		return err
	}
	var p appraise.Paper
	found, err := getJSON(tx.Bucket(bucketPapers), []byte(pa.Paper), &p)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("paper %s: %w", pa.Paper, appraise.ErrNotFound)
	}
	if in.Own {
		have, err := loadAppraisal(tx, pa.Paper)
		if err != nil {
			return err
		}
		have.Card = p.Appraisal
		keep, write := decide(&have, pa)
		if !write {
			return nil
		}
		p.Appraisal = keep.Card
		if err := putJSON(tx.Bucket(bucketPapers), []byte(p.ID), p); err != nil {
			return err
		}
		keep.Paper, keep.Author, keep.Card = p.ID, "", appraise.Appraisal{}
		b, err := tx.CreateBucketIfNotExists(bucketAppraisals)
		if err != nil {
			return err
		}
		return putJSON(b, []byte(p.ID), keep)
	}
	if err := validKey("author", authors.Key(pa.Author)); err != nil {
		return err
	}
	b, err := tx.CreateBucketIfNotExists(bucketMemberAppraisals)
	if err != nil {
		return err
	}
	key := memberKey(pa.Paper, pa.Author)
	var have *appraise.PaperAppraisal
	var old appraise.PaperAppraisal
	if found, err := getJSON(b, key, &old); err != nil {
		return err
	} else if found {
		have = &old
	}
	keep, write := decide(have, pa)
	if !write {
		return nil
	}
	keep.Paper = pa.Paper
	return putJSON(b, key, keep)
}

// addMemberAppraisals is the schema step (4 to 5) that makes room for
// members' appraisals: one empty bucket, so every earlier record reads as
// before.
func addMemberAppraisals(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketMemberAppraisals); err != nil {
		return fmt.Errorf("create %s: %w", bucketMemberAppraisals, err)
	}
	return nil
}

// mergeMemberAppraisal salvages a member's appraisal record, the newer
// modified time winning.
func mergeMemberAppraisal(tx *bolt.Tx, key, value []byte) (bool, error) {
	var pa appraise.PaperAppraisal
	if err := decodeSalvaged(key, value, &pa); err != nil {
		return false, err
	}
	if validKey("paper id", string(pa.Paper)) != nil || !bytes.Equal(key, memberKey(pa.Paper, pa.Author)) {
		return false, fmt.Errorf("member appraisal record %q is of paper %q by %q", key, pa.Paper, pa.Author)
	}
	b, err := tx.CreateBucketIfNotExists(bucketMemberAppraisals)
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
