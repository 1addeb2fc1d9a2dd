//go:build unix && !linux

package pdfextract

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"

	"appraise.app/appraise/internal/appraise"
)

// setProcessGroup puts the child in a process group of its own (no
// parent-death signal off Linux: the child's own wall-clock backstop ends
// it if the parent dies).
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killGroup(p *os.Process) {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil {
		_ = p.Kill()
	}
}

// peakRSS: ru_maxrss is in bytes on macOS, KiB on the BSDs.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return ru.Maxrss
	}
	return ru.Maxrss * 1024
}

func signalKind(ps *os.ProcessState) error {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return appraise.ErrTooLarge
	}
	return appraise.ErrDamaged
}
