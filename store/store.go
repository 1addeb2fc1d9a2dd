package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"appraise.app/appraise/internal/appraise"
)

// Options tune Open. Zero values mean the defaults.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// LockTimeout is how long Open waits for another process to let go of
	// the library before returning appraise.ErrLibraryLocked; zero means 1 s.
	LockTimeout time.Duration
	// BackupDir holds the backups; empty means "backups" beside the library.
	BackupDir string
	// KeepBackups is how many backups to keep; zero means 7.
	KeepBackups int
	// BackupEvery is the least time between start-up backups; zero means 24 h.
	BackupEvery time.Duration
	// SalvageProgress, when not nil, is told how far the salvage of a
	// damaged library has got (pages read of the file's total).
	SalvageProgress func(done, total int)
}

func (o Options) withDefaults(path string) Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.LockTimeout == 0 {
		o.LockTimeout = time.Second
	}
	if o.BackupDir == "" {
		o.BackupDir = filepath.Join(filepath.Dir(path), "backups")
	}
	if o.KeepBackups == 0 {
		o.KeepBackups = 7
	}
	if o.BackupEvery == 0 {
		o.BackupEvery = 24 * time.Hour
	}
	return o
}

// Store is an open library. Its methods are safe for concurrent use; each
// change is one bbolt transaction, committed before the method returns.
type Store struct {
	db      *bolt.DB
	path    string
	opt     Options
	report  Report
	startup *startupBackup
	changed atomic.Bool // a change was committed since Open
}

var _ appraise.Store = (*Store)(nil)

// Open opens the library at path, creating it when it does not exist,
// restoring the newest good backup when it is damaged, migrating it when
// it has an older schema and backing it up when the last backup is older
// than Options.BackupEvery (that backup is finished in the background:
// see StartupBackup). Report tells what happened.
//
// Errors: appraise.ErrLibraryLocked when another process has it open;
// appraise.ErrLibraryDamaged when the file is damaged or not an Appraise
// library and no backup could replace it (nothing is written then);
// ErrNewerSchema when a newer Appraise wrote it.
func Open(path string, opt Options) (*Store, error) {
	return open(path, opt, schemaPlan{SchemaVersion, migrations})
}

// schemaPlan is the schema to reach and the steps that get there; tests
// open libraries with plans of their own.
type schemaPlan struct {
	version int
	steps   map[int]migration
}

func open(path string, opt Options, plan schemaPlan) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	path = abs
	opt = opt.withDefaults(path)
	var rep Report
	switch _, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		if rep.Created, err = create(path, opt); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("open library %s: %w", path, err)
	default:
		level := checkCheap
		if _, err := os.Stat(needsCheck(path)); err == nil {
			level = checkFull
		}
		schema, verr := verifyFile(path, opt.LockTimeout, level)
		if verr == nil && level == checkFull {
			os.Remove(needsCheck(path))
		}
		switch {
		case errors.Is(verr, appraise.ErrLibraryLocked):
			return nil, fmt.Errorf("open library %s: %w", path, verr)
		case verr != nil:
			if err := restoreBackup(path, opt, verr, &rep); err != nil {
				return nil, err
			}
		case schema > plan.version:
			return nil, fmt.Errorf("open library %s (schema %d): %w", path, schema, ErrNewerSchema)
		}
	}
	db, err := openBolt(path, opt)
	if errors.Is(err, appraise.ErrLibraryDamaged) && rep.Quarantined == "" {
		// Damage the cheap check could not see made bbolt fail or panic.
		if err := restoreBackup(path, opt, err, &rep); err != nil {
			return nil, err
		}
		db, err = openBolt(path, opt)
	}
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	removeLeftovers(path, opt.BackupDir)
	s := &Store{db: db, path: path, opt: opt}
	s.changed.Store(rep.Restored()) // a recovered library is backed up at close
	if err := s.migrateIfOld(plan, &rep); err != nil {
		db.Close()
		return nil, err
	}
	if rep.Quarantined != "" {
		// Whatever is still readable in the damaged file comes back; a
		// failure here leaves the restored library as it is.
		rep.Salvage, err = salvageFile(db, rep.Quarantined, opt.SalvageProgress)
		if err != nil {
			rep.SalvageFailed = err.Error()
		}
	}
	s.report = rep
	s.startBackupIfDue()
	return s, nil
}

// openBolt opens the library for writing, guarded: bbolt reads the
// freelist as it opens, and a damaged one makes it panic.
func openBolt(path string, opt Options) (db *bolt.DB, err error) {
	err = guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout})
		return err
	})
	if err != nil {
		return nil, boltOpenError(err)
	}
	return db, nil
}

// boltOpenError turns bbolt's open errors into the library's sentinels.
func boltOpenError(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return appraise.ErrLibraryLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("%w (%v)", appraise.ErrLibraryDamaged, err)
	}
	return err
}

// Path is the library file.
func (s *Store) Path() string { return s.path }

// Report tells what Open did beyond opening: creation, restoring a backup,
// migration.
func (s *Store) Report() Report { return s.report }

// Close waits for the start-up backup to finish and closes the library
// file.
func (s *Store) Close() error {
	<-s.startup.done
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close library %s: %w", s.path, err)
	}
	return nil
}

// CloseWithBackup is Close for the end of a session of the GUI: when
// anything changed since Open it first backs the library up (verified,
// like every backup), so that restoring a backup loses at most the
// session in progress. The daily backups are kept (see pruneBackups).
// The library is closed even when the backup fails; backup is "" when
// none was due.
func (s *Store) CloseWithBackup() (backup string, err error) {
	<-s.startup.done
	if s.changed.Load() {
		backup, err = s.Backup()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return backup, err
}

func (s *Store) now() time.Time { return s.opt.Now() }

func (s *Store) migrateIfOld(plan schemaPlan, rep *Report) error {
	var schema int
	if err := s.view(func(tx *bolt.Tx) error {
		var err error
		schema, err = readSchema(tx)
		return err
	}); err != nil {
		return fmt.Errorf("open library %s: %w (%v)", s.path, appraise.ErrLibraryDamaged, err)
	}
	switch {
	case schema == plan.version:
		return nil
	case schema > plan.version:
		return fmt.Errorf("open library %s (schema %d): %w", s.path, schema, ErrNewerSchema)
	}
	backup, err := s.Backup()
	if err != nil {
		return fmt.Errorf("back up before migrating %s: %w", s.path, err)
	}
	if err := s.update(func(tx *bolt.Tx) error { return migrate(tx, schema, plan) }); err != nil {
		return fmt.Errorf("migrate library %s: %w", s.path, err)
	}
	rep.MigratedFrom, rep.MigrationBackup = schema, backup
	return nil
}
