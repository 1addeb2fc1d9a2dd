package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestCloseWithBackupSavesTheSessionAndKeepsTheDailies(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	backups := filepath.Join(dir, "backups")
	c := newClock()
	var dailies []string
	for day := range 9 {
		for session := range 4 {
			s, err := Open(path, Options{Now: c.Now})
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := s.StartupBackup(); b != "" {
				dailies = append(dailies, b)
			}
			c.Add(time.Minute)
			if session == 3 {
				// A session that changes nothing makes no backup at close.
				if b, err := s.CloseWithBackup(); b != "" || err != nil {
					t.Fatalf("day %d: a session without changes backed up %q (%v)", day, b, err)
				}
				c.Add(time.Hour)
				continue
			}
			if day == 0 && session == 0 {
				mustPutPaper(t, s, 1, "P")
			}
			id := "a" + itoa(day) + "-" + itoa(session)
			mustPut(t, s, ann(id, 1, day*10+session, "saved in a session"))
			b, err := s.CloseWithBackup()
			if err != nil || b == "" {
				t.Fatalf("day %d session %d: CloseWithBackup = %q, %v", day, session, b, err)
			}
			// The backup holds the session's last change.
			db, err := bolt.Open(b, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			db.View(func(tx *bolt.Tx) error {
				if _, err := getAnnotation(tx, id); err != nil {
					t.Errorf("the backup at close lacks the session's change %s: %v", id, err)
				}
				return nil
			})
			db.Close()
			c.Add(time.Hour)
		}
		c.Add(20 * time.Hour)
	}
	kept, err := listBackups(backups, path)
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]bool{}
	for _, k := range kept {
		days[k.time.UTC().Format("2006-01-02")] = true
	}
	if len(days) != 7 {
		t.Errorf("backups kept cover %d days, want the latest 7: %v", len(days), kept)
	}
	if len(kept) > 14 {
		t.Errorf("%d backups kept, want at most 14", len(kept))
	}
	// The backup at close is at most a day old at the next start, so the
	// start-up backup is not due again: the first start made the only one.
	if len(dailies) != 1 {
		t.Errorf("%d start-up backups, want the first start's alone", len(dailies))
	}
}

func TestLeftoversOfAnInterruptedBackupAreRemovedAtOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	s := openAt(t, path, newClock())
	s.Close()
	backups := filepath.Join(dir, "backups")
	os.MkdirAll(backups, 0o700)
	ours := []string{
		filepath.Join(backups, ".library-20260302T090000.000Z.db.tmp-123456"),
		filepath.Join(dir, ".library.db.tmp-987"),
	}
	theirs := []string{
		filepath.Join(backups, ".other-20260302T090000.000Z.db.tmp-123456"),
		filepath.Join(backups, "notes.txt"),
	}
	for _, p := range append(slices.Clone(ours), theirs...) {
		if err := os.WriteFile(p, make([]byte, 1000), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	openAt(t, path, newClock())
	for _, p := range ours {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("left behind: %s", p)
		}
	}
	for _, p := range theirs {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("removed what is not ours: %s", p)
		}
	}
}
