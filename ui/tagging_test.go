package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"appraise.app/appraise/internal/appraise"
)

// smallPaper has a title, a heading and three short paragraphs.
func smallPaper() appraise.Document {
	b := newDocBuilder("Rapid rule-out of myocardial infarction", "Okafor A", "Haddad R")
	b.add(appraise.KindTitle, "Rapid rule-out of myocardial infarction")
	b.add(appraise.KindHeading, "Methods")
	b.add(appraise.KindParagraph, "We enrolled 1,204 adults with chest pain.", "Patients were randomised to two pathways.")
	b.add(appraise.KindParagraph, "Allocation could not be concealed.", "The trial was not powered for mortality.", "Dialysis patients were excluded.")
	b.newPage()
	b.add(appraise.KindParagraph, "An early rule-out strategy is safe in low-risk patients.")
	return b.build()
}

func TestTaggingByKey(t *testing.T) {
	tests := []struct {
		name     string
		keys     string
		wantTags []string // of the one annotation; nil: none
		wantText string
	}{
		{"j selects the first sentence on screen and l tags it", "jl", []string{"limitation"}, "Rapid rule-out of myocardial infarction"},
		{"j moves the cursor to the next sentence", "jjjp", []string{"population"}, "We enrolled 1,204 adults with chest pain."},
		{"k moves back", "jjjjkc", []string{"claim"}, "We enrolled 1,204 adults with chest pain."},
		{"the same key again takes the tag off and removes the annotation", "jjjll", nil, ""},
		{"two tags on one span make one annotation with both", "jjjpc", []string{"population", "claim"}, "We enrolled 1,204 adults with chest pain."},
		{"J extends the selection across a paragraph break", "jjjjJJl", []string{"limitation"},
			"Patients were randomised to two pathways.\n\nAllocation could not be concealed. The trial was not powered for mortality."},
		{"K shrinks an extended selection back", "jjjJJKl", []string{"limitation"},
			"We enrolled 1,204 adults with chest pain. Patients were randomised to two pathways."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newFakeLibrary())
			h.openDoc("small", smallPaper())
			h.typeKeys(tc.keys)
			anns := h.lib.liveAnns(h.u.cur.paper.ID)
			if tc.wantTags == nil {
				if len(anns) != 0 {
					t.Fatalf("annotations = %v, want none", anns)
				}
				return
			}
			if len(anns) != 1 {
				t.Fatalf("got %d annotations, want 1: %+v", len(anns), anns)
			}
			if !slices.Equal(anns[0].Tags, tc.wantTags) {
				t.Errorf("tags = %v, want %v", anns[0].Tags, tc.wantTags)
			}
			if anns[0].Anchor.Exact != tc.wantText {
				t.Errorf("quote = %q, want %q", anns[0].Anchor.Exact, tc.wantText)
			}
			if anns[0].Author != "Dr Test" {
				t.Errorf("author = %q, want the name from Preferences", anns[0].Author)
			}
			if got := h.u.status.save.Text; got != "Saved" {
				t.Errorf("status = %q, want Saved", got)
			}
		})
	}
}

func TestTaggedSpanIsHighlightedInItsTagColours(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjj") // "We enrolled …", block 2
	if n := countColor(h.rowColors(2), tagColorOf("population")); n != 0 {
		t.Fatalf("untagged row already shows population colour %d times", n)
	}
	h.typeKeys("p")
	if n := countColor(h.rowColors(2), tagColorOf("population")); n < 2 {
		t.Errorf("population span shows its colour %d times, want a fill and a stripe", n)
	}
	h.typeKeys("l")
	cs := h.rowColors(2)
	if countColor(cs, tagColorOf("limitation")) == 0 || countColor(cs, tagColorOf("population")) == 0 {
		t.Errorf("a span with two tags must show both colours; got %v", cs)
	}
	if countColor(h.rowColors(3), tagColorOf("population")) != 0 {
		t.Errorf("the next paragraph was highlighted too")
	}
}

func TestTaggingByMouse(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	target := h.passage(5) // "The trial was not powered for mortality."
	h.click(target.Start+4, 0)
	if got := h.selected(); got != "The trial was not powered for mortality." {
		t.Fatalf("click selected %q, want the sentence", got)
	}
	test.Tap(h.u.toolbar.tagBtns["limitation"])
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Anchor.Exact != "The trial was not powered for mortality." || !anns[0].HasTag("limitation") {
		t.Fatalf("annotations after tag bar click = %+v", anns)
	}
	// The tag bar shows the selected span's tags and adds more.
	if h.u.toolbar.tagBtns["limitation"].Importance != widget.HighImportance {
		t.Error("the tag bar does not show that the selected span is a limitation")
	}
	test.Tap(h.u.toolbar.tagBtns["claim"])
	h.settle()
	anns = h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || !anns[0].HasTag("claim") || !anns[0].HasTag("limitation") {
		t.Fatalf("annotations after ticking Claim = %+v", anns)
	}
}

