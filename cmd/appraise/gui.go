package main

import (
	"appraise.app/appraise/assets"
	"appraise.app/appraise/ui"
)

// runGUI opens the main window, on args[0] when a PDF was named.
func (e *env) runGUI(args []string) error {
	if len(args) > 1 {
		return usageErrorf("the GUI opens one PDF at a time")
	}
	cfg := ui.Config{Version: version, Icon: assets.Icon}
	if len(args) == 1 {
		cfg.OpenPath = args[0]
	}
	return ui.Run(cfg)
}
