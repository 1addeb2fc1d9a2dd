package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// PutDocument caches an extraction under (paper, d.ExtractorVersion) and
// drops the paper's extractions by other versions: the cache holds what
// the current extractor made. The extraction's text is indexed for search
// in the same transaction.
func (s *Store) PutDocument(id appraise.PaperID, d appraise.Document) error {
	if err := validKey("paper id", string(id)); err != nil {
		return fmt.Errorf("cache extraction: %w", err)
	}
	if err := validKey("extractor version", d.ExtractorVersion); err != nil {
		return fmt.Errorf("cache extraction of %s: %w", id, err)
	}
	data, err := deflateJSON(d)
	if err != nil {
		return fmt.Errorf("encode extraction of %s: %w", id, err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDocs)
		for _, k := range prefixKeys(b, []byte(string(id)+sep)) {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		if err := b.Put(docKey(string(id), d.ExtractorVersion), data); err != nil {
			return err
		}
		return putTextIndex(tx, id, d)
	})
	if err != nil {
		return fmt.Errorf("cache extraction of %s: %w", id, err)
	}
	return nil
}

// Document returns a cached extraction or appraise.ErrNotFound.
func (s *Store) Document(id appraise.PaperID, extractorVersion string) (appraise.Document, error) {
	var d appraise.Document
	err := s.view(func(tx *bolt.Tx) error {
		key := docKey(string(id), extractorVersion)
		data := tx.Bucket(bucketDocs).Get(key)
		if data == nil {
			return appraise.ErrNotFound
		}
		return inflateJSON(key, data, &d)
	})
	if err != nil {
		return appraise.Document{}, fmt.Errorf("extraction of %s by %s: %w", id, extractorVersion, err)
	}
	return d, nil
}
