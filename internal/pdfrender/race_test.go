//go:build race

package pdfrender

// raceEnabled: the worker is this test binary, and under the race
// detector its memory grows several times over; compiling the module
// without a cache then passes the 1 GiB watchdog.
const raceEnabled = true
