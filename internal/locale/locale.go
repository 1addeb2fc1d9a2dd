// Package locale gives the process a usable language before Fyne looks for
// one. Fyne's lang package reads the user's locale in its init and logs an
// error for the POSIX "C" locale (the default in containers, CI and ssh
// sessions), which would put noise on the CLI's stderr. Imported for its
// side effect by cmd/appraise; because its import path sorts before
// fyne.io/…, Go initialises it first (package initialisation follows import
// path order among packages whose imports are ready).
//
// It imports only the standard library.
package locale

import (
	"os"
	"strings"
)

func init() {
	Normalise(os.Getenv, os.Setenv)
}

// Normalise sets LANG to en_US.UTF-8 when no locale variable names a real
// language, and clears LC_ALL/LC_MESSAGES/LANGUAGE that say "C" or "POSIX".
func Normalise(getenv func(string) string, setenv func(string, string) error) {
	real := false
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if isPOSIX(v) {
			_ = setenv(k, "")
			continue
		}
		real = true
	}
	if !real {
		_ = setenv("LANG", "en_US.UTF-8")
	}
}

func isPOSIX(v string) bool {
	base := strings.SplitN(v, ".", 2)[0]
	return base == "C" || base == "POSIX"
}
