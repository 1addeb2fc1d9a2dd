package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/atomicfile"
)

// backupStamp is the time in a backup's file name (UTC, milliseconds so
// that a migration backup and a start-up backup never collide).
const backupStamp = "20060102T150405.000Z"

// backupFile is one backup of a library.
type backupFile struct {
	path string
	time time.Time
}

// backupPrefix is how the backups of the library at path begin: its file
// name without extension and a dash, so libraries sharing a folder keep
// their backups apart.
func backupPrefix(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// listBackups returns the backups of the library at path, newest first.
func listBackups(dir, path string) ([]backupFile, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	prefix := backupPrefix(path)
	var out []backupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		t, err := time.Parse(backupStamp, strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db"))
		if err != nil {
			continue // another library's backup whose name starts alike
		}
		out = append(out, backupFile{filepath.Join(dir, name), t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].time.After(out[j].time) })
	return out, nil
}

// Backup writes a copy of the library to the backup folder now, verifies
// it (re-opened read-only, format, schema and consistency check), keeps
// the newest Options.KeepBackups and returns the new backup's path. A copy
// that fails verification is removed and reported.
func (s *Store) Backup() (string, error) {
	dir := s.opt.BackupDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	now := s.now().UTC()
	path := filepath.Join(dir, backupPrefix(s.path)+now.Format(backupStamp)+".db")
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	if _, err := verifyFile(path, s.opt.LockTimeout); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("back up %s: the copy failed verification: %w", s.path, err)
	}
	if err := pruneBackups(dir, s.path, s.opt.KeepBackups); err != nil {
		return path, err
	}
	return path, nil
}

func pruneBackups(dir, path string, keep int) error {
	all, err := listBackups(dir, path)
	if err != nil {
		return err
	}
	for _, b := range all[min(keep, len(all)):] {
		if err := os.Remove(b.path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// backupIfDue makes the start-up backup when the newest is older than
// Options.BackupEvery. A failure is reported, not fatal: the library
// itself is fine.
func (s *Store) backupIfDue(rep *Report) {
	all, err := listBackups(s.opt.BackupDir, s.path)
	if err != nil {
		rep.BackupErr = err
		return
	}
	if len(all) > 0 && s.now().Sub(all[0].time) < s.opt.BackupEvery {
		return
	}
	rep.Backup, rep.BackupErr = s.Backup()
}
