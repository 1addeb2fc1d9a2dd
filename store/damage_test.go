package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// damageFixture is a library with a backup taken after the early
// annotations, and later work that exists only in the library file.
type damageFixture struct {
	lib, backup []byte // the files' bytes
	pageSize    int
	used        int               // bytes of pages in use
	notes       map[string]string // annotation id → its note, as last saved
	late        []string          // ids saved or changed after the backup
	paperOf     map[string]appraise.PaperID
}

const (
	damageEarly = 40
	damageLate  = 300
)

func buildDamageFixture(tb testing.TB) *damageFixture {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s := openAt(tb, path, c)
	fx := &damageFixture{notes: map[string]string{}, paperOf: map[string]appraise.PaperID{}}
	for p := 1; p <= 3; p++ {
		mustPutPaper(tb, s, p, fmt.Sprintf("Paper %d", p))
	}
	put := func(id string, p, start int, note string) {
		a := ann(id, p, start, "quote of "+id+" "+strings.Repeat("words ", 20))
		a.Note = note
		a.Modified = c.Now()
		mustPut(tb, s, a)
		fx.notes[id], fx.paperOf[id] = note, paperID(p)
	}
	for i := range damageEarly {
		put(fmt.Sprintf("early-%03d", i), 1+i%3, i*10, fmt.Sprintf("early note %03d", i))
	}
	c.Add(25 * time.Hour)
	backup, err := s.Backup()
	if err != nil {
		tb.Fatal(err)
	}
	c.Add(time.Hour)
	for i := range damageLate {
		c.Add(time.Second)
		id := fmt.Sprintf("late-%03d", i)
		put(id, 1+i%3, 1000+i*10, fmt.Sprintf("late note %03d ", i)+strings.Repeat("detail ", i%40))
		fx.late = append(fx.late, id)
	}
	for i := 0; i < damageEarly; i += 4 { // edits of early work after the backup
		c.Add(time.Second)
		id := fmt.Sprintf("early-%03d", i)
		put(id, 1+i%3, i*10, fmt.Sprintf("early note %03d edited later", i))
		fx.late = append(fx.late, id)
	}
	s.Close()
	if fx.lib, err = os.ReadFile(path); err != nil {
		tb.Fatal(err)
	}
	if fx.backup, err = os.ReadFile(backup); err != nil {
		tb.Fatal(err)
	}
	m, err := checkMetaPages(path)
	if err != nil {
		tb.Fatal(err)
	}
	fx.pageSize, fx.used = int(m.pageSize), int(m.pgid)*int(m.pageSize)
	return fx
}

// damageCase damages a copy of the library's bytes.
type damageCase struct {
	name   string
	damage func(b []byte) []byte
	// minLate is how many of the later changes must come back (restored
	// or never lost); -1 when the damage may take any of them.
	minLate int
}

func damageCases(fx *damageFixture) []damageCase {
	ps := fx.pageSize
	var cases []damageCase
	for _, frac := range []float64{0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99} {
		n := int(float64(fx.used) * frac)
		for _, cut := range []int{n, n - n%ps + 100} {
			want := -1
			if frac >= 0.8 {
				want = len(fx.late) // the pages of the later work are all there
			}
			cases = append(cases, damageCase{fmt.Sprintf("truncated to %d bytes (%.0f%%)", cut, frac*100), func(b []byte) []byte { return b[:min(cut, len(b))] }, want})
		}
	}
	pages := fx.used / ps
	rng := rand.New(rand.NewSource(14))
	for i := 0; i < 12; i++ {
		id := 2 + rng.Intn(pages-2)
		cases = append(cases, damageCase{fmt.Sprintf("page %d zeroed", id), func(b []byte) []byte {
			clear(b[id*ps : (id+1)*ps])
			return b
		}, -1})
		seed := rng.Int63()
		id2 := 2 + rng.Intn(pages-2)
		cases = append(cases, damageCase{fmt.Sprintf("page %d random", id2), func(b []byte) []byte {
			rand.New(rand.NewSource(seed)).Read(b[id2*ps : (id2+1)*ps])
			return b
		}, -1})
	}
	all := len(fx.late)
	for _, off := range []int{16, 20, 24, 32, 40, 56, 64, 72} {
		cases = append(cases, damageCase{fmt.Sprintf("16 bytes of both meta pages flipped at %d", off), func(b []byte) []byte {
			for m := range 2 {
				for i := range 16 {
					b[m*ps+off+i] ^= 0xff
				}
			}
			return b
		}, all - 1}) // page search finds the newest root; at worst the last change is lost
		cases = append(cases, damageCase{fmt.Sprintf("16 bytes of the newer meta page flipped at %d", off), func(b []byte) []byte {
			m0, m1 := readMetas(bytes.NewReader(b[:ps]), int64(ps)), readMetas(bytes.NewReader(b), int64(len(b)))
			newer := 0
			if len(m0) == 0 || len(m1) > 0 && m1[0].txid != m0[0].txid {
				newer = 1
			}
			for i := range 16 {
				b[newer*ps+off+i] ^= 0xff
			}
			return b
		}, all - 1})
	}
	for _, i := range []int{0, 150, 299} {
		note := fmt.Sprintf("late note %03d ", i)
		cases = append(cases, damageCase{"one byte of " + strings.TrimSpace(note) + " changed", func(b []byte) []byte {
			// Every stored copy: the record, and stale copies in free pages.
			pat := []byte(`"note":"` + note)
			n := 0
			for at := bytes.Index(b, pat); at >= 0; at = bytes.Index(b, pat) {
				b[at+len(pat)-2] = 'X'
				n++
			}
			if n == 0 {
				panic("note not in the file: " + note)
			}
			return b
		}, all - 1})
	}
	return cases
}

