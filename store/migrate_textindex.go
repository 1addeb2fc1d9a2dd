package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrateTextIndexAndPaperTrash adds the full-text index (fulltext.go)
// and the paper trash (papertrash.go). Both start empty: no paper is
// removed yet, and the text of the papers already in the library is
// indexed after opening, in the background (library.BuildTextIndex), so
// the migration itself is instant.
func migrateTextIndexAndPaperTrash(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketFullText, bucketPaperTrash} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return fmt.Errorf("create %s: %w", b, err)
		}
	}
	return nil
}
