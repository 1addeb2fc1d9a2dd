package pdfextract

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// testExtractEnv picks, in a child started by a test, the extraction the
// child runs: "" is the real ExtractBytes; the others are stand-ins that
// prove the guards without depending on the parser.
const testExtractEnv = "APPRAISE_TEST_EXTRACT"

// TestMain lets this test binary serve as the extraction child, as the
// appraise binary does from main.
func TestMain(m *testing.M) {
	if code, ok := runChild(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, testExtraction(os.Getenv(testExtractEnv))); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// testExtraction returns the child's extraction for a stand-in name.
func testExtraction(name string) extractFunc {
	mode, arg, _ := strings.Cut(name, ":")
	switch mode {
	case "":
		return func(data []byte, password string) (appraise.Document, error) {
			return ExtractBytes(data, Options{Password: password})
		}
	case "echo": // the bytes back as text, the password as the title
		return func(data []byte, password string) (appraise.Document, error) {
			return appraise.Document{ExtractorVersion: Version, Meta: appraise.Metadata{Title: password}, Text: string(data)}, nil
		}
	case "repeat": // a Document of arg MiB of text
		return func(data []byte, password string) (appraise.Document, error) {
			var n int
			fmt.Sscan(arg, &n)
			return appraise.Document{Text: strings.Repeat("x", n<<20)}, nil
		}
	case "typed": // appraise.ExtractionErrors()[arg], wrapped as the parser would
		return func(data []byte, password string) (appraise.Document, error) {
			i, err := strconv.Atoi(arg)
			if err != nil {
				return appraise.Document{}, err
			}
			return appraise.Document{}, fmt.Errorf("open: trailer: %w", appraise.ExtractionErrors()[i])
		}
	case "plain": // an error of no kind
		return func(data []byte, password string) (appraise.Document, error) {
			return appraise.Document{}, fmt.Errorf("something unforeseen")
		}
	case "sleep": // slow but finite: arg is a duration
		return func(data []byte, password string) (appraise.Document, error) {
			d, _ := time.ParseDuration(arg)
			time.Sleep(d)
			return appraise.Document{Text: "slow"}, nil
		}
	case "block": // hangs waiting for nothing
		return func(data []byte, password string) (appraise.Document, error) {
			select {}
		}
	case "spin": // hangs in a tight loop, as a parser caught in a cycle does
		return func(data []byte, password string) (appraise.Document, error) {
			n := 0
			for {
				n++
			}
		}
	case "eat": // keeps allocating and touching memory
		return func(data []byte, password string) (appraise.Document, error) {
			var keep [][]byte
			for {
				b := make([]byte, 1<<20)
				for i := 0; i < len(b); i += 4096 {
					b[i] = 1
				}
				keep = append(keep, b)
				if len(keep) == 1<<40 { // never: keeps keep alive for the compiler
					return appraise.Document{Text: string(keep[0])}, nil
				}
			}
		}
	case "bigalloc": // one allocation far over any cap
		return func(data []byte, password string) (appraise.Document, error) {
			b := make([]byte, 8<<30)
			b[len(b)-1] = 1
			return appraise.Document{Text: string(b[:1])}, nil
		}
	case "panic":
		return func(data []byte, password string) (appraise.Document, error) {
			panic("parser invariant broken")
		}
	case "gopanic": // a panic on another goroutine: nothing can recover it
		return func(data []byte, password string) (appraise.Document, error) {
			go func() { panic("parser invariant broken in a goroutine") }()
			select {}
		}
	case "recurse": // unbounded recursion, as on absurdly nested objects
		return func(data []byte, password string) (appraise.Document, error) {
			return appraise.Document{Text: fmt.Sprint(recurse(1))}, nil
		}
	case "sigkill": // dies as the kernel's OOM killer would kill it
		return func(data []byte, password string) (appraise.Document, error) {
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Kill()
			}
			select {}
		}
	case "grandchild": // starts a long-lived process of its own, then hangs
		return func(data []byte, password string) (appraise.Document, error) {
			cmd := exec.Command("sleep", "300")
			if err := cmd.Start(); err != nil {
				return appraise.Document{}, err
			}
			fmt.Fprintf(os.Stderr, "grandchild %d\n", cmd.Process.Pid)
			select {}
		}
	case "noise": // answers garbage
		return func(data []byte, password string) (appraise.Document, error) {
			fmt.Fprint(os.Stdout, "{not an answer")
			os.Exit(0)
			return appraise.Document{}, nil
		}
	}
	panic("unknown test extraction " + name)
}

//go:noinline
func recurse(n int) int {
	if n < 0 { // never: the recursion is meant to run away
		return 0
	}
	var pad [64]byte
	pad[n%64] = byte(n)
	return recurse(n+1) + int(pad[0])
}

// newTestIsolated returns an Isolated whose child (this test binary) runs
// the stand-in extraction named mode.
func newTestIsolated(tb testing.TB, mode string) *Isolated {
	tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		tb.Fatalf("find the test binary: %v", err)
	}
	// A race-enabled child otherwise sleeps a second at exit.
	return &Isolated{exe: exe, env: []string{testExtractEnv + "=" + mode, "GORACE=atexit_sleep_ms=0"}}
}

// requireLinux skips tests of Linux-only guards elsewhere.
func requireLinux(tb testing.TB) {
	tb.Helper()
	if runtime.GOOS != "linux" {
		tb.Skipf("this guard is Linux-only; on %s the wall-clock limit and the watchdog still apply", runtime.GOOS)
	}
}