// TestDamageMatrix damages a library in many ways and opens it with its
// backup beside it. Nothing may crash (a fault would end the test
// binary); Open must succeed, tell the user in a sentence when it
// recovered, keep everything the backup holds, and never show a record
// different from what was saved: a read either returns what was saved or
// an error saying the library or the record is damaged.
func TestDamageMatrix(t *testing.T) {
	fx := buildDamageFixture(t)
	var table strings.Builder
	for _, tc := range damageCases(fx) {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library.db")
			if err := os.WriteFile(path, tc.damage(bytes.Clone(fx.lib)), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(dir, "backups"), 0o700); err != nil {
				t.Fatal(err)
			}
			backup := filepath.Join(dir, "backups", "library-20260303T100000.000Z.db")
			if err := os.WriteFile(backup, fx.backup, 0o600); err != nil {
				t.Fatal(err)
			}
			c := newClock()
			c.Add(72 * time.Hour)
			s, err := Open(path, Options{Now: c.Now})
			if err != nil {
				t.Fatalf("Open: %v (a backup was there to restore)", err)
			}
			defer s.Close()
			rep := s.Report()
			if rep.Restored() && !strings.HasPrefix(rep.Message(), "Your library was damaged; Appraise restored the backup from ") {
				t.Errorf("message = %q", rep.Message())
			}
			late, damaged := readBack(t, s, fx)
			if strings.HasPrefix(tc.name, "one byte") && damaged != 1 {
				t.Errorf("%d reads said the record is damaged, want the changed one alone", damaged)
			}
			if tc.minLate >= 0 && late < tc.minLate {
				t.Errorf("%d of the %d later changes came back, want at least %d (report %q)", late, len(fx.late), tc.minLate, rep.Message())
			}
			if rep.Restored() {
				for i := range damageEarly {
					if _, err := s.Annotation(fmt.Sprintf("early-%03d", i)); err != nil {
						t.Errorf("the backup's early-%03d is missing after the restore: %v", i, err)
					}
				}
			}
			// Lists show only what decodes, or fail with a sentence.
			for p := 1; p <= 3; p++ {
				as, err := s.Annotations(paperID(p))
				if err != nil && !errors.Is(err, appraise.ErrRecordDamaged) && !errors.Is(err, appraise.ErrLibraryDamaged) {
					t.Errorf("annotations of paper %d: %v", p, err)
				}
				for _, a := range as {
					if want, ok := fx.notes[a.ID]; ok && a.Note != want && strings.Contains(want, "edited") == strings.Contains(a.Note, "edited") {
						t.Errorf("listed %s as %q, saved as %q", a.ID, a.Note, want)
					}
				}
			}
			what := ""
			if !rep.Restored() && damaged > 0 {
				// The damage seen leaves its mark: the next open checks the
				// whole file and recovers, losing nothing still readable.
				s.Close()
				c.Add(time.Hour)
				s, err = Open(path, Options{Now: c.Now})
				if err != nil {
					t.Fatalf("reopening after damage was seen: %v", err)
				}
				defer s.Close()
				rep = s.Report()
				if !rep.Restored() {
					t.Fatalf("reopening after damage was seen did not recover: %+v", rep)
				}
				late2, damaged2 := readBack(t, s, fx)
				if late2 < late || damaged2 > 0 {
					t.Errorf("after recovering: %d later changes (%d before), %d damaged reads", late2, late, damaged2)
				}
				what = "seen, then at reopen"
				late, damaged = late2, damaged2
			}
			if rep.Restored() {
				what += fmt.Sprintf(" restored + %d salvaged, %d unreadable, %d bad pages", rep.Salvage.Total(), rep.Salvage.Unreadable, rep.Salvage.BadPages)
			}
			if what == "" {
				what = "opened as it was"
			}
			fmt.Fprintf(&table, "%-52s %-68s late %3d/%d, damaged reads %d\n", tc.name, what, late, len(fx.late), damaged)
		})
	}
	t.Logf("damage matrix:\n%s", table.String())
}

