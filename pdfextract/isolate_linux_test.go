package pdfextract

import (
	"context"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func TestIsolatedKillsTheWholeProcessGroup(t *testing.T) {
	_, _, err := newTestIsolated(t, "grandchild").ExtractData(context.Background(), "paper.pdf", []byte("x"), fastLimits)
	var xe *ExtractError
	if !errors.As(err, &xe) || !errors.Is(err, appraise.ErrExtractTimeout) {
		t.Fatalf("got %v, want a timeout", err)
	}
	m := regexp.MustCompile(`grandchild (\d+)`).FindStringSubmatch(xe.Detail)
	if m == nil {
		t.Fatalf("the child did not report its grandchild: %q", xe.Detail)
	}
	pid, _ := strconv.Atoi(m[1])
	// The kill is asynchronous: poll (bounded) until the process is gone or a zombie.
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	giveUp := time.After(5 * time.Second)
	for {
		b, err := os.ReadFile("/proc/" + m[1] + "/stat")
		if err != nil || strings.Contains(string(b), ") Z ") {
			return
		}
		select {
		case <-tick.C:
		case <-giveUp:
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("grandchild %d outlived the extraction", pid)
		}
	}
}