func TestShiftClickExtendsAcrossParagraphs(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.click(h.passage(3).Start+2, 0)                     // "Patients were randomised …"
	h.click(h.passage(5).Start+2, fyne.KeyModifierShift) // "The trial was not powered …"
	want := "Patients were randomised to two pathways.\n\nAllocation could not be concealed. The trial was not powered for mortality."
	if got := h.selected(); got != want {
		t.Fatalf("selection = %q, want %q", got, want)
	}
	h.typeKeys("c")
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Anchor.Start != h.passage(3).Start || anns[0].Anchor.End != h.passage(5).End {
		t.Fatalf("annotation = %+v", anns)
	}
}

func TestDragSelectsWordsAcrossRows(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	p2, p4 := h.passage(2), h.passage(4)
	// From inside "enrolled" to inside "concealed".
	from := p2.Start + strings.Index("We enrolled 1,204", "enrolled") + 3
	to := p4.Start + strings.Index("Allocation could not be concealed.", "concealed") + 2
	h.drag(from, to)
	want := "enrolled 1,204 adults with chest pain. Patients were randomised to two pathways.\n\nAllocation could not be concealed"
	if got := h.selected(); got != want {
		t.Fatalf("drag selected %q, want %q", got, want)
	}
	h.typeKeys("l")
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || anns[0].Anchor.Exact != want {
		t.Fatalf("annotation = %+v", anns)
	}
}

func TestDeleteKeyRemovesTheSelectedAnnotation(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjp")
	h.key(fyne.KeyDelete)
	if anns := h.lib.liveAnns(h.u.cur.paper.ID); len(anns) != 0 {
		t.Fatalf("annotations after Delete = %+v", anns)
	}
	if len(h.u.annp.visibleIDs()) != 0 {
		t.Errorf("the panel still lists %v", h.u.annp.visibleIDs())
	}
}

func TestContextMenuTagsTheClickedSentence(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	off := h.passage(6).Start + 3 // "Dialysis patients were excluded."
	row := h.row(h.u.cur.v.blockAt(off))
	p, _ := row.pointOf(off)
	test.TapSecondaryAt(row, p)
	if got := h.selected(); got != "Dialysis patients were excluded." {
		t.Fatalf("right-click selected %q", got)
	}
	menu := h.w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("no context menu")
	}
	var item fyne.Tappable
	for _, o := range test.LaidOutObjects(menu) {
		if tp, ok := o.(fyne.Tappable); ok && strings.Contains(test.RenderObjectToMarkup(o), ">Population<") {
			item = tp
		}
	}
	if item == nil {
		t.Fatal("no Population item in the context menu")
	}
	test.Tap(item)
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || !anns[0].HasTag("population") || anns[0].Anchor.Exact != "Dialysis patients were excluded." {
		t.Fatalf("annotations = %+v", anns)
	}
}

func TestCustomTagsByDigit(t *testing.T) {
	lib := newFakeLibrary()
	lib.tags = append(lib.tags, appraise.Tag{Name: "bias", Color: "#8e44ad"}, appraise.Tag{Name: "harm", Color: "#c0392b"})
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.typeKeys("jjj2")
	anns := lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || !slices.Equal(anns[0].Tags, []string{"harm"}) {
		t.Fatalf("2 should toggle the second custom tag; got %+v", anns)
	}
	h.typeKeys("9")
	if !strings.Contains(h.u.status.msg.Text, "No custom tag 9") {
		t.Errorf("status after 9 = %q", h.u.status.msg.Text)
	}
}

func TestTaggingWithNothingSelectedExplains(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("l")
	if anns := h.lib.liveAnns(h.u.cur.paper.ID); len(anns) != 0 {
		t.Fatalf("tagged with nothing selected: %+v", anns)
	}
	if !strings.Contains(h.u.status.msg.Text, "Select a passage first") {
		t.Errorf("status = %q", h.u.status.msg.Text)
	}
}

func TestFailedSaveSaysSo(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	lib.failNext = appraise.ErrLibraryLocked
	h.typeKeys("jl")
	if got := h.u.status.save.Text; got != "Not saved" {
		t.Errorf("save status = %q, want Not saved", got)
	}
	if !strings.Contains(h.u.status.msg.Text, "already open") {
		t.Errorf("message = %q, want the error's sentence", h.u.status.msg.Text)
	}
	if len(h.u.annp.visibleIDs()) != 0 {
		t.Error("a failed save still shows an annotation")
	}
	// Undoing the failed edit does nothing harmful.
	h.u.undo()
	h.settle()
	if got := h.u.status.save.Text; got != "Saved" {
		t.Errorf("undo of a failed edit: status %q", got)
	}
}
