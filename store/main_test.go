package store

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// The crash test re-executes this binary as the process it kills.
	if path := os.Getenv(crashChildEnv); path != "" {
		os.Exit(crashChild(path, os.Getenv(crashTagEnv)))
	}
	os.Exit(m.Run())
}
