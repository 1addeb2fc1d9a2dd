package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
)

// TestSnapshots renders the main window with the software painter to
// PNGs in $APPRAISE_UI_SNAPSHOTS, for looking at layouts without X.
func TestSnapshots(t *testing.T) {
	dir := os.Getenv("APPRAISE_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("APPRAISE_UI_SNAPSHOTS is not set: name a folder to render the window into")
	}
	for _, variant := range []string{themeLight, themeDark} {
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}} {
			h := newHarness(t, newFakeLibrary())
			h.u.prefs.setTheme(variant)
			h.u.applyTheme()
			h.openDoc("long", genDoc("Rapid rule-out of myocardial infarction with a single high-sensitivity troponin: a randomised trial", 60))
			h.openDoc("small", smallPaper())
			h.typeKeys("jjjp")
			h.typeKeys("jjl")
			h.typeKeys("jc")
			h.typeKeys("l")
			a, _ := h.u.target()
			h.u.setNote(a, "No comparator: improvement may be natural recovery.")
			h.settle()
			h.typeKeys("jj")
			h.w.Resize(size)
			h.w.Content().Refresh() // the GL driver re-lays out changed min sizes every frame; the test canvas does not
			img := h.w.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, variant+"-"+strconv.Itoa(int(size.Width))+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}

// TestAppraisalSnapshots renders the Appraisal tab of a case series with
// answers, evidence and a claim's certainty, in both themes and sizes.
func TestAppraisalSnapshots(t *testing.T) {
	dir := os.Getenv("APPRAISE_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("APPRAISE_UI_SNAPSHOTS is not set: name a folder to render the window into")
	}
	for _, variant := range []string{themeLight, themeDark} {
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}} {
			h := newHarness(t, newFakeLibrary())
			h.u.prefs.setTheme(variant)
			h.u.applyTheme()
			h.openDoc("cases", casePaper())
			h.u.showTab(tabAppraisal)
			s := h.u.appr.list
			h.typeKeys("jjjp")
			s.item(1).answer.SetSelected("Yes")
			h.typeKeys(string(linkKey))
			h.typeKeys("jl")
			s.item(4).answer.SetSelected("Unclear")
			s.item(4).notRep.SetChecked(true)
			h.typeKeys(string(linkKey))
			s.item(4).comment.SetText("Consecutive inclusion not stated.")
			h.fireTimers()
			s.item(2).answer.SetSelected("No")
			h.w.Resize(size)
			h.w.Content().Refresh()
			img := h.w.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, "appraisal-"+variant+"-"+strconv.Itoa(int(size.Width))+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}
