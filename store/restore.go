package store

import (
	"fmt"
	"os"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
)

// restoreBackup handles a library file that failed verification (why):
// when the library has a backup that verifies, the file is moved aside
// (renamed, never deleted) and the backup copied into its place. Without
// one, a file in which salvage finds Appraise's format marker is moved
// aside too and a new library made in its place (Open then salvages
// into it); anything else is left untouched and the error says the
// library is damaged.
func restoreBackup(path string, opt Options, why error, rep *Report) error {
	all, err := listBackups(opt.BackupDir, path)
	if err != nil {
		return fmt.Errorf("open library %s: %w (%v); %v", path, appraise.ErrLibraryDamaged, why, err)
	}
	var good *backupFile
	for i := range all {
		if _, err := verifyFile(all[i].path, opt.LockTimeout, checkFull); err == nil {
			good = &all[i]
			break
		}
	}
	if good == nil && !looksLikeAppraise(path) {
		if len(all) == 0 {
			return fmt.Errorf("open library %s: %w (%v)", path, appraise.ErrLibraryDamaged, why)
		}
		return fmt.Errorf("open library %s: %w (%v), and none of its %d backups is readable", path, appraise.ErrLibraryDamaged, why, len(all))
	}
	quarantine := path + ".damaged-" + opt.Now().UTC().Format(backupStamp)
	if err := os.Rename(path, quarantine); err != nil {
		return fmt.Errorf("move damaged library %s aside: %w", path, err)
	}
	rep.Damage = why.Error()
	rep.Quarantined = quarantine
	os.Remove(needsCheck(path)) // the mark was for the file just moved aside
	if good == nil {
		// A damaged Appraise library without a usable backup: a new,
		// empty library takes what salvage can read from it.
		if _, err := create(path, opt); err != nil {
			return fmt.Errorf("rebuild damaged library %s: %w", path, err)
		}
		rep.Rebuilt = true
		return nil
	}
	src, err := os.Open(good.path)
	if err != nil {
		return fmt.Errorf("restore backup %s: %w", good.path, err)
	}
	defer src.Close()
	// CopyFrom fsyncs the folder, which makes the move aside durable too.
	if err := atomicfile.CopyFrom(path, 0o600, src); err != nil {
		return fmt.Errorf("restore backup %s: %w", good.path, err)
	}
	rep.RestoredFrom = good.path
	rep.RestoredTime = good.time
	return nil
}
