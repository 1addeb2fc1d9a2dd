package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// smallLibrary returns the bytes of a small library with a few papers,
// tags and annotations, for seeding the fuzzer.
func smallLibrary(tb testing.TB) []byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "library.db")
	s := openAt(tb, path, newClock())
	fillFixture(tb, s)
	for i := range 30 {
		mustPut(tb, s, ann(fmt.Sprintf("fz-%02d", i), 1, i, "fuzz seed quote"))
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// FuzzSalvage hands arbitrary bytes to everything that reads a damaged
// file with reads of its own: the meta check, the structure walk, the
// recognition of an Appraise library and salvage into a library. None
// may panic, hang or fault, and bbolt never maps the input.
func FuzzSalvage(f *testing.F) {
	lib := smallLibrary(f)
	f.Add(lib)
	f.Add(lib[:len(lib)/2])
	f.Add(lib[:8192])
	flipped := bytes.Clone(lib)
	for i := 16; i < 80; i++ {
		flipped[i] ^= 0xff
		flipped[4096+i] ^= 0xff
	}
	f.Add(flipped)
	f.Add([]byte("not a library"))
	dir := f.TempDir()
	db, err := bolt.Open(filepath.Join(dir, "target.db"), 0o600, &bolt.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return initSchema(tx, time.Now()) }); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	path := filepath.Join(dir, "damaged.db")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		checkMetaPages(path)
		checkStructure(path)
		looksLikeAppraise(path)
		res, err := salvageFile(db, path, nil)
		if err != nil {
			t.Fatalf("salvage failed on the target library: %v", err)
		}
		if res.Total() > len(data)/16 {
			t.Fatalf("%d records from %d bytes", res.Total(), len(data))
		}
	})
}

// TestSalvageReportsProgress checks the progress callback the GUI shows:
// it counts up to the file's pages and ends there.
func TestSalvageReportsProgress(t *testing.T) {
	lib := smallLibrary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "damaged.db")
	os.WriteFile(path, lib, 0o600)
	target := openAt(t, filepath.Join(dir, "target.db"), newClock())
	var last, total, calls int
	res, err := salvageFile(target.db, path, func(done, all int) {
		if done < last {
			t.Errorf("progress went back from %d to %d", last, done)
		}
		last, total = done, all
		calls++
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != total || total != len(lib)/4096 {
		t.Errorf("progress: %d calls, last %d of %d; the file has %d pages", calls, last, total, len(lib)/4096)
	}
	if res.Recovered["annotations"] != 33 {
		t.Errorf("salvage into an empty library recovered %v, want all 33 annotations", res.Recovered)
	}
}
