//go:build e2e

// The real-window tests: they start Xvfb, run the built app (cgo, GLFW) on
// it, drive it with xdotool and check the library with the CLI. Run them
// with `make e2e`, which builds bin/appraise and sets APPRAISE_E2E_BIN.
// TestScreenshots also needs APPRAISE_SCREENSHOTS (a folder to write PNGs
// to) and ImageMagick's import.

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// e2eBin returns the app binary, or skips when it was not built.
func e2eBin(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("APPRAISE_E2E_BIN")
	if bin == "" {
		t.Skip("APPRAISE_E2E_BIN is not set: run `make e2e`, which builds bin/appraise with cgo and runs this test")
	}
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the real-window test (make test-deps installs it): %v", tool, err)
		}
	}
	return bin
}

// moduleRoot is where assets/demo.pdf is.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "assets", "demo.pdf")); err != nil {
		t.Fatalf("the demo paper is missing: %v", err)
	}
	return root
}

// xserver is an Xvfb on a display it chose itself.
type xserver struct {
	display string
	w, h    int
}

// startX starts Xvfb at w×h. Xvfb picks a free display and writes its
// number to -displayfd once it accepts connections, so nothing is guessed
// and nothing waits on a timer.
func startX(t *testing.T, w, h int) *xserver {
	t.Helper()
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	wr.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not report a display (%q): %s", n, stderr.String())
		}
		return &xserver{display: ":" + n, w: w, h: h}
	case <-time.After(20 * time.Second):
		t.Fatalf("Xvfb did not start within 20 s: %s", stderr.String())
	}
	return nil
}

// xdotool runs xdotool on the server.
func (x *xserver) xdotool(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func (x *xserver) must(t *testing.T, args ...string) string {
	t.Helper()
	out, err := x.xdotool(args...)
	if err != nil {
		t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return out
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", limit, what)
		}
		<-tick.C
	}
}

// sandbox is a private home for one run: library file, Fyne preferences
// and caches, so a run never touches the user's own.
type sandbox struct {
	dir, db string
	env     []string
}

func newSandbox(t *testing.T, prefs map[string]any) *sandbox {
	t.Helper()
	dir := t.TempDir()
	s := &sandbox{dir: dir, db: filepath.Join(dir, "library.db")}
	cfg := filepath.Join(dir, "config")
	prefDir := filepath.Join(cfg, "fyne", "app.appraise.desktop")
	if err := os.MkdirAll(prefDir, 0o700); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(prefs)
	if err := os.WriteFile(filepath.Join(prefDir, "preferences.json"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	run := filepath.Join(dir, "run") // the single-window socket's folder
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	s.env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+cfg, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_RUNTIME_DIR="+run, "APPRAISE_DB=", "LANG=en_US.UTF-8")
	return s
}

// cli runs a CLI command against the sandbox's library.
func (s *sandbox) cli(t *testing.T, bin, root string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"--db", s.db}, args...)...)
	cmd.Dir = root
	cmd.Env = s.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("appraise %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// running is the app under test.
type running struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan error
}

// startApp starts the GUI on x and cleans it up after the test.
func (s *sandbox) startApp(t *testing.T, x *xserver, bin, root string, args ...string) *running {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", s.db}, args...)...)
	cmd.Dir = root
	cmd.Env = append(s.env, "DISPLAY="+x.display, "APPRAISE_TRACE=1")
	a := &running{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = a.stderr, a.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	go func() { a.done <- cmd.Wait() }()
	t.Cleanup(func() {
		select {
		case <-a.done:
		default:
			cmd.Process.Kill()
			<-a.done
		}
	})
	return a
}

// waitExit waits for the app to quit by itself.
func (a *running) waitExit(t *testing.T, limit time.Duration) {
	t.Helper()
	select {
	case err := <-a.done:
		a.done <- err
		if err != nil {
			t.Fatalf("the app exited with %v:\n%s", err, a.stderr.String())
		}
	case <-time.After(limit):
		t.Fatalf("the app did not quit within %v:\n%s", limit, a.stderr.String())
	}
}

// window waits for a window whose name matches title (a regular
// expression) and returns its id and geometry. xdotool matches WM_NAME,
// where Fyne's title loses its em dash ("Appraise — Paper" reads
// "Appraise  Paper"), so patterns avoid it.
func (x *xserver) window(t *testing.T, a *running, title string) (id string, gx, gy, gw, gh int) {
	t.Helper()
	waitFor(t, "the window "+title, 45*time.Second, func() bool {
		select {
		case err := <-a.done:
			a.done <- err
			t.Fatalf("the app exited before its window appeared (%v):\n%s", err, a.stderr.String())
		default:
		}
		out, err := x.xdotool("search", "--onlyvisible", "--name", title)
		if err != nil || out == "" {
			return false
		}
		id = strings.Fields(out)[0]
		return true
	})
	geo := x.must(t, "getwindowgeometry", "--shell", id)
	vals := map[string]int{}
	for _, line := range strings.Split(geo, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			vals[k], _ = strconv.Atoi(v)
		}
	}
	return id, vals["X"], vals["Y"], vals["WIDTH"], vals["HEIGHT"]
}

