// Package assets embeds the files Appraise ships inside its binary: the
// app icon and the bundled demo paper, as fyne.Resource values and bytes.
//
// It may import Fyne; it must not import the core packages, bbolt or the
// PDF library.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
