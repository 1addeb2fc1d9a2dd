package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Report says what Open did besides opening, for the GUI and CLI to tell
// the user. The start-up backup, which finishes after Open returns, is
// told by Store.StartupBackup.
type Report struct {
	// Created: the library did not exist and was created.
	Created bool
	// Damage is why the library file could not be used ("" when it could).
	Damage string
	// Quarantined is where the damaged file was moved; RestoredFrom the
	// backup put in its place, made at RestoredTime.
	Quarantined  string
	RestoredFrom string
	RestoredTime time.Time
	// MigratedFrom is the schema the library had before migrating (0 when
	// it was current); MigrationBackup the backup made first.
	MigratedFrom    int
	MigrationBackup string
	// Rebuilt: no backup could replace the damaged library, so a new one
	// was made to take what salvage could read.
	Rebuilt bool
	// Salvage is what was brought back from the damaged file after the
	// restore; SalvageFailed says why salvage stopped ("" when it did not).
	Salvage       SalvageResult
	SalvageFailed string
}

// Restored reports whether a damaged library was replaced: by a backup,
// or rebuilt from what salvage could read.
func (r Report) Restored() bool { return r.RestoredFrom != "" || r.Rebuilt }

// Message is what the user should be told, in a sentence or two; "" when
// nothing needs saying.
func (r Report) Message() string {
	if !r.Restored() {
		return ""
	}
	var b strings.Builder
	if r.Rebuilt {
		b.WriteString("Your library was damaged and no backup could replace it; Appraise made a new library")
	} else {
		fmt.Fprintf(&b, "Your library was damaged; Appraise restored the backup from %s",
			r.RestoredTime.Local().Format("2 January 2006 15:04"))
	}
	if rec := r.Salvage.recoveredPhrase(); rec != "" {
		fmt.Fprintf(&b, " and recovered %s from the damaged file", rec)
	} else {
		b.WriteString("; nothing later could be recovered from the damaged file")
	}
	if n := r.Salvage.Unreadable; n > 0 {
		fmt.Fprintf(&b, "; %s could not be read", plural(n, "record", "records"))
	}
	if n := r.Salvage.BadPages; n > 0 {
		fmt.Fprintf(&b, "; %s of it could not be read", plural(n, "page", "pages"))
	}
	if r.SalvageFailed != "" {
		fmt.Fprintf(&b, " (salvage stopped: %s)", r.SalvageFailed)
	}
	fmt.Fprintf(&b, ". The damaged file is kept as %s.", filepath.Base(r.Quarantined))
	return b.String()
}

// recoveredPhrase lists what salvage brought back: "41 annotations and
// 1 paper"; "" when nothing.
func (r SalvageResult) recoveredPhrase() string {
	var parts []string
	for _, k := range salvageKinds {
		if n := r.Recovered[k.noun]; n > 0 {
			noun := k.noun
			if n == 1 {
				noun = strings.TrimSuffix(noun, "s")
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, noun))
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// BackupFailedMessage tells the user, in a sentence, that the start-up
// backup failed and why; "" when err is nil.
func BackupFailedMessage(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprintf("Appraise could not back up your library: %v.", err)
}
