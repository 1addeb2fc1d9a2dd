package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

func TestOpenCreatesALibraryAndReopensIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Report().Created || s.Report().Message() != "" {
		t.Errorf("report = %+v, want Created and nothing to tell", s.Report())
	}
	mustPutPaper(t, s, 1, "P")
	mustPut(t, s, ann("a", 1, 0, "kept across restarts"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, c)
	if s.Report().Created {
		t.Errorf("reopening reported Created")
	}
	if a, err := s.Annotation("a"); err != nil || a.Anchor.Exact != "kept across restarts" {
		t.Errorf("after reopening: %+v, %v", a, err)
	}
	// No temporary files are left beside the library.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestSecondOpenGetsLibraryLocked(t *testing.T) {
	s, _ := newStore(t)
	start := time.Now()
	_, err := Open(s.Path(), Options{})
	elapsed := time.Since(start)
	if !errors.Is(err, appraise.ErrLibraryLocked) {
		t.Fatalf("err = %v, want ErrLibraryLocked", err)
	}
	if !strings.Contains(err.Error(), "Appraise is already open with this library") {
		t.Errorf("message %q lacks the sentence for the user", err)
	}
	t.Logf("second open refused after %v (default lock timeout 1 s)", elapsed.Round(time.Millisecond))
}

// foreignFiles are files a user might pass as --db by mistake.
func foreignFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		files[name] = p
	}
	write("notes.txt", []byte("my notes, not a database\n"))
	write("empty.db", nil)
	write("big.bin", bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 8192))
	other := filepath.Join(dir, "other-app.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("settings"))
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()
	files["other-app.db"] = other
	return files
}

func TestOpenRefusesFilesThatAreNotAppraiseLibrariesAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	for name, path := range foreignFiles(t, dir) {
		t.Run(name, func(t *testing.T) {
			before, _ := os.ReadFile(path)
			st, _ := os.Stat(path)
			_, err := Open(path, Options{Now: newClock().Now})
			if !errors.Is(err, appraise.ErrLibraryDamaged) {
				t.Fatalf("err = %v, want ErrLibraryDamaged", err)
			}
			after, _ := os.ReadFile(path)
			st2, _ := os.Stat(path)
			if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
				t.Errorf("the file was changed")
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only the four files (no backups, no temporaries)", names)
	}
}

func TestOpenRefusesALibraryFromANewerAppraise(t *testing.T) {
	s, _ := newStore(t)
	path := s.Path()
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the newer library was changed")
	}
}

// corrupt overwrites n bytes at off with a pattern.
func corrupt(t *testing.T, path string, off int64, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0x5a}, n), off); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedLibraryIsQuarantinedAndTheNewestGoodBackupRestored(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"both meta pages overwritten", func(t *testing.T, path string) { corrupt(t, path, 0, 8192) }},
		{"the page holding the buckets overwritten", func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			var root, size int64
			db.View(func(tx *bolt.Tx) error {
				root, size = int64(tx.Cursor().Bucket().Root()), int64(db.Info().PageSize)
				return nil
			})
			db.Close()
			corrupt(t, path, root*size+16, int(size)-16)
		}},
		{"file truncated to nothing", func(t *testing.T, path string) { os.Truncate(path, 0) }},
		{"replaced by text", func(t *testing.T, path string) { os.WriteFile(path, []byte("oops"), 0o600) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library.db")
			c := newClock()
			s, err := Open(path, Options{Now: c.Now})
			if err != nil {
				t.Fatal(err)
			}
			mustPutPaper(t, s, 1, "P")
			mustPut(t, s, ann("saved-before-backup", 1, 0, "q"))
			c.Add(25 * time.Hour)
			backup, err := s.Backup()
			if err != nil {
				t.Fatal(err)
			}
			mustPut(t, s, ann("saved-after-backup", 1, 5, "q"))
			s.Close()
			tt.damage(t, path)
			damaged, _ := os.ReadFile(path)

			c.Add(time.Hour)
			s = openAt(t, path, c)
			rep := s.Report()
			if !rep.Restored() || rep.RestoredFrom != backup {
				t.Fatalf("report = %+v, want restored from %s", rep, backup)
			}
			if msg := rep.Message(); !strings.HasPrefix(msg, "Your library was damaged; Appraise restored the backup from ") {
				t.Errorf("message = %q", msg)
			}
			if q, err := os.ReadFile(rep.Quarantined); err != nil || !bytes.Equal(q, damaged) {
				t.Errorf("quarantined file %s missing or changed (%v)", rep.Quarantined, err)
			}
			if _, err := s.Annotation("saved-before-backup"); err != nil {
				t.Errorf("backup content missing: %v", err)
			}
			mustPut(t, s, ann("saved-after-restore", 1, 9, "q"))
		})
	}
}

