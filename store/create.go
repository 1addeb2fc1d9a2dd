package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/atomicfile"
)

// create makes a new, empty library at path atomically: it is built in a
// temporary file in the same folder and then hard-linked into place, which
// fails rather than replaces when another process created the library
// first. created is false in that case, and the caller opens theirs.
func create(path string, opt Options) (created bool, err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new-*")
	if err != nil {
		return false, fmt.Errorf("create library %s: %w", path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)

	db, err := bolt.Open(tmpName, 0o600, &bolt.Options{Timeout: opt.LockTimeout})
	if err != nil {
		return false, fmt.Errorf("create library %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return initSchema(tx, opt.Now()) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, fmt.Errorf("create library %s: %w", path, err)
	}
	if err := os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		// No hard links on this file system: rename, which is atomic but
		// would replace a library created in the meantime, so look first.
		if _, serr := os.Stat(path); serr == nil {
			return false, nil
		}
		if err := os.Rename(tmpName, path); err != nil {
			return false, fmt.Errorf("create library %s: %w", path, err)
		}
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return true, fmt.Errorf("create library %s: %w", path, err)
	}
	return true, nil
}
