package pdfextract

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// addressSlack is added to the address-space limit on top of the memory
// cap: the watchdog should trip first, the kernel limit is the backstop for
// a single allocation too large or too fast for it.
const addressSlack = 64 << 20

// limitAddressSpace sets RLIMIT_AS so that the process can map at most
// limit bytes more than it has now. The Go runtime reserves about 1.2 GB of
// address space at start (measured with Go 1.26 on linux/amd64) that it
// never touches, so a bare RLIMIT_AS of the cap would stop the child
// before it began; counting from the current size makes the limit track
// real growth. Errors are ignored: the watchdog still holds.
func limitAddressSpace(limit int64) {
	if raceBuild {
		return
	}
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return
	}
	pages, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil {
		return
	}
	lim := uint64(pages*int64(os.Getpagesize()) + limit + addressSlack)
	var cur unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_AS, &cur); err == nil && cur.Max < lim {
		lim = cur.Max
	}
	_ = unix.Setrlimit(unix.RLIMIT_AS, &unix.Rlimit{Cur: lim, Max: lim})
}

// selfPeakRSS is this process's peak resident set size (VmHWM) in bytes,
// 0 if unknown.
func selfPeakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
