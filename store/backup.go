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
	at := s.now()
	tx, err := s.db.Begin(false)
	if err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	return s.writeBackup(tx, at)
}

// writeBackup writes the library as read-only transaction tx sees it to a
// backup stamped at, ends tx, verifies the copy and prunes old backups.
func (s *Store) writeBackup(tx *bolt.Tx, at time.Time) (string, error) {
	dir := s.opt.BackupDir
	path := filepath.Join(dir, backupPrefix(s.path)+at.UTC().Format(backupStamp)+".db")
	err := makeBackupDir(dir)
	if err == nil {
		err = atomicfile.Write(path, 0o600, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	}
	tx.Rollback() // a read-only transaction: this only lets it go
	if err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	if _, err := verifyFile(path, s.opt.LockTimeout, checkFull); err != nil {
		os.Remove(path)
		// The copy is the library as a transaction saw it: the library
		// itself is damaged. The next open checks it fully and recovers.
		markNeedsCheck(s.path)
		return "", fmt.Errorf("back up %s: the library failed its full check (%w); Appraise will repair it from the backups when it next opens", s.path, err)
	}
	if err := pruneBackups(dir, s.path, s.opt.KeepBackups); err != nil {
		return path, err
	}
	return path, nil
}

// makeBackupDir creates the backup folder when it is missing, and fsyncs
// the folder holding it so that the new folder survives a crash.
func makeBackupDir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.SyncDir(filepath.Dir(dir))
}

// pruneBackups keeps the newest keep backups and, besides them, the
// newest backup of each of the keep latest days that have one: backups
// made at every close of the GUI never push the daily ones out.
func pruneBackups(dir, path string, keep int) error {
	all, err := listBackups(dir, path)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	for i, b := range all {
		day := b.time.UTC().Format("2006-01-02")
		if i < keep || !days[day] && len(days) < keep {
			days[day] = true
			continue
		}
		if err := os.Remove(b.path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// removeLeftovers deletes the temporary files an interrupted backup,
// restore or creation of the library at path left behind (atomicfile's
// ".NAME.tmp-*" in the backup folder and beside the library). Open calls it once it holds the library's lock, so no
// other process is writing them.
func removeLeftovers(path, backupDir string) {
	patterns := []string{
		filepath.Join(backupDir, "."+backupPrefix(path)+"*.db.tmp-*"),
		filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"),
	}
	for _, p := range patterns {
		matches, _ := filepath.Glob(p)
		for _, m := range matches {
			os.Remove(m)
		}
	}
}

// startupBackup is the backup Open begins when one is due.
type startupBackup struct {
	done chan struct{} // closed when it has finished (or was not due)
	path string
	err  error
}

// startBackupIfDue begins the start-up backup when the newest is older
// than Options.BackupEvery. Its snapshot is taken here, in a read-only
// transaction begun before Open returns, so the backup holds the library
// as it was opened, before any change of this session. Writing, fsyncing
// and verifying the copy go on in the background: bbolt lets changes
// commit meanwhile (one that must grow the file waits for the copy), and
// opening does not wait for a copy of the whole file. StartupBackup and
// Close wait for it.
func (s *Store) startBackupIfDue() {
	b := &startupBackup{done: make(chan struct{})}
	s.startup = b
	all, err := listBackups(s.opt.BackupDir, s.path)
	if err != nil || len(all) > 0 && s.now().Sub(all[0].time) < s.opt.BackupEvery {
		b.err = err
		close(b.done)
		return
	}
	at := s.now()
	tx, err := s.db.Begin(false)
	if err != nil {
		b.err = fmt.Errorf("back up %s: %w", s.path, err)
		close(b.done)
		return
	}
	go func() {
		defer close(b.done)
		b.path, b.err = s.writeBackup(tx, at)
	}()
}

// StartupBackup waits for the backup Open began, if one was due, and
// returns its path ("" when none was due) or why it failed. A failure
// leaves the library itself fine.
func (s *Store) StartupBackup() (string, error) {
	<-s.startup.done
	return s.startup.path, s.startup.err
}