func TestEndToEnd(t *testing.T) {
	bin := e2eBin(t)
	root := moduleRoot(t)
	start := time.Now()
	x := startX(t, 1280, 800)
	sb := newSandbox(t, map[string]any{"author": "E2E Tester", "author_asked": true,
		"window_width": 1280.0, "window_height": 800.0})
	app := sb.startApp(t, x, bin, root, "assets/demo.pdf")
	id, gx, gy, gw, gh := x.window(t, app, "^Appraise .")
	x.must(t, "windowfocus", "--sync", id)

	// Click a sentence in the reader (the middle column). Two clicks a few
	// pixels apart: if the first lands in the gap between two paragraphs
	// the second lands on text, and the last sentence clicked is selected.
	cx := gx + int(float64(gw)*(0.21+0.79*0.68*0.45))
	cy := gy + int(float64(gh)*0.42)
	for _, dy := range []int{0, 7} {
		x.must(t, "mousemove", "--sync", strconv.Itoa(cx), strconv.Itoa(cy+dy))
		x.must(t, "click", "1")
	}
	const note = "E2E note: three patients, no control group"
	// Each key is sent once the screen shows what the previous one did, so
	// no keystroke reaches the app before the state it is meant for: the
	// note is typed only after the note editor is on screen.
	before := x.settled(t)
	x.must(t, "key", "l")
	before = x.changedFrom(t, before, true) // the highlight and "Saved"
	x.must(t, "key", "n")
	x.changedFrom(t, before, false) // the note editor
	x.must(t, "type", "--delay", "15", note)
	x.must(t, "key", "ctrl+Return")
	x.must(t, "key", "ctrl+q")
	app.waitExit(t, 20*time.Second)

	out := sb.cli(t, bin, root, "list", "annotations", "--paper", "assets/demo.pdf")
	if !strings.Contains(out, note) {
		t.Fatalf("the note typed in the GUI is not in the library:\n%s\napp output:\n%s", out, app.stderr.String())
	}
	if !strings.Contains(out, "limitation") {
		t.Errorf("the annotation is not tagged limitation:\n%s", out)
	}
	if !strings.Contains(out, "E2E Tester") {
		t.Errorf("the annotation does not carry the author name from Preferences:\n%s", out)
	}
	if strings.Contains(app.stderr.String(), "panic") {
		t.Errorf("the app panicked:\n%s", app.stderr.String())
	}
	t.Logf("stored:\n%s", out)
	t.Logf("end-to-end run took %v", time.Since(start).Round(time.Millisecond))
}

// capture grabs the screen as PNG bytes.
func (x *xserver) capture(t *testing.T) []byte {
	t.Helper()
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("import (ImageMagick) is needed to watch the screen: %v", err)
	}
	return b
}

// settled waits until the screen has not changed for a second and a half,
// and returns it. Under Xvfb the GL painting is software and a frame with
// much new text can take a second to appear, so two equal captures in a
// row are not proof that the app is done drawing.
func (x *xserver) settled(t *testing.T) []byte {
	t.Helper()
	const quiet = 1500 * time.Millisecond
	var last []byte
	changed := time.Now()
	waitFor(t, "the screen to settle", 30*time.Second, func() bool {
		b := x.capture(t)
		if !bytes.Equal(b, last) {
			last, changed = b, time.Now()
			return false
		}
		return time.Since(changed) >= quiet
	})
	return last
}

// changedFrom waits until the screen differs from before and then, with
// settle, until it stops changing. A blinking text cursor never stops, so
// without settle two differing captures in a row are enough.
func (x *xserver) changedFrom(t *testing.T, before []byte, settle bool) []byte {
	t.Helper()
	var last []byte
	waitFor(t, "the screen to change", 20*time.Second, func() bool {
		b := x.capture(t)
		if bytes.Equal(b, before) {
			last = nil
			return false
		}
		ok := last != nil && (!settle || bytes.Equal(b, last))
		last = b
		return ok
	})
	return last
}
