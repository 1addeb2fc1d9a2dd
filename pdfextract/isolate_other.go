//go:build !unix

package pdfextract

import (
	"os"
	"os/exec"

	"appraise.app/appraise/internal/appraise"
)

// Off Unix (Windows) there are no process groups to set up: the child
// starts no processes of its own, so killing it is enough. The wall-clock
// limit is enforced the same way.
func setProcessGroup(cmd *exec.Cmd) {}

func killGroup(p *os.Process) { _ = p.Kill() }

// peakRSS is not measured off Unix.
func peakRSS(ps *os.ProcessState) int64 { return 0 }

func signalKind(ps *os.ProcessState) error { return appraise.ErrDamaged }
