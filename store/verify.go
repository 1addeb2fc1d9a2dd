package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
)

// checkLevel is how thoroughly verifyFile looks at a file.
type checkLevel int

const (
	// checkCheap reads the meta pages and the file length (checkMetaPages),
	// then Appraise's format marker and schema: a few pages, whatever the
	// size of the library. Every open makes it.
	checkCheap checkLevel = iota
	// checkFull adds bbolt's consistency check of every page. A backup is
	// trusted only after it, and the daily backup runs it on its copy in
	// the background (which is a check of the library as it was opened).
	checkFull
)

// verifyFile opens a library file read-only (a shared lock: it waits for,
// and never disturbs, a process that has it open) and checks it at the
// given level. It returns the schema version, or appraise.ErrLibraryLocked,
// or an error saying what is wrong. Nothing is written.
func verifyFile(path string, timeout time.Duration, level checkLevel) (schema int, err error) {
	if _, err := checkMetaPages(path); err != nil {
		return 0, fmt.Errorf("not a readable library file: %w", err)
	}
	if level == checkFull {
		if err := checkStructure(path); err != nil {
			return 0, fmt.Errorf("damaged library file: %w", err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return 0, appraise.ErrLibraryLocked
		}
		return 0, fmt.Errorf("not a readable library file: %w", err)
	}
	defer db.Close()
	err = guardedView(db, func(tx *bolt.Tx) (err error) {
		if schema, err = readSchema(tx); err != nil {
			return err
		}
		if level == checkFull {
			if err := checkTx(tx); err != nil {
				return err
			}
			return checkRecords(tx, schema)
		}
		return nil
	})
	return schema, err
}

// guardedView is db.View that turns a panic, or a fault reading the
// mapped file, into an error: a damaged page can make bbolt panic while
// reading, and that is a verdict on the file, not a reason to crash.
// (The length check before mapping keeps faults away; this is the second
// line.)
func guardedView(db *bolt.DB, fn func(tx *bolt.Tx) error) error {
	return guard(func() error { return db.View(fn) })
}

// guard runs fn, turning a panic or a memory fault in it into an error
// wrapping appraise.ErrLibraryDamaged. bbolt rolls its transaction back
// while the panic unwinds.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: reading it failed: %v", appraise.ErrLibraryDamaged, r)
		}
	}()
	return fn()
}

// checkRecords checks the checksum of every record (schema 2 on).
func checkRecords(tx *bolt.Tx, schema int) error {
	if schema < 2 {
		return nil
	}
	for _, name := range sealedBuckets {
		b := tx.Bucket(name)
		if b == nil {
			return fmt.Errorf("bucket %s missing", name)
		}
		if err := b.ForEach(func(k, v []byte) error {
			_, err := openValue(k, v)
			return err
		}); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
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

// view and update are the Store's transactions, guarded (see guard): a
// page damaged after the library was opened ends in an error, not a crash.
// Damage found leaves a mark (see needsCheck) so the next open checks
// the whole library and recovers it.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.noteDamage(guard(func() error { return s.db.View(fn) }))
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	err := s.noteDamage(guard(func() error { return s.db.Update(fn) }))
	if err == nil {
		s.changed.Store(true)
	}
	return err
}

func (s *Store) noteDamage(err error) error {
	if errors.Is(err, appraise.ErrRecordDamaged) || errors.Is(err, appraise.ErrLibraryDamaged) {
		markNeedsCheck(s.path)
	}
	return err
}

// needsCheck is the file whose presence beside a library says damage
// was seen in it (a record failing its checksum, a page bbolt could not
// read, or the daily backup's copy failing the full check): the next
// open runs the full check, and recovers the library when it fails.
func needsCheck(path string) string { return path + ".needs-check" }

func markNeedsCheck(path string) {
	if f, err := os.OpenFile(needsCheck(path), os.O_CREATE|os.O_WRONLY, 0o600); err == nil {
		f.Close()
		atomicfile.SyncDir(filepath.Dir(path))
	}
}