func TestDamagedLibraryWithoutGoodBackupIsRebuiltFromWhatCanBeRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.StartupBackup()
	if err != nil {
		t.Fatal(err)
	}
	mustPutPaper(t, s, 1, "P")
	mustPut(t, s, ann("kept", 1, 0, "saved before both copies were damaged"))
	s.Close()
	corrupt(t, path, 0, 8192)
	corrupt(t, backup, 0, 8192)
	damaged, _ := os.ReadFile(path)
	s = openAt(t, path, c)
	rep := s.Report()
	if !rep.Rebuilt || rep.RestoredFrom != "" {
		t.Fatalf("report = %+v, want rebuilt without a backup", rep)
	}
	if msg := rep.Message(); !strings.HasPrefix(msg, "Your library was damaged and no backup could replace it; Appraise made a new library and recovered 1 paper and 1 annotation from the damaged file.") {
		t.Errorf("message = %q", msg)
	}
	if a, err := s.Annotation("kept"); err != nil || a.Anchor.Exact != "saved before both copies were damaged" {
		t.Errorf("salvaged annotation: %+v, %v", a, err)
	}
	if q, _ := os.ReadFile(rep.Quarantined); !bytes.Equal(q, damaged) {
		t.Errorf("the damaged file was not kept as it was")
	}
}

func TestDamagedFileThatIsNoLibraryWithoutGoodBackupIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.StartupBackup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.WriteFile(path, bytes.Repeat([]byte("not a library "), 1000), 0o600)
	corrupt(t, backup, 0, 8192)
	damaged, _ := os.ReadFile(path)
	_, err = Open(path, Options{Now: c.Now})
	if !errors.Is(err, appraise.ErrLibraryDamaged) || !strings.Contains(err.Error(), "none of its 1 backups") {
		t.Fatalf("err = %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
		t.Errorf("the damaged file was changed")
	}
}

func TestBackupsAtMostDailyAndOnlyTheNewestSevenKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	var made []string
	for range 10 {
		for range 2 { // a second start the same day makes no backup
			s, err := Open(path, Options{Now: c.Now})
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.StartupBackup()
			if err != nil {
				t.Fatal(err)
			}
			if b != "" {
				made = append(made, b)
			}
			s.Close()
			c.Add(3 * time.Hour)
		}
		c.Add(18 * time.Hour)
	}
	if len(made) != 10 {
		t.Fatalf("%d backups made over 10 days of two starts each, want 10", len(made))
	}
	kept, err := listBackups(filepath.Join(dir, "backups"), path)
	if err != nil {
		t.Fatal(err)
	}
	var keptPaths []string
	for _, k := range kept {
		keptPaths = append(keptPaths, k.path)
		if _, err := verifyFile(k.path, time.Second, checkFull); err != nil {
			t.Errorf("backup %s does not verify: %v", k.path, err)
		}
	}
	want := slices.Clone(made[3:])
	slices.Reverse(want)
	if !slices.Equal(keptPaths, want) {
		t.Errorf("kept %v, want the newest seven %v", keptPaths, want)
	}
}

func TestStartupBackupHoldsTheLibraryAsOpenedAndCloseWaitsForIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	mustPutPaper(t, s, 1, "P")
	mustPut(t, s, ann("yesterday", 1, 0, "saved yesterday"))
	s.Close()

	c.Add(25 * time.Hour)
	s, err = Open(path, Options{Now: c.Now, KeepBackups: 1})
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, ann("today", 1, 5, "saved while the backup was being written"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Close waited: today's backup is in place and verified, yesterday's
	// pruned, with no temporary file left.
	entries, _ := os.ReadDir(filepath.Join(dir, "backups"))
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".db") {
			t.Errorf("left in the backup folder: %s", e.Name())
		}
	}
	all, err := listBackups(filepath.Join(dir, "backups"), path)
	if err != nil || len(all) != 1 || !all[0].time.Equal(c.Now()) {
		t.Fatalf("backups %v (%v), want today's alone", all, err)
	}
	if _, err := verifyFile(all[0].path, time.Second, checkFull); err != nil {
		t.Fatalf("today's backup does not verify: %v", err)
	}
	db, err := bolt.Open(all[0].path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		if _, err := getAnnotation(tx, "yesterday"); err != nil {
			t.Errorf("the backup lacks what the library held when opened: %v", err)
		}
		if _, err := getAnnotation(tx, "today"); !errors.Is(err, appraise.ErrNotFound) {
			t.Errorf("the backup holds a change made after opening (err %v); it should be the library as opened", err)
		}
		return nil
	})
}

func TestAStartupBackupThatFailsIsReportedAndTheLibraryWorks(t *testing.T) {
	dir := t.TempDir()
	// A file where the backup folder should be.
	if err := os.WriteFile(filepath.Join(dir, "backups"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, filepath.Join(dir, "library.db"), newClock())
	if b, err := s.StartupBackup(); b != "" || err == nil {
		t.Fatalf("StartupBackup = %q, %v; want an error", b, err)
	}
	mustPutPaper(t, s, 1, "P")
	mustPut(t, s, ann("a", 1, 0, "saved although the backup failed"))
	if _, err := s.Annotation("a"); err != nil {
		t.Error(err)
	}
}

func TestBackupsOfLibrariesSharingAFolderStayApart(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	a := openAt(t, filepath.Join(dir, "a.db"), c)
	b := openAt(t, filepath.Join(dir, "ab.db"), c)
	for _, s := range []*Store{a, b} {
		if b, err := s.StartupBackup(); b == "" {
			t.Fatalf("no start-up backup for %s: %v", s.Path(), err)
		}
	}
	la, _ := listBackups(filepath.Join(dir, "backups"), a.Path())
	lb, _ := listBackups(filepath.Join(dir, "backups"), b.Path())
	if len(la) != 1 || len(lb) != 1 || la[0].path == lb[0].path {
		t.Errorf("backups: a %v, ab %v", la, lb)
	}
}
