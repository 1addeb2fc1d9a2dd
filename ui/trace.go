package ui

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"time"

	"fyne.io/fyne/v2"
)

// probeLatency measures, while Config.Trace is set, how long a function
// posted to the UI goroutine waits to run: the event loop handles input,
// lays out and paints between two such functions, so the wait is an upper
// bound on the frame time the user sees. Every interval with activity it
// writes the median, 95th percentile and worst wait. It stops with ctx.
func (u *appUI) probeLatency(ctx context.Context, every, report time.Duration) {
	var waits []time.Duration
	tick := time.NewTicker(every)
	defer tick.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		posted := time.Now()
		done := make(chan time.Duration, 1)
		fyne.Do(func() { done <- time.Since(posted) })
		select {
		case <-ctx.Done():
			return
		case w := <-done:
			waits = append(waits, w)
		}
		if time.Since(last) < report || len(waits) == 0 {
			continue
		}
		slices.Sort(waits)
		p := func(q float64) time.Duration { return waits[int(q*float64(len(waits)-1))] }
		if p(1) > 2*time.Millisecond { // stay quiet while idle
			u.trace("ui loop wait over %d samples: median %.1f ms, p95 %.1f ms, max %.1f ms",
				len(waits), ms(p(0.5)), ms(p(0.95)), ms(p(1)))
		}
		waits, last = waits[:0], time.Now()
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// traceMemory writes the process's resident memory and Go heap.
func (u *appUI) traceMemory(when string) {
	if u.cfg.Trace == nil {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	rss := "unknown"
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		var size, res int64
		if _, err := fmt.Sscan(string(b), &size, &res); err == nil {
			rss = fmt.Sprintf("%.0f MiB", float64(res*int64(os.Getpagesize()))/(1<<20))
		}
	}
	u.trace("memory %s: resident %s, Go heap in use %.0f MiB", when, rss, float64(m.HeapInuse)/(1<<20))
}
