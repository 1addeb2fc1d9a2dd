package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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
// answers, evidence and a claim's certainty, and the Paper tab, in both
// themes and sizes.
func TestAppraisalSnapshots(t *testing.T) {
	dir := os.Getenv("APPRAISE_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("APPRAISE_UI_SNAPSHOTS is not set: name a folder to render the window into")
	}
	capture := func(h *harness, name string) {
		h.w.Content().Refresh()
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, h.w.Canvas().Capture())
		f.Close()
	}
	for _, variant := range []string{themeLight, themeDark} {
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}} {
			h := newHarness(t, newFakeLibrary())
			h.u.prefs.setTheme(variant)
			h.u.applyTheme()
			h.openDoc("cases", casePaper())
			h.u.card.design.SetSelected("Case series")
			h.u.card.timing.SetSelected("Retrospective")
			h.u.card.sample.SetText("n = 3")
			h.fireTimers()
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
			s.item(2).answer.SetSelected("No")
			h.typeKeys("jc")
			h.fireTimers()
			h.w.Resize(size)
			suffix := variant + "-" + strconv.Itoa(int(size.Width))
			capture(h, "appraisal-"+suffix)

			acc := h.u.appr.body.Objects[0].(*widget.Accordion)
			acc.Close(0)
			acc.Open(1)
			acc.Open(2)
			c := h.u.appr.certs.claims[0]
			c.domains[0].level.SetSelected("Serious")
			h.settle()
			c.domains[0].reasons.Objects[0].(*widget.Select).SetSelectedIndex(0)
			h.settle()
			capture(h, "certainty-"+suffix)

			h.u.showTab(tabPaper)
			capture(h, "paper-"+suffix)
		}
	}
}
