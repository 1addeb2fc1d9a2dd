//go:build !unix

package pdfrender

import (
	"os"
	"os/exec"
)

func setProcessGroup(cmd *exec.Cmd) {}

func killGroup(p *os.Process) { _ = p.Kill() }
