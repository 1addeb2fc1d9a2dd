package pdfextract

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
)

// ChildName is the file name of the lean extraction binary
// (cmd/appraise-extract) that the app looks for beside itself.
func ChildName() string {
	if runtime.GOOS == "windows" {
		return "appraise-extract.exe"
	}
	return "appraise-extract"
}

// staleSibling is set once a sibling child answered with another
// extractor version (left over from an older build): from then on this
// process re-executes itself instead.
var staleSibling atomic.Bool

// ChildFor returns the binary that extracts for the app at exe: the lean
// appraise-extract beside it when there is one (a regular file this user
// may execute), else exe itself, which calls ChildMain first thing. The
// lean binary skips the GUI's initialisation: about 9 ms and 30 MiB less
// per PDF, which is most of a short paper's time.
func ChildFor(exe string) string {
	if staleSibling.Load() {
		return exe
	}
	sib := filepath.Join(filepath.Dir(exe), ChildName())
	if sib == exe {
		return exe
	}
	st, err := os.Stat(sib)
	if err != nil || !st.Mode().IsRegular() {
		return exe
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o111 == 0 {
		return exe
	}
	return sib
}
