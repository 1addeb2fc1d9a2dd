package store

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// PutPaper creates or replaces a paper.
func (s *Store) PutPaper(p appraise.Paper) error {
	if err := validKey("paper id", string(p.ID)); err != nil {
		return fmt.Errorf("save paper: %w", err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketPapers), []byte(p.ID), p); err != nil {
			return err
		}
		return tx.Bucket(bucketSearch).Put(searchPaperKey(string(p.ID)), []byte(fold(p.Meta.Title)))
	})
	if err != nil {
		return fmt.Errorf("save paper %s: %w", p.ID, err)
	}
	return nil
}

// Paper returns a paper or appraise.ErrNotFound.
func (s *Store) Paper(id appraise.PaperID) (appraise.Paper, error) {
	var p appraise.Paper
	err := s.view(func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bucketPapers), []byte(id), &p)
		if err == nil && !found {
			err = appraise.ErrNotFound
		}
		return err
	})
	if err != nil {
		return appraise.Paper{}, fmt.Errorf("paper %s: %w", id, err)
	}
	return p, nil
}

// Papers lists every paper with its live annotations counted, once each
// and per tag, the most recently opened first.
func (s *Store) Papers() ([]appraise.PaperSummary, error) {
	var out []appraise.PaperSummary
	err := s.view(func(tx *bolt.Tx) error {
		counts := map[string]map[string]int{}
		totals := map[string]int{}
		err := tx.Bucket(bucketPaperAnn).ForEach(func(k, v []byte) error {
			paper, _, _ := bytes.Cut(k, []byte(sep))
			totals[string(paper)]++
			m := counts[string(paper)]
			if m == nil {
				m = map[string]int{}
				counts[string(paper)] = m
			}
			for _, t := range splitTags(v) {
				m[t]++
			}
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketPapers).ForEach(func(k, v []byte) error {
			if paperRemoved(tx, string(k)) {
				return nil // in the trash
			}
			var p appraise.Paper
			if err := decodeJSON(k, v, &p); err != nil {
				return fmt.Errorf("paper: %w", err)
			}
			c := counts[string(k)]
			if c == nil {
				c = map[string]int{}
			}
			out = append(out, appraise.PaperSummary{Paper: p, Annotations: totals[string(k)], Counts: c})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list papers: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Paper, out[j].Paper
		if !a.LastOpened.Equal(b.LastOpened) {
			return a.LastOpened.After(b.LastOpened)
		}
		return a.ID < b.ID
	})
	return out, nil
}

// PapersWithPrefix returns the ids of papers whose id starts with prefix.
func (s *Store) PapersWithPrefix(prefix string) ([]appraise.PaperID, error) {
	var out []appraise.PaperID
	err := s.view(func(tx *bolt.Tx) error {
		for _, k := range prefixKeys(tx.Bucket(bucketPapers), []byte(prefix)) {
			out = append(out, appraise.PaperID(k))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find papers %s…: %w", prefix, err)
	}
	return out, nil
}
