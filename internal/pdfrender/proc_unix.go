//go:build unix && !linux

package pdfrender

import (
	"os"
	"os/exec"
	"syscall"
)

// setProcessGroup puts the worker in a process group of its own (no
// parent-death signal off Linux: the worker exits when its standard input
// closes, which happens when the parent dies).
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killGroup(p *os.Process) {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil {
		_ = p.Kill()
	}
}
