package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// windowTexts is every label's text and progress bars' values in w.
func windowTexts(w fyne.Window) (texts []string, bars []*widget.ProgressBar) {
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.ProgressBar:
			if x.Visible() {
				bars = append(bars, x)
			}
		}
	}
	return texts, bars
}

func TestOpeningADamagedLibraryShowsRecoveryProgress(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(800, 600))
	lib := newFakeLibrary()
	direct := func(f func()) { f() }
	cfg := Config{Open: func(progress func(float64), c *Config) error {
		texts, bars := windowTexts(w)
		if !strings.Contains(strings.Join(texts, "\n"), "Opening your library") || len(bars) != 0 {
			t.Errorf("before any recovery: %q, %d bars", texts, len(bars))
		}
		progress(0.25)
		progress(0.5)
		texts, bars = windowTexts(w)
		if !strings.Contains(strings.Join(texts, "\n"), "recovering what the damaged file still holds") {
			t.Errorf("during recovery the window says %q", texts)
		}
		if len(bars) != 1 || bars[0].Value != 0.5 {
			t.Errorf("progress bars %v, want one at 0.5", bars)
		}
		c.Library = lib
		c.Notice = "restored the backup and recovered 2 annotations"
		return nil
	}}
	c, err := openLibrary(a, w, cfg, direct)
	if err != nil || c.Library != Library(lib) || c.Notice == "" {
		t.Fatalf("config = %+v, %v", c, err)
	}

	cfg.Open = func(func(float64), *Config) error { return appraise.ErrLibraryDamaged }
	if _, err := openLibrary(a, w, cfg, direct); !errors.Is(err, appraise.ErrLibraryDamaged) {
		t.Fatalf("err = %v", err)
	}
	texts, _ := windowTexts(w)
	if got := strings.Join(texts, "\n"); !strings.Contains(got, "Appraise cannot open its library") {
		t.Fatalf("after a failure the window says %q", got)
	}
}
