package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"appraise.app/appraise/ui"
)

// runCLI runs appraise with args and returns exit code, stdout and stderr.
func runCLI(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageMistakesExitTwoWithUsageOnStderr(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown global flag", []string{"--colour", "x"}, "flag provided but not defined"},
		{"help for unknown command", []string{"help", "nope"}, `unknown command "nope"`},
		{"version with arguments", []string{"version", "extra"}, "version takes no arguments"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, c.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if out != "" {
				t.Errorf("stdout should be empty, got %q", out)
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "usage:") {
				t.Errorf("stderr %q lacks %q and usage", errOut, c.want)
			}
		})
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, "help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
	}
	code, out, _ = runCLI(t, "help", "annotate")
	if code != 0 || !strings.Contains(out, "--quote") {
		t.Errorf("help annotate: exit %d, %q", code, out)
	}
}

func TestVersionPrintsAppAndExtractorVersions(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !regexp.MustCompile(`(?m)^appraise \d+\.\d+\.\d+`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^extractor \S+`).MatchString(out) {
		t.Errorf("version output %q", out)
	}
}

func TestCodeAgreesWithFyneAppToml(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ key, inCode string }{
		{"Version", version},
		{"ID", ui.AppID},
	} {
		m := regexp.MustCompile(`(?m)^` + c.key + ` = "([^"]+)"`).FindSubmatch(toml)
		if m == nil {
			t.Errorf("FyneApp.toml has no %s", c.key)
			continue
		}
		if string(m[1]) != c.inCode {
			t.Errorf("%s in code %q differs from FyneApp.toml %q", c.key, c.inCode, m[1])
		}
	}
}

func TestLibraryPathInMissingOrUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	notDir := filepath.Join(dir, "file")
	os.WriteFile(notDir, []byte("x"), 0o600)
	cases := []struct {
		name, db, want string
	}{
		{"missing folder", filepath.Join(dir, "nope", "lib.db"), "does not exist"},
		{"parent is a file", filepath.Join(notDir, "lib.db"), "is not a folder"},
		{"unwritable folder", filepath.Join(readOnly, "lib.db"), "is not writable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := c.db
			if c.name == "unwritable folder" && os.Geteuid() == 0 {
				// Root ignores permission bits; /proc refuses new files even to root.
				if _, err := os.Stat("/proc/self"); err != nil {
					t.Skip("root can write anywhere here and there is no /proc")
				}
				db = "/proc/lib.db"
			}
			e := &env{getenv: func(string) string { return "" }, dbPath: db}
			_, err := e.libraryPath()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
			if strings.Count(err.Error(), ".") > 1 || strings.Contains(err.Error(), "\n") {
				t.Errorf("want one sentence, got %q", err)
			}
			if exitCode(err) != exitError {
				t.Errorf("exit code %d, want %d", exitCode(err), exitError)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("something was created: %v", entries)
	}
}

func TestDBFlagOverridesEnvironment(t *testing.T) {
	e := &env{getenv: func(k string) string {
		if k == "APPRAISE_DB" {
			return "/from/env.db"
		}
		return ""
	}}
	if _, err := e.parseGlobal([]string{"--db", "/from/flag.db", "list"}); err != nil {
		t.Fatal(err)
	}
	if e.dbPath != "/from/flag.db" {
		t.Errorf("dbPath = %q", e.dbPath)
	}
	e.dbPath = ""
	rest, _ := e.parseGlobal([]string{"list", "papers"})
	if e.dbPath != "/from/env.db" || len(rest) != 2 {
		t.Errorf("dbPath = %q, rest = %v", e.dbPath, rest)
	}
}
