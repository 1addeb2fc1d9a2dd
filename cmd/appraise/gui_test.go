package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// appraiseProcess runs this test binary as the appraise command, with env
// on top of a copy of the test's environment without a display, and
// returns its exit code, stdout and stderr.
func appraiseProcess(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "DISPLAY" && k != "WAYLAND_DISPLAY" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(append(cmd.Env, "APPRAISE_TEST_RUN_MAIN=1"), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// sandboxHome points the user folders at an empty temporary folder and
// returns it.
func sandboxHome(t *testing.T) (home string, env []string) {
	home = t.TempDir()
	return home, []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "XDG_RUNTIME_DIR=", "APPRAISE_DB="}
}

func TestGUIWithoutADisplaySaysSoAndExitsOne(t *testing.T) {
	if err := needDisplay("linux", func(string) string { return "" }); err == nil {
		t.Skip("not a system whose GUI needs DISPLAY")
	}
	for _, args := range [][]string{nil, {"paper.pdf"}} {
		home, env := sandboxHome(t)
		code, out, errOut := appraiseProcess(t, env, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		if want := "Appraise needs a graphical display; for the command line, see appraise help\n"; errOut != want {
			t.Errorf("%v: stderr %q, want %q", args, errOut, want)
		}
		assertNoTrace(t, errOut)
		if out != "" {
			t.Errorf("%v: stdout %q", args, out)
		}
		if entries, _ := os.ReadDir(home); len(entries) != 0 {
			t.Errorf("%v: starting without a display created %v", args, entries)
		}
	}
}

func TestNeedDisplay(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		name   string
		goos   string
		getenv func(string) string
		ok     bool
	}{
		{"linux over SSH without X forwarding", "linux", env(), false},
		{"linux with X11", "linux", env("DISPLAY", ":0"), true},
		{"linux with Wayland only", "linux", env("WAYLAND_DISPLAY", "wayland-0"), true},
		{"freebsd without a display", "freebsd", env(), false},
		{"macOS needs no DISPLAY", "darwin", env(), true},
		{"Windows needs no DISPLAY", "windows", env(), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := needDisplay(c.goos, c.getenv); (err == nil) != c.ok {
				t.Errorf("needDisplay = %v, want ok %v", err, c.ok)
			}
		})
	}
}

func TestCommandHelpPrintsItsUsageAndExitsZero(t *testing.T) {
	for _, c := range commands() {
		for _, flag := range []string{"--help", "-h", "-help"} {
			code, out, errOut := runCLI(t, c.name, flag)
			if code != 0 || errOut != "" {
				t.Errorf("%s %s: exit %d, stderr %q", c.name, flag, code, errOut)
			}
			if !strings.HasPrefix(out, "appraise "+c.usage+"\n") {
				t.Errorf("%s %s: stdout %q, want its usage", c.name, flag, out)
			}
		}
	}
	code, out, errOut := runCLI(t, "export", "--paper", "x", "--help")
	if code != 0 || errOut != "" || !strings.Contains(out, "--format") {
		t.Errorf("help after other flags: exit %d, %q, %q", code, out, errOut)
	}
	for _, flag := range []string{"--help", "-h"} {
		code, out, errOut := runCLI(t, flag)
		if code != 0 || errOut != "" || !strings.Contains(out, "commands:") {
			t.Errorf("appraise %s: exit %d, stdout %q, stderr %q", flag, code, out, errOut)
		}
	}
}

func TestReadOnlyCommandsNeverCreateTheLibraryFolder(t *testing.T) {
	pdf := writePDF(t, "paper.pdf", []byte("%PDF-1.4 not really"))
	home, env := sandboxHome(t)
	for _, args := range [][]string{{"extract", pdf}, {"version"}, {"help"}, {"help", "export"}, {"extract", "--help"}, {"list", "-h"}} {
		appraiseProcess(t, env, args...)
		if _, err := os.Stat(filepath.Join(home, "config", "Appraise")); err == nil {
			t.Fatalf("appraise %s created the library folder", strings.Join(args, " "))
		}
	}
}
