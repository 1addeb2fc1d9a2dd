package pdfrender

import (
	"os"
	"os/exec"
	"syscall"
)

// setProcessGroup puts the worker in a process group of its own and asks
// the kernel to kill it should the parent die first.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills the worker's process group; the process itself if that
// fails.
func killGroup(p *os.Process) {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil {
		_ = p.Kill()
	}
}
