//go:build race

package pdfextract

// raceBuild is true in race-detector builds, whose ThreadSanitizer runtime
// maps large shadow regions and fails at random under RLIMIT_AS; there
// the memory watchdog alone caps the child.
const raceBuild = true
