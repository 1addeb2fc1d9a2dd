package store

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"appraise.app/appraise/internal/appraise"
)

// verifyFile opens a library file read-only (a shared lock: it waits for,
// and never disturbs, a process that has it open) and checks it: bbolt's
// meta pages, Appraise's format marker and schema, and bbolt's consistency
// check of every page. It returns the schema version, or
// appraise.ErrLibraryLocked, or an error saying what is wrong. Nothing is
// written.
func verifyFile(path string, timeout time.Duration) (schema int, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return 0, appraise.ErrLibraryLocked
		}
		return 0, fmt.Errorf("not a readable library file: %w", err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) (err error) {
		// A damaged page can make bbolt panic while reading; that is a
		// verdict on the file, not a reason to crash.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("reading it failed: %v", r)
			}
		}()
		if schema, err = readSchema(tx); err != nil {
			return err
		}
		return checkTx(tx)
	})
	return schema, err
}

// checkTx runs bbolt's consistency check and returns its first complaint.
func checkTx(tx *bolt.Tx) error {
	var first error
	n := 0
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
		n++
	}
	if first != nil {
		return fmt.Errorf("consistency check found %d problems, first: %w", n, first)
	}
	return nil
}
