package pdfextract

import (
	"os"
	"os/exec"
	"syscall"

	"appraise.app/appraise/internal/appraise"
)

// setProcessGroup puts the child in a process group of its own, so the
// parent can kill it and anything it started at once, and asks the kernel
// to kill it should the parent die first.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills the child's process group; the process itself if that
// fails.
func killGroup(p *os.Process) {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil {
		_ = p.Kill()
	}
}

// peakRSS is the child's peak resident set size in bytes (Linux reports
// ru_maxrss in KiB).
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}

// signalKind classifies a child killed by a signal the parent did not
// send: SIGKILL from the kernel's out-of-memory killer means too large;
// a crash (SIGSEGV, SIGBUS, SIGABRT …) means the file broke the reader.
func signalKind(ps *os.ProcessState) error {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return appraise.ErrTooLarge
	}
	return appraise.ErrDamaged
}
