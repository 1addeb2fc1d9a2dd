//go:build !linux

package pdfextract

// limitAddressSpace does nothing off Linux: macOS does not enforce
// RLIMIT_AS and Windows has no such limit. The memory watchdog and the Go
// runtime's soft limit still cap the child.
func limitAddressSpace(limit int64) {}

// selfPeakRSS is not measured off Linux; the parent falls back to the
// kernel's accounting.
func selfPeakRSS() int64 { return 0 }