// readBack reads every annotation saved and returns how many of the later
// changes read back as saved and how many reads said "damaged"; any read
// showing something else than what was saved fails the test.
func readBack(t *testing.T, s *Store, fx *damageFixture) (late, damaged int) {
	t.Helper()
	good := 0
	for id, note := range fx.notes {
		a, err := s.Annotation(id)
		switch {
		case err == nil && a.Note == note:
			good++
			if strings.HasPrefix(id, "late") || strings.Contains(note, "edited") {
				late++
			}
		case err == nil && strings.HasPrefix(id, "early") && !strings.Contains(a.Note, "edited"):
			good++ // the backup's version of an edit that was lost
		case err == nil:
			t.Errorf("annotation %s reads back as %q, saved as %q", id, a.Note, note)
		case errors.Is(err, appraise.ErrRecordDamaged), errors.Is(err, appraise.ErrLibraryDamaged):
			damaged++
		case errors.Is(err, appraise.ErrNotFound) && strings.HasPrefix(id, "late"):
		default:
			t.Errorf("annotation %s: %v", id, err)
		}
	}
	_ = good
	return late, damaged
}

// TestTheDailyCheckFindsDamageAndTheNextOpenRepairsIt changes a byte of a
// stored note that nobody reads: the daily backup's full check finds it,
// says so, and the next open recovers the library from the backup and
// the damaged file.
func TestTheDailyCheckFindsDamageAndTheNextOpenRepairsIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	s := openAt(t, path, c)
	if _, err := s.StartupBackup(); err != nil {
		t.Fatal(err)
	}
	mustPutPaper(t, s, 1, "P")
	for i := range 20 {
		a := ann(fmt.Sprintf("n-%02d", i), 1, i*10, "quote")
		a.Note = fmt.Sprintf("unread note %02d", i)
		mustPut(t, s, a)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	pat := []byte(`"note":"unread note 07`)
	for at := bytes.Index(b, pat); at >= 0; at = bytes.Index(b, pat) {
		b[at+len(pat)-1] = 'X'
	}
	os.WriteFile(path, b, 0o600)

	c.Add(25 * time.Hour)
	s, err := Open(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	if s.Report().Restored() {
		t.Fatalf("the cheap check at open should not read every record: %+v", s.Report())
	}
	_, err = s.StartupBackup()
	if msg := BackupFailedMessage(err); !strings.Contains(msg, "failed its full check") || !strings.Contains(msg, "repair it") {
		t.Errorf("daily check message = %q", msg)
	}
	s.Close()

	c.Add(time.Hour)
	s = openAt(t, path, c)
	rep := s.Report()
	if !rep.Restored() || rep.Salvage.Recovered["annotations"] != 19 || rep.Salvage.Unreadable != 1 {
		t.Fatalf("report after the daily check found damage: %+v", rep)
	}
	want := "and recovered 1 paper and 19 annotations from the damaged file; 1 record could not be read. The damaged file is kept as library.db.damaged-"
	if msg := rep.Message(); !strings.Contains(msg, want) {
		t.Errorf("message = %q, want it to contain %q", msg, want)
	}
	if _, err := s.Annotation("n-07"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("the damaged note: %v, want it gone rather than shown", err)
	}
}
