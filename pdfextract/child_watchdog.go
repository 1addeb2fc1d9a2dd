package pdfextract

import (
	"runtime/metrics"
	"time"
)

// watchMemory calls over, once, when the Go runtime's memory (everything
// it has mapped minus what it has returned to the OS: close to the
// process's resident size, as the child runs no C code) passes limit. It
// polls every interval from its own goroutine, which the runtime preempts
// into even when the extraction spins in a tight loop.
func watchMemory(limit int64, every time.Duration, over func(used int64)) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for range t.C {
			metrics.Read(samples)
			used := int64(samples[0].Value.Uint64()) - int64(samples[1].Value.Uint64())
			if used > limit {
				over(used)
				return
			}
		}
	}()
}
