package store

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

const (
	crashChildEnv = "APPRAISE_STORE_CRASH_CHILD" // library path for the child
	crashTagEnv   = "APPRAISE_STORE_CRASH_TAG"   // distinguishes rounds' ids
)

// crashChild saves annotations until it is killed: each new annotation,
// an edit of the previous one now and then, a deletion now and then,
// printing "put ID", "edit ID" or "del ID" only after the change is
// committed.
func crashChild(path, tag string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	if _, err := s.Paper(paperID(1)); err != nil {
		p := appraise.Paper{ID: paperID(1), Meta: appraise.Metadata{Title: "Crash test"}}
		if err := s.PutPaper(p); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 1
		}
	}
	out := bufio.NewWriter(os.Stdout)
	lastPut := ""
	for i := 0; ; i++ {
		id := fmt.Sprintf("%s-%05d", tag, i)
		a := ann(id, 1, i, "a quote saved just before a crash "+id, appraise.TagClaim)
		verb := "put"
		switch {
		case i%7 == 6 && lastPut != "":
			verb, id = "del", lastPut
			err = s.DeleteAnnotation(id, time.Now())
			lastPut = ""
		case i%5 == 4 && lastPut != "":
			verb, id = "edit", lastPut
			prev, gerr := s.Annotation(id)
			if gerr != nil {
				err = gerr
				break
			}
			prev.Note = "edited " + id
			err = s.PutAnnotation(prev)
		default:
			err = s.PutAnnotation(a)
			lastPut = id
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 1
		}
		fmt.Fprintln(out, verb, id)
		out.Flush()
	}
}

// TestCrashKeepsAcknowledgedAnnotations kills a writing process with
// SIGKILL at random moments, 50 times: every change it acknowledged must
// be in the library afterwards, and the file must pass bbolt's check.
func TestCrashKeepsAcknowledgedAnnotations(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary 50 times")
	}
	path := filepath.Join(t.TempDir(), "library.db")
	rng := rand.New(rand.NewSource(42))
	state := map[string]string{} // id → "put", "edit" or "del"
	totalAcks := 0
	for round := range 50 {
		killAfter := rng.Intn(25) // acknowledgements to wait for; 0 kills during start-up
		acks := runAndKill(t, path, fmt.Sprintf("r%02d", round), killAfter)
		for _, line := range acks {
			verb, id, _ := strings.Cut(line, " ")
			state[id] = verb
		}
		totalAcks += len(acks)
		if _, err := os.Stat(path); err != nil {
			continue // killed before the first library was linked into place
		}
		if _, err := verifyFile(path, time.Second, checkFull); err != nil {
			t.Fatalf("round %d: library fails verification after SIGKILL: %v", round, err)
		}
	}
	s := openAt(t, path, newClock())
	if r := s.Report(); r.Restored() {
		t.Fatalf("library needed restoring: %+v", r)
	}
	for id, verb := range state {
		a, err := s.Annotation(id)
		if err != nil {
			t.Errorf("acknowledged %s %s is missing: %v", verb, id, err)
			continue
		}
		switch verb {
		case "edit":
			if a.Note != "edited "+id {
				t.Errorf("acknowledged edit of %s lost: note %q", id, a.Note)
			}
		case "del":
			if a.Deleted.IsZero() {
				t.Errorf("acknowledged deletion of %s lost", id)
			}
		}
	}
	t.Logf("50 SIGKILLs, %d acknowledged changes to %d annotations, all present", totalAcks, len(state))
}

// runAndKill starts the child, kills it after n acknowledgements and
// returns every acknowledgement it printed (including those still in the
// pipe when it died).
func runAndKill(t *testing.T, path, tag string, n int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashTagEnv+"="+tag)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	kill := func() {
		if !killed {
			cmd.Process.Kill()
			killed = true
		}
	}
	defer kill()
	if n == 0 {
		kill()
	}
	var acks []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		acks = append(acks, sc.Text())
		if len(acks) == n {
			kill()
		}
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("child %s exited by itself (%v): %s", tag, err, stderr.String())
	}
	return acks
}
