//go:build race

package anchor

// raceEnabled: the race detector slows the evaluation tenfold; it then
// runs a sample of the cases.
const raceEnabled = true
