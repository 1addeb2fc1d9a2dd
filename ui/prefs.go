package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys. Fyne keeps them in the user's config folder, apart
// from the library file: they describe this machine's window, not the
// clinician's work.
const (
	prefAuthor      = "author"
	prefAuthorAsked = "author_asked"
	prefTheme       = "theme"
	prefTextScale   = "text_scale"
	prefWinW        = "window_width"
	prefWinH        = "window_height"
	prefLibSplit    = "split_library"
	prefReaderSplit = "split_reader"
	prefRightTab    = "right_tab"
	prefLibHidden   = "library_hidden"
	prefRecent      = "recent_files"
	prefExportDir   = "export_folder"
)

// maxRecent is how many files File → Open Recent lists.
const maxRecent = 8

// settings reads and writes the GUI's preferences.
type settings struct{ p fyne.Preferences }

func (s settings) author() string    { return s.p.String(prefAuthor) }
func (s settings) authorAsked() bool { return s.p.Bool(prefAuthorAsked) }
func (s settings) setAuthor(n string) {
	s.p.SetString(prefAuthor, n)
	s.p.SetBool(prefAuthorAsked, true)
}

func (s settings) theme() string {
	switch v := s.p.String(prefTheme); v {
	case themeLight, themeDark:
		return v
	}
	return themeSystem
}

func (s settings) setTheme(v string) { s.p.SetString(prefTheme, v) }

// textScales are the text sizes Preferences offers.
var textScales = []float64{0.85, 1, 1.15, 1.3, 1.5, 1.75}

func (s settings) textScale() float64 {
	v := s.p.FloatWithFallback(prefTextScale, 1)
	if v < textScales[0] || v > textScales[len(textScales)-1] {
		return 1
	}
	return v
}

func (s settings) setTextScale(v float64) { s.p.SetFloat(prefTextScale, v) }

func (s settings) windowSize() fyne.Size {
	w := s.p.FloatWithFallback(prefWinW, 1280)
	h := s.p.FloatWithFallback(prefWinH, 800)
	return fyne.NewSize(float32(max(w, 640)), float32(max(h, 480)))
}

func (s settings) setWindowSize(sz fyne.Size) {
	if sz.Width > 0 && sz.Height > 0 {
		s.p.SetFloat(prefWinW, float64(sz.Width))
		s.p.SetFloat(prefWinH, float64(sz.Height))
	}
}

// split returns a remembered split offset (0–1), or def.
func (s settings) split(key string, def float64) float64 {
	v := s.p.FloatWithFallback(key, def)
	if v <= 0.05 || v >= 0.95 {
		return def
	}
	return v
}

func (s settings) setSplit(key string, v float64) { s.p.SetFloat(key, v) }

// rightTab is the right-hand tab last shown (0: Annotations).
func (s settings) rightTab() int {
	v := s.p.Int(prefRightTab)
	if v < tabAnnotations || v > tabPaper {
		return tabAnnotations
	}
	return v
}

func (s settings) setRightTab(i int) { s.p.SetInt(prefRightTab, i) }

func (s settings) libraryHidden() bool     { return s.p.Bool(prefLibHidden) }
func (s settings) setLibraryHidden(v bool) { s.p.SetBool(prefLibHidden, v) }

func (s settings) recent() []string { return s.p.StringList(prefRecent) }

// addRecent puts path first in the recent files.
func (s settings) addRecent(path string) {
	if path == "" {
		return
	}
	list := slices.DeleteFunc(slices.Clone(s.recent()), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	s.p.SetStringList(prefRecent, list)
}

func (s settings) exportDir() string     { return s.p.String(prefExportDir) }
func (s settings) setExportDir(d string) { s.p.SetString(prefExportDir, d) }
