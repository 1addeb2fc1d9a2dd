package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"appraise.app/appraise/assets"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/store"
	"appraise.app/appraise/ui"
)

// runGUI opens the main window on the library, on args[0] when a PDF was
// named (a .jsonld bundle is imported). APPRAISE_TRACE=1 prints timings (time to first text, keypress to
// "Saved") on stderr.
func (e *env) runGUI(args []string) error {
	if len(args) > 1 {
		return usageErrorf("the GUI opens one PDF at a time")
	}
	cfg := ui.Config{Version: version, Icon: assets.Icon, Demo: writeDemo}
	if len(args) == 1 {
		cfg.OpenPath = args[0]
	}
	if e.getenv("APPRAISE_TRACE") != "" {
		cfg.Trace = e.stderr
	}
	lib, s, err := openLibraryStore(e)
	if err != nil {
		// Someone who started Appraise from a menu sees no terminal: say
		// it in a window too.
		ui.RunError(cfg, "Appraise cannot open its library", err)
		return err
	}
	cfg.Library = lib
	cfg.Notice = s.Report().Message()
	cfg.LaterNotice = func() string {
		_, err := s.StartupBackup()
		return store.BackupFailedMessage(err)
	}
	err = ui.Run(cfg)
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close the library: %w", cerr)
	}
	return err
}

// writeDemo puts the bundled demo paper in the user cache folder (once;
// again only if it changed) and returns its path, for the GUI to offer on
// an empty library.
func writeDemo() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder for the demo paper: %w", err)
	}
	dir = filepath.Join(dir, "Appraise")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	path := filepath.Join(dir, "demo.pdf")
	if b, err := os.ReadFile(path); err == nil && bytes.Equal(b, assets.DemoPDF) {
		return path, nil
	}
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(assets.DemoPDF)
		return err
	})
	return path, err
}
