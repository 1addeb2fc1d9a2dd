package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// The merge functions of salvageKinds. Each gets a record whose checksum
// has been checked and decides whether it is newer than the restored
// library's: the damaged file's live tree was written after the backup,
// so a readable paper or tag that differs wins; an annotation wins when
// its Modified is later (an older version from a stale page never
// replaces a newer one).

func decodeSalvaged(key, value []byte, v any) error {
	payload, err := openValue(key, value)
	if err != nil {
		return err
	}
	return json.Unmarshal(payload, v)
}

func mergePaper(tx *bolt.Tx, key, value []byte) (bool, error) {
	var p appraise.Paper
	if err := decodeSalvaged(key, value, &p); err != nil {
		return false, err
	}
	if string(p.ID) != string(key) || validKey("paper id", string(p.ID)) != nil {
		return false, fmt.Errorf("paper record %q holds paper %q", key, p.ID)
	}
	b := tx.Bucket(bucketPapers)
	if bytes.Equal(b.Get(key), value) {
		return false, nil
	}
	if err := b.Put(bytes.Clone(key), bytes.Clone(value)); err != nil {
		return false, writeError{err}
	}
	if err := tx.Bucket(bucketSearch).Put(searchPaperKey(string(p.ID)), []byte(fold(p.Meta.Title))); err != nil {
		return false, writeError{err}
	}
	return true, nil
}

func mergeTag(tx *bolt.Tx, key, value []byte) (bool, error) {
	var t appraise.Tag
	if err := decodeSalvaged(key, value, &t); err != nil {
		return false, err
	}
	if t.Name != string(key) || appraise.ValidateTagName(t.Name) != nil {
		return false, fmt.Errorf("tag record %q holds tag %q", key, t.Name)
	}
	b := tx.Bucket(bucketTags)
	if bytes.Equal(b.Get(key), value) {
		return false, nil
	}
	if err := b.Put(bytes.Clone(key), bytes.Clone(value)); err != nil {
		return false, writeError{err}
	}
	return true, nil
}

func mergeAnnotation(tx *bolt.Tx, key, value []byte) (bool, error) {
	var a appraise.Annotation
	if err := decodeSalvaged(key, value, &a); err != nil {
		return false, err
	}
	if a.ID != string(key) || validKey("annotation id", a.ID) != nil || validKey("paper id", string(a.Paper)) != nil {
		return false, fmt.Errorf("annotation record %q holds annotation %q", key, a.ID)
	}
	old, err := loadAnnotation(tx, a.ID)
	if err != nil {
		old = nil // the restored copy is unreadable: the salvaged one replaces it
	}
	if old != nil && (bytes.Equal(old.raw, value) || !a.Modified.After(old.Modified)) {
		return false, nil
	}
	if err := putAnnotation(tx, old, a, old != nil); err != nil {
		return false, writeError{err}
	}
	return true, nil
}

func mergeDocument(tx *bolt.Tx, key, value []byte) (bool, error) {
	paper, version, ok := bytes.Cut(key, []byte(sep))
	if !ok || validKey("paper id", string(paper)) != nil || validKey("extractor version", string(version)) != nil {
		return false, fmt.Errorf("extraction record %q has a bad key", key)
	}
	b := tx.Bucket(bucketDocs)
	if b.Get(key) != nil {
		return false, nil
	}
	if err := b.Put(bytes.Clone(key), bytes.Clone(value)); err != nil {
		return false, writeError{err}
	}
	return true, nil
}
