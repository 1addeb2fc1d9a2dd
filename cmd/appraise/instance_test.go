package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSecondAppraiseRaisesTheFirstAndHandsItsPDF(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "lib.sock")
	first, handedOver, err := claim(sock, "")
	if err != nil || handedOver {
		t.Fatalf("first claim: %v, handedOver %v", err, handedOver)
	}
	defer first.close()
	st, err := os.Stat(sock)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o600 {
		t.Errorf("socket permissions %v, want owner-only 0600", perm)
	}
	for _, pdf := range []string{"", "/papers/second.pdf"} {
		second, handedOver, err := claim(sock, pdf)
		if err != nil || !handedOver || second != nil {
			t.Fatalf("second claim %q: %v, handedOver %v", pdf, err, handedOver)
		}
		if got := <-first.raise; got != pdf {
			t.Errorf("the first Appraise was asked to open %q, want %q", got, pdf)
		}
	}
}

func TestAStaleSocketIsReplaced(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "lib.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // as after a crash: the file stays, nobody listens
	if _, err := os.Stat(sock); err != nil {
		t.Fatal("the stale socket file should still be there")
	}
	inst, handedOver, err := claim(sock, "")
	if err != nil || handedOver {
		t.Fatalf("claim over a stale socket: %v, handedOver %v", err, handedOver)
	}
	inst.close()
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("the socket is left behind after close: %v", err)
	}
}

func TestAStrangerOnTheSocketRaisesNothing(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "lib.sock")
	inst, _, err := claim(sock, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("GET / HTTP/1.0\n"))
	var reply bytes.Buffer
	reply.ReadFrom(c) // returns when the first Appraise closes the connection
	c.Close()
	if reply.Len() != 0 {
		t.Errorf("answered a stranger with %q", reply.String())
	}
	inst.close()
	if _, ok := <-inst.raise; ok {
		t.Error("a request that was not one raised the window")
	}
}

func TestSocketFolder(t *testing.T) {
	runtimeDir := t.TempDir()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	p, err := socketPath(env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir}), "/home/a/lib.db")
	if err != nil || filepath.Dir(p) != runtimeDir {
		t.Fatalf("with XDG_RUNTIME_DIR: %q, %v", p, err)
	}
	other, _ := socketPath(env(map[string]string{"XDG_RUNTIME_DIR": runtimeDir}), "/home/a/other.db")
	if other == p {
		t.Error("two libraries share a socket")
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	p, err = socketPath(env(nil), "/home/a/lib.db")
	if err != nil || !strings.HasPrefix(p, cache) {
		t.Fatalf("without XDG_RUNTIME_DIR: %q, %v", p, err)
	}
	st, err := os.Stat(filepath.Dir(p))
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("fallback socket folder %v, %v: want 0700", st.Mode(), err)
	}
}

func TestGUIOnALibraryAlreadyOpenHandsOverAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"DISPLAY": ":99", "XDG_RUNTIME_DIR": dir}
	var stderr bytes.Buffer
	e := &env{stderr: &stderr, stdout: &bytes.Buffer{}, getenv: func(k string) string { return vars[k] }, dbPath: filepath.Join(dir, "lib.db")}
	first, _, err := claimLibrary(e.getenv, e.dbPath, "")
	if err != nil {
		t.Fatal(err)
	}
	defer first.close()
	pdf := filepath.Join(dir, "paper.pdf")
	if err := e.runGUI([]string{pdf}); err != nil {
		t.Fatalf("second GUI: %v", err)
	}
	if got := stderr.String(); got != alreadyOpen+"\n" {
		t.Errorf("stderr %q, want %q", got, alreadyOpen)
	}
	if got := <-first.raise; got != pdf {
		t.Errorf("first Appraise asked to open %q, want %q", got, pdf)
	}
	if _, err := os.Stat(filepath.Join(dir, "lib.db")); err == nil {
		t.Error("the second Appraise opened the library file")
	}
}

func TestNoRuntimeFolderMeansNoSocketNotNoApp(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone")
	_, _, err := claimLibrary(func(k string) string {
		if k == "XDG_RUNTIME_DIR" {
			return missing
		}
		return ""
	}, "/home/a/lib.db", "")
	if err == nil {
		t.Fatal("listening in a missing folder succeeded")
	}
}
