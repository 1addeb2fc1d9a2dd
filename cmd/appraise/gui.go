package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"appraise.app/appraise/assets"
	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
	"appraise.app/appraise/internal/library"
	"appraise.app/appraise/store"
	"appraise.app/appraise/ui"
)

// The library draws the page view's pages and writes annotated PDFs.
var _ ui.Pages = (*library.Library)(nil)

// runGUI opens the main window on the library, on args[0] when a PDF was
// named (a .jsonld bundle is imported). APPRAISE_TRACE=1 prints timings (time to first text, keypress to
// "Saved") on stderr.
func (e *env) runGUI(args []string) error {
	if len(args) > 1 {
		return usageErrorf("the GUI opens one PDF at a time")
	}
	if err := needDisplay(runtime.GOOS, e.getenv); err != nil {
		return err
	}
	cfg := ui.Config{Version: version, Icon: assets.Icon, Demo: writeDemo, DemoID: bundledDemoID()}
	if len(args) == 1 {
		cfg.OpenPath = args[0]
		if abs, err := filepath.Abs(args[0]); err == nil {
			cfg.OpenPath = abs
		}
	}
	if e.getenv("APPRAISE_TRACE") != "" {
		cfg.Trace = e.stderr
	}
	libPath, err := e.libraryPath()
	if err != nil {
		return err
	}
	// Without a socket (no runtime folder, say) the app still runs; a
	// second one is then refused by the library's lock instead.
	if inst, handedOver, err := claimLibrary(e.getenv, libPath, cfg.OpenPath); err == nil {
		if handedOver {
			fmt.Fprintln(e.stderr, alreadyOpen)
			return nil
		}
		defer inst.close()
		cfg.Raise = inst.raise
	} else if cfg.Trace != nil {
		fmt.Fprintf(cfg.Trace, "appraise: no single-window socket: %v\n", err)
	}
	// The library opens while the window says so; recovering a damaged
	// one shows its progress there. A failure is said in the window too,
	// for someone who started Appraise from a menu and sees no terminal.
	var s *store.Store
	cfg.Open = func(progress func(float64), c *ui.Config) error {
		lib, st, err := openLibraryWith(e, nil, func(done, total int) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		})
		if err != nil {
			return err
		}
		s = st
		c.Library = lib
		c.Notice = st.Report().Message()
		if st.Report().Created && c.OpenPath == "" {
			// A first start: show what Appraise does on the demo paper,
			// which the library list marks as the demo.
			if path, err := writeDemo(); err == nil {
				c.OpenPath = path
			}
		}
		c.LaterNotice = func() string {
			_, err := st.StartupBackup()
			return store.BackupFailedMessage(err)
		}
		return nil
	}
	err = ui.Run(cfg)
	e.closeRenderer()
	if s == nil {
		return err
	}
	// A session that changed something is backed up as the window
	// closes, so a restore loses at most the session in progress.
	if _, cerr := s.CloseWithBackup(); err == nil && cerr != nil {
		fmt.Fprintf(e.stderr, "appraise: %s\n", store.BackupFailedMessage(cerr))
	}
	return err
}

// bundledDemoID is the paper id of the bundled demo paper.
func bundledDemoID() appraise.PaperID {
	sum := sha256.Sum256(assets.DemoPDF)
	return appraise.PaperID(hex.EncodeToString(sum[:]))
}

// claimLibrary makes this the one GUI on the library at libPath, or hands
// openPath to the GUI that already is (handedOver).
func claimLibrary(getenv func(string) string, libPath, openPath string) (inst *instance, handedOver bool, err error) {
	sock, err := socketPath(getenv, libPath)
	if err != nil {
		return nil, false, err
	}
	return claim(sock, openPath)
}

// noDisplay is what starting the GUI without a display says.
var noDisplay = plainError("Appraise needs a graphical display; for the command line, see appraise help")

// needDisplay reports, on systems whose windows need an X11 or Wayland
// server, that there is none to show one on (over SSH, in a container).
func needDisplay(goos string, getenv func(string) string) error {
	switch goos {
	case "darwin", "windows", "ios", "android", "js", "wasip1":
		return nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return noDisplay
	}
	return nil
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
