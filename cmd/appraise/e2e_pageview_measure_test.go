//go:build e2e

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMeasurePageView measures, in the real app under Xvfb, what the page
// view issue asks for on a 48-page paper (two corpus papers joined by
// qpdf: 30 + 18 pages): the first page's time after v, render times,
// the UI loop's wait while wheel-scrolling the pages, and the peak memory
// of the app and of the render worker after paging through every page.
// It needs APPRAISE_CORPUS and APPRAISE_MEASURE=1, and logs what it
// measured.
func TestMeasurePageView(t *testing.T) {
	bin := e2eBin(t)
	corpus := os.Getenv("APPRAISE_CORPUS")
	if corpus == "" || os.Getenv("APPRAISE_MEASURE") == "" {
		t.Skip("set APPRAISE_CORPUS and APPRAISE_MEASURE=1 to measure the page view on a 48-page paper")
	}
	paper := filepath.Join(t.TempDir(), "joined-48-pages.pdf")
	join := exec.Command("qpdf", "--empty", "--pages",
		filepath.Join(corpus, "pdfs", "biorxiv-2024.05.13.593936.pdf"),
		filepath.Join(corpus, "pdfs", "biorxiv-2023.12.13.571462.pdf"), "--", paper)
	if out, err := join.CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	root := moduleRoot(t)
	x := startX(t, 1280, 800)
	sb := newSandbox(t, map[string]any{"author": "Measure", "author_asked": true,
		"window_width": 1280.0, "window_height": 800.0})
	// The first run compiles PDFium into the sandbox's empty cache; the
	// second starts from that cache, as every later start does.
	for _, run := range []string{"cold cache", "warm cache"} {
		t.Logf("— %s —", run)
		measurePageView(t, sb, x, bin, root, paper)
	}
}

func measurePageView(t *testing.T, sb *sandbox, x *xserver, bin, root, paper string) {
	app := sb.startApp(t, x, bin, root, paper)
	id, gx, gy, _, _ := x.window(t, app, "^Appraise .")
	x.must(t, "windowfocus", "--sync", id)
	waitFor(t, "the paper's text", 60*time.Second, func() bool { return x.textIn(t, gx+330, gy+170, 500, 60) })
	x.settled(t)

	x.must(t, "mousemove", "--sync", strconv.Itoa(gx+640), strconv.Itoa(gy+400))
	x.must(t, "key", "v")
	waitFor(t, "the first page", 60*time.Second, func() bool { return len(app.traceLines("page view: first page")) > 0 })
	x.settled(t)
	t.Logf("%s", strings.Join(app.traceLines("page view: first page"), "; "))

	for range 47 {
		x.must(t, "key", "Next")
		time.Sleep(120 * time.Millisecond)
	}
	x.settled(t)
	renders := app.traceLines("page view: page ")
	var ms []int
	for _, l := range renders {
		if i := strings.Index(l, " in "); i >= 0 {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(l[i+4:]), " ms"))
			ms = append(ms, n)
		}
	}
	t.Logf("%d page renders while paging through 48 pages: %s", len(ms), summary(ms))

	before := len(app.traceLines("ui loop wait"))
	x.must(t, "key", "Home")
	x.settled(t)
	x.must(t, "click", "--repeat", "200", "--delay", "15", "5")
	x.settled(t)
	for _, l := range app.traceLines("ui loop wait")[before:] {
		t.Logf("while wheel-scrolling the pages: %s", l)
	}
	t.Logf("app: %s", procMemory(app.cmd.Process.Pid))
	for _, pid := range childrenOf(app.cmd.Process.Pid) {
		t.Logf("child %d: %s", pid, procMemory(pid))
	}
	x.must(t, "key", "ctrl+q")
	app.waitExit(t, 20*time.Second)
	x.settled(t)
}

// summary is "median M ms, p90 P ms, max X ms" of ms.
func summary(ms []int) string {
	if len(ms) == 0 {
		return "none"
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	at := func(q float64) int { return s[int(q*float64(len(s)-1))] }
	return fmt.Sprintf("median %d ms, p90 %d ms, max %d ms", at(0.5), at(0.9), s[len(s)-1])
}

// procMemory is a process's current and peak resident memory.
func procMemory(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err.Error()
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS") || strings.HasPrefix(l, "VmHWM") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, ", ")
}

// childrenOf lists the processes whose parent is pid.
func childrenOf(pid int) []int {
	var out []int
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		n, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", n))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		rest := string(b)
		if i := strings.LastIndexByte(rest, ')'); i >= 0 {
			rest = rest[i+1:]
		}
		f := strings.Fields(rest)
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			out = append(out, n)
		}
	}
	return out
}
