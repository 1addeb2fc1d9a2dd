package main

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/store"
)

// cliChildEnv carries the arguments of an appraise run in
// a child process (see TestMain), separated by U+001F.
const cliChildEnv = "APPRAISE_TEST_CLI_CHILD"

// unusableFiles makes one file of each kind appraise must refuse, before
// reading it, with a sentence and exit 3.
func unusableFiles(t *testing.T) map[string]struct{ path, want string } {
	t.Helper()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.pdf")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.pdf")
	os.Mkdir(folder, 0o700)
	huge := filepath.Join(dir, "huge.pdf")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	files := map[string]struct{ path, want string }{
		"a pipe":                   {fifo, appraise.ErrNotAFile.Error()},
		"a symlink to /dev/zero":   {zero, appraise.ErrNotAFile.Error()},
		"a folder":                 {folder, appraise.ErrNotAFile.Error()},
		"a 3 GiB sparse file":      {huge, appraise.ErrFileTooLarge.Error()},
		"a file that is not there": {filepath.Join(dir, "gone.pdf"), appraise.ErrNoSuchFile.Error()},
	}
	if os.Geteuid() != 0 { // root reads anything
		locked := filepath.Join(dir, "locked.pdf")
		os.WriteFile(locked, []byte("%PDF-1.4"), 0o000)
		files["an unreadable file"] = struct{ path, want string }{locked, appraise.ErrFileUnreadable.Error()}
	}
	return files
}

func TestUnusableFilesAreRefusedWithASentenceAndExitThree(t *testing.T) {
	db := newDB(t)
	mustCLI(t, db, "import", demoPDF)
	for name, f := range unusableFiles(t) {
		for _, args := range [][]string{
			{"extract", f.path},
			{"import", f.path},
			{"annotate", "--paper", f.path, "--quote", "x", "--tag", "claim"},
			{"list", "annotations", "--paper", f.path},
			{"export", "--paper", f.path, "--format", "md"},
		} {
			t.Run(name+"/"+args[0], func(t *testing.T) {
				code, out, errOut := cliLib(t, db, args...)
				if code != exitTyped || !strings.Contains(errOut, f.want) || out != "" {
					t.Errorf("exit %d, stdout %q, stderr %q; want exit %d with %q", code, out, errOut, exitTyped, f.want)
				}
				if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
					t.Errorf("more than one line: %q", errOut)
				}
				assertNoTrace(t, errOut)
			})
		}
	}
}

// TestCtrlCStopsHashingAndTheLibraryIsFreeMeanwhile imports a 1 GiB file
// (the most Appraise reads; sparse, so it costs no disk) in a child
// process. While it is being hashed another process can open the library:
// the import does not hold it. SIGINT then stops the hashing with a
// sentence and exit 3.
func TestCtrlCStopsHashingAndTheLibraryIsFreeMeanwhile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			db := newDB(t)
			big := filepath.Join(t.TempDir(), "big.pdf")
			f, err := os.Create(big)
			if err != nil {
				t.Fatal(err)
			}
			f.Truncate(appraise.MaxInputFileSize)
			f.Close()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "APPRAISE_TRACE=1", cliChildEnv+"="+strings.Join([]string{"--db", db, "import", big}, "\x1f"))
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			sc := bufio.NewScanner(stderr)
			if !sc.Scan() || !strings.HasPrefix(sc.Text(), "trace: hashing ") {
				t.Fatalf("the child did not start hashing: %q", sc.Text())
			}
			s, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatalf("the library is held while a PDF is hashed: %v", err)
			}
			s.Close()
			cmd.Process.Signal(sig)
			var rest []string
			for sc.Scan() {
				rest = append(rest, sc.Text())
			}
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitTyped {
				t.Fatalf("child ended with %v, want exit %d; stderr %q", err, exitTyped, rest)
			}
			if len(rest) != 1 || !strings.Contains(rest[0], appraise.ErrExtractionCancelled.Error()) {
				t.Errorf("stderr after the signal %q, want one sentence saying it was cancelled", rest)
			}
		})
	}
}

// TestTextOutputEscapesControlCharacters stores a note, an author and a
// tag description holding terminal escape sequences: the text output
// shows them as escapes, never as raw control characters.
func TestTextOutputEscapesControlCharacters(t *testing.T) {
	db := newDB(t)
	id := strings.TrimSpace(mustCLI(t, db, "import", demoPDF))
	evil := "\x1b]0;owned\x07\x1b[2J\x1b[31mred\u009b0m\u202e"
	mustCLI(t, db, "tags", "add", "risky", "--description", "desc "+evil)
	mustCLI(t, db, "annotate", "--paper", id, "--quote", "postpartum depression", "--occurrence", "1",
		"--tag", "risky", "--note", "note "+evil, "--author", "ana "+evil)
	for _, args := range [][]string{{"list", "annotations", "--paper", id}, {"tags"}, {"list", "papers"}} {
		out := mustCLI(t, db, args...)
		for _, r := range out {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x202e {
				t.Fatalf("%s prints %U raw:\n%q", args, r, out)
			}
		}
		if args[0] != "list" || args[1] != "papers" {
			if !strings.Contains(out, `\x1b]0;owned\x07\x1b[2J\x1b[31mred\u009b0m\u202e`) {
				t.Errorf("%s does not show the escapes as text:\n%s", args, out)
			}
		}
	}
}
