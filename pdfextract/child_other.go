//go:build !linux

package pdfextract

// limitAddressSpace does nothing off Linux: macOS does not enforce
// RLIMIT_AS and Windows has no such limit. The memory watchdog and the Go
// runtime's soft limit still cap the child.
func limitAddressSpace(limit int64) {}
