package store

import (
	"fmt"
	"path/filepath"
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
}

// Restored reports whether a backup replaced a damaged library.
func (r Report) Restored() bool { return r.RestoredFrom != "" }

// Message is what the user should be told, in a sentence or two; "" when
// nothing needs saying.
func (r Report) Message() string {
	if !r.Restored() {
		return ""
	}
	return fmt.Sprintf("Your library was damaged; Appraise restored the backup from %s and kept the damaged file as %s.",
		r.RestoredTime.Local().Format("2 January 2006 15:04"), filepath.Base(r.Quarantined))
}

// BackupFailedMessage tells the user, in a sentence, that the start-up
// backup failed and why; "" when err is nil.
func BackupFailedMessage(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprintf("Appraise could not back up your library: %v.", err)
}
