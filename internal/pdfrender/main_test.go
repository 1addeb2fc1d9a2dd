package pdfrender

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testHookEnv picks, in a worker started by a test, a stand-in that runs
// before the engine sees a request: "" none, "hang" blocks every render,
// "panic" panics on every render, "eat" allocates until the watchdog fires.
const testHookEnv = "APPRAISE_TEST_RENDER_HOOK"

// TestMain lets this test binary serve as the render worker, as the
// appraise binary does from main.
func TestMain(m *testing.M) {
	if code, ok := runWorker(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, testHook(os.Getenv(testHookEnv))); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

var sink [][]byte

func testHook(mode string) hook {
	switch mode {
	case "hang":
		return func(req *request) {
			if req.Op == opRender {
				select {}
			}
		}
	case "panic":
		return func(req *request) {
			if req.Op == opRender {
				panic("stand-in renderer panic")
			}
		}
	case "eat":
		return func(req *request) {
			if req.Op == opRender {
				for {
					b := make([]byte, 16<<20)
					for i := range b {
						b[i] = 1
					}
					sink = append(sink, b)
				}
			}
		}
	}
	return nil
}

// sharedCache is one compilation cache for the package's tests, so only
// the first worker compiles the module from scratch.
var sharedCache = filepath.Join(os.TempDir(), "appraise-pdfrender-test-cache")

// newTestIsolated is an Isolated whose worker is this test binary, with
// the stand-in mode ("" for the real engine), stopped at the test's end.
func newTestIsolated(tb testing.TB, mode string) *Isolated {
	tb.Helper()
	x := NewIsolated(sharedCache)
	if mode != "" {
		x.env = []string{testHookEnv + "=" + mode}
	}
	tb.Cleanup(func() { _ = x.Close() })
	return x
}

// demoPDF is the demo paper shipped in assets.
func demoPDF(tb testing.TB) string {
	tb.Helper()
	p, err := filepath.Abs("../../assets/demo.pdf")
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

var _ = time.Second
