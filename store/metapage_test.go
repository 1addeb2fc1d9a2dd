package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// TestTruncatedLibraryIsRefusedBeforeMapping cuts a library at many
// lengths: opening it never faults (a SIGBUS would end this test binary),
// and a library shorter than its pages claim is never handed to bbolt.
func TestTruncatedLibraryIsRefusedBeforeMapping(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	s := openAt(t, src, newClock())
	fillFixture(t, s)
	for i := range 300 {
		mustPut(t, s, ann(strings.Repeat("x", 8)+string(rune('a'+i%26))+strings.Repeat("y", i%7)+"-"+itoa(i), 1, i, "a quote long enough to fill pages "+strings.Repeat("z", 200)))
	}
	s.Close()
	full, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	m, err := checkMetaPages(src)
	if err != nil {
		t.Fatalf("the whole file fails the meta check: %v", err)
	}
	used := int(m.pgid) * int(m.pageSize) // bbolt grows the file ahead of its pages
	refused := 0
	for _, frac := range []float64{0, 0.01, 0.03, 0.4, 1, 1.2, 0.05, 0.1, 0.2, 0.25, 0.33, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99} {
		n := int(float64(used) * frac)
		for _, cut := range []int{n, n + 1, n - n%4096} {
			path := filepath.Join(dir, "cut.db")
			if err := os.WriteFile(path, full[:cut], 0o600); err != nil {
				t.Fatal(err)
			}
			_, merr := checkMetaPages(path)
			_, verr := verifyFile(path, time.Second, checkFull)
			s, err := Open(path, Options{Now: newClock().Now, BackupDir: t.TempDir()})
			if err == nil {
				s.Close()
			}
			if cut >= used {
				if merr != nil || verr != nil || err != nil {
					t.Errorf("cut at %d of %d bytes, after its %d used: refused (%v; %v; %v)", cut, len(full), used, merr, verr, err)
				}
				continue
			}
			refused++
			if merr == nil || verr == nil {
				t.Errorf("cut at %d of %d bytes: the meta check (%v) or verification (%v) passed", cut, len(full), merr, verr)
			}
			// Without a backup, Open refuses the file or, when salvage
			// finds the library's marker in it, rebuilds and says so.
			if err == nil && !s.Report().Rebuilt || err != nil && !errors.Is(err, appraise.ErrLibraryDamaged) {
				t.Errorf("cut at %d of %d bytes: Open = %v, report %+v; want ErrLibraryDamaged or a rebuilt library", cut, len(full), err, s.Report())
			}
		}
	}
	if refused < 30 {
		t.Errorf("only %d cuts fell inside the used pages; make the library bigger", refused)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
