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
// one nothing is touched and the error says the library is damaged.
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
	if good == nil {
		if len(all) == 0 {
			return fmt.Errorf("open library %s: %w (%v)", path, appraise.ErrLibraryDamaged, why)
		}
		return fmt.Errorf("open library %s: %w (%v), and none of its %d backups is readable", path, appraise.ErrLibraryDamaged, why, len(all))
	}
	quarantine := path + ".damaged-" + opt.Now().UTC().Format(backupStamp)
	if err := os.Rename(path, quarantine); err != nil {
		return fmt.Errorf("move damaged library %s aside: %w", path, err)
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
	rep.Damage = why.Error()
	rep.Quarantined = quarantine
	rep.RestoredFrom = good.path
	rep.RestoredTime = good.time
	return nil
}
