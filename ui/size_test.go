package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"appraise.app/appraise/internal/appraise"
)

func TestWindowFitsIn1024x640(t *testing.T) {
	lib := newFakeLibrary()
	lib.tags = append(lib.tags, appraise.Tag{Name: "bias", Color: "#8e44ad"})
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	min := h.w.Content().MinSize()
	t.Logf("content min size %v; toolbar %v; library %v; right %v; card %v; annotations %v",
		min, h.u.toolbar.box.MinSize(), h.u.libp.box.MinSize(), h.u.right.MinSize(), h.u.card.box.MinSize(), h.u.annp.box.MinSize())
	if min.Width > 1024 || min.Height > 640-32 {
		t.Errorf("the window needs at least %v; it must fit 1024×640 with a menu bar", min)
	}
	h.w.Resize(fyne.NewSize(1024, 640))
}

func TestWindowSizePanelsAndLibraryToggleAreRemembered(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.w.Resize(fyne.NewSize(1100, 700))
	h.u.outer.SetOffset(0.3)
	h.u.inner.SetOffset(0.6)
	h.u.showTab(tabPaper)
	h.u.setLibraryVisible(false)
	h.u.rememberWindow()
	p := h.u.prefs
	if got := p.windowSize(); got != fyne.NewSize(1100, 700) {
		t.Errorf("window size remembered as %v", got)
	}
	if p.split(prefLibSplit, 0) != 0.3 || p.split(prefReaderSplit, 0) != 0.6 || p.rightTab() != tabPaper {
		t.Errorf("splits remembered as %v %v, tab %d", p.split(prefLibSplit, 0), p.split(prefReaderSplit, 0), p.rightTab())
	}
	if !p.libraryHidden() {
		t.Error("hiding the library was not remembered")
	}
	// A new window starts the way the last one was left.
	u2 := newAppUI(h.u.app, test.NewTempWindow(t, nil), Config{Library: h.lib}, h.q.post)
	t.Cleanup(u2.bg.close)
	if u2.libraryVisible() || u2.outer.Offset != 0.3 || u2.inner.Offset != 0.6 || u2.right.SelectedIndex() != tabPaper {
		t.Errorf("new window: library visible %v, splits %v %v, tab %d", u2.libraryVisible(), u2.outer.Offset, u2.inner.Offset, u2.right.SelectedIndex())
	}
	h.settle()
}

func TestLargerTextRelaysTheReaderOut(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("long", genDoc("Long paper", 60))
	before := h.u.reader.lay.contentHeight()
	size := h.u.reader.lay.style("paragraph").size
	h.u.stepTextSize(1)
	h.w.Content().Refresh()
	if got := h.u.reader.lay.style("paragraph").size; got <= size {
		t.Fatalf("text size %v after Larger Text, was %v", got, size)
	}
	if after := h.u.reader.lay.contentHeight(); after <= before {
		t.Errorf("the paper is %v high at the larger size, %v before", after, before)
	}
	wasDark := isDark(h.u.app.Settings().Theme())
	h.u.toggleTheme()
	if got := h.u.prefs.theme(); got != themeLight && got != themeDark {
		t.Errorf("theme preference %q after toggling", got)
	}
	if isDark(h.u.app.Settings().Theme()) == wasDark {
		t.Errorf("Light or Dark Theme left the window dark=%v", wasDark)
	}
	h.u.toggleTheme()
	if isDark(h.u.app.Settings().Theme()) != wasDark {
		t.Errorf("toggling twice did not come back to dark=%v", wasDark)
	}
}

// At 1024×640 (less a menu bar) the Annotations tab shows five or more
// annotations in full, in a paper with all three kinds and a note.
func TestFiveAnnotationsAreVisibleAt1024x640(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjp") // 2
	h.typeKeys("jc")   // 3
	h.typeKeys("jl")   // 4
	h.typeKeys("jl")   // 5
	h.typeKeys("jl")   // 6
	h.typeKeys("jc")   // 7
	a, _ := h.u.target()
	h.u.setNote(a, "Generalises beyond the sample.")
	h.settle()
	h.u.showTab(tabAnnotations)
	h.w.Resize(fyne.NewSize(1024, 640-32))
	h.w.Content().Refresh()
	p := h.u.annp
	need, anns := float32(0), 0
	for _, r := range p.rows {
		if anns == 5 {
			break
		}
		if r.header != "" {
			need += p.headerH
		} else {
			need += p.itemH
			anns++
		}
		need += theme.Padding() // the list's separator
	}
	need -= theme.Padding() // none after the last row shown
	if anns < 5 || need > p.list.Size().Height {
		t.Errorf("the first five annotations and their group headers need %v; the list is %v high (%d rows; item %v header %v chips %v editor %v tab %v)", need, p.list.Size().Height, len(p.rows), p.itemH, p.headerH, p.chips.Size(), p.ed.box.Size(), h.u.right.Size())
	}
}
