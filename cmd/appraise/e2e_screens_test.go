//go:build e2e

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// screenshot writes the settled screen as a 256-colour PNG.
func (x *xserver) screenshot(t *testing.T, path string) {
	t.Helper()
	full := x.settled(t)
	tmp := path + ".full.png"
	if err := os.WriteFile(tmp, full, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(tmp)
	cmd := exec.Command("convert", tmp, "-colors", "256", "-strip", "png8:"+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("convert: %v: %s", err, out)
	}
}

// TestScreenshots writes the README's screenshots: the library, the reader
// with all three tag colours and the annotations panel, and an error
// dialog, in light and dark, at 1280×800 and 1024×640.
func TestScreenshots(t *testing.T) {
	bin := e2eBin(t)
	out := os.Getenv("APPRAISE_SCREENSHOTS")
	if out == "" {
		t.Skip("APPRAISE_SCREENSHOTS is not set: name a folder to write the screenshots to")
	}
	root := moduleRoot(t)
	corpus := os.Getenv("APPRAISE_CORPUS")
	for _, theme := range []string{"light", "dark"} {
		for _, size := range [][2]int{{1280, 800}, {1024, 640}} {
			name := fmt.Sprintf("%s-%dx%d", theme, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				x := startX(t, size[0], size[1])
				sb := newSandbox(t, map[string]any{"author": "Dr M. Ostrowski", "author_asked": true, "theme": theme,
					"window_width": float64(size[0]), "window_height": float64(size[1])})
				if corpus != "" {
					for _, p := range []string{"frontiers-psychiatry-fpsyt-10-00097.pdf", "bmc-healthservres-2014-14-1.pdf", "hindawi-rehabresprac-2010-157939.pdf"} {
						sb.cli(t, bin, root, "import", filepath.Join(corpus, "pdfs", p))
					}
				}
				// Three tags on the first screen of the demo paper; the last
				// sentence carries two, to show stacked stripes.
				const twoTags = "Data were obtained by retrospective review of the clinical records."
				for _, a := range [][3]string{
					{"population", "We describe three women aged 24–36 years with moderate postpartum depression", "Three women, one clinic: a narrow population."},
					{"claim", "All three patients showed a reduction of at least 50% in their Edinburgh Postnatal Depression Scale score by week 12", ""},
					{"limitation", twoTags, "Retrospective records: outcomes were not measured the same way for everyone."},
				} {
					args := []string{"annotate", "--paper", "assets/demo.pdf", "--quote", a[1], "--tag", a[0], "--author", "Dr M. Ostrowski"}
					if a[0] == "limitation" {
						args = append(args, "--tag", "population")
					}
					if a[2] != "" {
						args = append(args, "--note", a[2])
					}
					sb.cli(t, bin, root, args...)
				}
				app := sb.startApp(t, x, bin, root, "assets/demo.pdf")
				id, _, _, _, _ := x.window(t, app, "^Appraise .")
				x.must(t, "windowfocus", "--sync", id)
				x.must(t, "mousemove", "--sync", "1", "1")
				x.settled(t)
				// Select the two-tag annotation with find in paper, so the
				// tag bar and the annotation editor show it.
				x.must(t, "key", "slash")
				x.must(t, "type", "--delay", "10", twoTags)
				x.must(t, "key", "Escape")
				x.screenshot(t, filepath.Join(out, "appraise-"+name+".png"))
				t.Logf("app said:\n%s", app.stderr.String())
				x.must(t, "key", "ctrl+q")
				app.waitExit(t, 20*time.Second)

				if size[0] != 1280 {
					return
				}
				bad := filepath.Join(sb.dir, "scanned-letter.pdf")
				if err := os.WriteFile(bad, []byte("This is a scanned letter, saved as text by mistake.\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				app = sb.startApp(t, x, bin, root, bad)
				x.window(t, app, "^Appraise$")
				x.screenshot(t, filepath.Join(out, "appraise-error-"+theme+".png"))
				x.must(t, "key", "ctrl+q")
				app.waitExit(t, 20*time.Second)
			})
		}
	}
}

// textIn reports whether the screen region w×h+x+y shows more than a flat
// background: some text is drawn there.
func (x *xserver) textIn(t *testing.T, rx, ry, rw, rh int) bool {
	t.Helper()
	cmd := exec.Command("import", "-window", "root", "-crop", fmt.Sprintf("%dx%d+%d+%d", rw, rh, rx, ry), "-format", "%k", "info:")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return n > 8
}

// traceLines returns the app's trace lines containing key.
func (a *running) traceLines(key string) []string {
	var out []string
	for _, l := range strings.Split(a.stderr.String(), "\n") {
		if strings.Contains(l, key) {
			out = append(out, strings.TrimPrefix(l, "trace: "))
		}
	}
	return out
}

// TestMeasure measures, in the real app under Xvfb, the numbers issue 5
// asks for on the 30-page corpus paper: time from choosing it (File → Open
// Recent) to its first text on screen, frame time while scrolling it,
// keypress-to-"Saved" latency and memory with it open. It needs
// APPRAISE_CORPUS and APPRAISE_MEASURE=1, and logs what it measured.
func TestMeasure(t *testing.T) {
	bin := e2eBin(t)
	corpus := os.Getenv("APPRAISE_CORPUS")
	if corpus == "" || os.Getenv("APPRAISE_MEASURE") == "" {
		t.Skip("set APPRAISE_CORPUS and APPRAISE_MEASURE=1 to measure the GUI on the 30-page corpus paper")
	}
	paper := filepath.Join(corpus, "pdfs", "biorxiv-2024.05.13.593936.pdf")
	root := moduleRoot(t)
	x := startX(t, 1280, 800)
	sb := newSandbox(t, map[string]any{"author": "Measure", "author_asked": true,
		"window_width": 1280.0, "window_height": 800.0, "recent_files": []string{paper}})
	app := sb.startApp(t, x, bin, root)
	_, gx, gy, _, _ := x.window(t, app, "^Appraise$")
	x.settled(t)

	// Choose the paper: File → Open Recent → first file.
	x.must(t, "mousemove", "--sync", strconv.Itoa(gx+27), strconv.Itoa(gy+14))
	x.must(t, "click", "1")
	for _, k := range []string{"Down", "Down", "Right"} {
		x.must(t, "key", k)
	}
	x.settled(t)
	chose := time.Now()
	x.must(t, "key", "Return")
	// The paper's first lines fill the top of the reader, below where the
	// Open Recent submenu was (it could still be on screen).
	waitFor(t, "the paper's first text on screen", 30*time.Second, func() bool { return x.textIn(t, gx+330, gy+170, 500, 60) })
	onScreen := time.Since(chose)
	x.settled(t)
	t.Logf("first text on screen %d ms after choosing the file (trace: %s; %s)", onScreen.Milliseconds(),
		strings.Join(app.traceLines("first text"), "; "), strings.Join(app.traceLines("opened"), "; "))
	t.Logf("memory with the paper open: %s", procMemory(app.cmd.Process.Pid))
	t.Logf("%s", strings.Join(app.traceLines("memory"), "; "))

	// Scroll with the wheel: 150 steps, one every 15 ms.
	before := len(app.traceLines("ui loop wait"))
	x.must(t, "mousemove", "--sync", strconv.Itoa(gx+600), strconv.Itoa(gy+400))
	x.must(t, "click", "--repeat", "150", "--delay", "15", "5")
	x.settled(t)
	for _, l := range app.traceLines("ui loop wait")[before:] {
		t.Logf("while scrolling: %s", l)
	}

	// Tag and untag a sentence six times.
	x.must(t, "click", "1")
	x.settled(t)
	for range 6 {
		x.must(t, "key", "l")
		x.settled(t)
	}
	for _, l := range app.traceLines("edit to Saved") {
		t.Logf("keypress to Saved: %s", l)
	}
	x.must(t, "key", "ctrl+q")
	app.waitExit(t, 20*time.Second)
}
