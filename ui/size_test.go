package ui

import (
	"testing"

	"fyne.io/fyne/v2"

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
