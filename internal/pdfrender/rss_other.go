//go:build !linux

package pdfrender

// selfRSS is not measured off Linux: the wall-clock watchdog and the
// module's memory-page limit still bound the worker.
func selfRSS() int64 { return 0 }
