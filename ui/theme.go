package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices the user can make in Preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// appTheme is Fyne's default theme with the user's choice of light or dark
// (or the system's) and a text scale applied to every text size.
type appTheme struct {
	variant string  // themeSystem, themeLight or themeDark
	scale   float32 // 1 = Fyne's sizes
}

var _ fyne.Theme = (*appTheme)(nil)

func (t *appTheme) forced(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.variant {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.forced(v))
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText,
		theme.SizeNameSubHeadingText:
		if t.scale > 0 {
			return s * t.scale
		}
	}
	return s
}

// isDark reports whether th draws light text on a dark background.
func isDark(th fyne.Theme) bool {
	r, g, b, _ := th.Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant()).RGBA()
	return (r*299+g*587+b*114)/1000 < 0x8000
}

// parseHex reads "#rrggbb"; anything else is a neutral grey.
func parseHex(s string) color.NRGBA {
	grey := color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	if len(s) != 7 || s[0] != '#' {
		return grey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// tagFill is the background of a span carrying a tag: the tag colour,
// translucent enough that body text stays legible on it in both themes.
func tagFill(hex string, dark bool) color.NRGBA {
	c := parseHex(hex)
	if dark {
		c.A = 0x66
	} else {
		c.A = 0x48
	}
	return c
}

// tagStripe is the solid underline that marks each tag of a span.
func tagStripe(hex string) color.NRGBA { return parseHex(hex) }

// selectionFill is the reader's selection: a neutral tint of the text
// colour, so it never looks like a tag (the theme's selection colour is
// the same blue as Population).
func selectionFill(fg color.Color) color.NRGBA {
	c := color.NRGBAModel.Convert(fg).(color.NRGBA)
	c.A = 0x30
	return c
}

// compactTheme is the app's theme with half the inner padding, for the
// annotation filter chips: they leave the list more of a short window.
// It asks the app's theme for everything else each time, so it follows
// light, dark and text size.
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (c compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return c.base().Color(n, v)
}

func (c compactTheme) Font(s fyne.TextStyle) fyne.Resource { return c.base().Font(s) }

func (c compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return c.base().Icon(n) }

func (c compactTheme) Size(n fyne.ThemeSizeName) float32 {
	s := c.base().Size(n)
	if n == theme.SizeNameInnerPadding {
		return s / 2
	}
	return s
}
