package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestLibrarySearchFindsTheTextAndOpensThePaperAtThePassage(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.openDoc("other", genDoc("Another paper", 30))
	test.Type(h.u.libp.search, "patients")
	h.settle()
	if len(h.u.libp.hits) != 2 || h.u.libp.noMatch.Visible() {
		t.Fatalf("hits = %+v, no-match shown %v", h.u.libp.hits, h.u.libp.noMatch.Visible())
	}
	i := 0
	if h.u.libp.hits[i].PaperTitle != "Rapid rule-out of myocardial infarction" {
		i = 1
	}
	hit := h.u.libp.hits[i]
	if got := hitWhere(hit); got != "Text, page 1 · 3 matches in this paper" {
		t.Errorf("hit says %q", got)
	}
	if !strings.Contains(hitLine(hit), "Patients were") {
		t.Errorf("snippet %q", hitLine(hit))
	}
	h.u.libp.list.Select(i)
	h.settle()
	if h.u.cur.paper.Path != "/papers/small.pdf" {
		t.Fatalf("the hit opened %s", h.u.cur.paper.Path)
	}
	if !h.u.find.box.Visible() || h.u.find.count.Text != "1 of 3" || h.selected() != "Patients" {
		t.Errorf("find bar %v %q, selected %q; want the paper at the match with find open on 1 of 3",
			h.u.find.box.Visible(), h.u.find.count.Text, h.selected())
	}
}

func TestLibrarySearchSaysWhenNothingMatches(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	test.Type(h.u.libp.search, "zebrafish")
	h.settle()
	if !h.u.libp.noMatch.Visible() || !strings.HasPrefix(h.u.libp.noMatch.Text, "No matches for “zebrafish”.") {
		t.Fatalf("no-match message: shown %v, %q", h.u.libp.noMatch.Visible(), h.u.libp.noMatch.Text)
	}
	h.u.libp.search.SetText("")
	h.settle()
	if h.u.libp.noMatch.Visible() {
		t.Error("the no-match message stays after the search is cleared")
	}
}

func TestFindInPaperStepsBackWithShiftEnter(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("/")
	test.Type(h.u.find.entry, "patients")
	e := h.u.find.entry
	steps := []struct {
		shift bool
		want  string
	}{{true, "3 of 3"}, {true, "2 of 3"}, {false, "3 of 3"}, {false, "1 of 3"}}
	for _, s := range steps {
		if s.shift {
			e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if s.shift {
			e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		if got := h.u.find.count.Text; got != s.want {
			t.Fatalf("after Enter (shift %v): %q, want %q", s.shift, got, s.want)
		}
	}
}

func TestRemoveFromLibraryGoesToTheTrashAndRestoreBringsItBack(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	id := h.u.cur.paper.ID
	h.u.confirmRemovePaper()
	if !strings.Contains(h.overlayText(), "and its 1 annotation go to the trash. The PDF file itself is not touched") {
		t.Fatalf("confirmation:\n%s", h.overlayText())
	}
	test.Tap(h.overlayButton("Remove"))
	h.settle()
	if h.u.cur != nil || len(h.u.libp.papers) != 0 {
		t.Fatalf("after removing: open %v, library %d papers", h.u.cur != nil, len(h.u.libp.papers))
	}
	if !strings.Contains(h.u.status.msg.Text, "Moved “Rapid rule-out of myocardial infarction” and 1 annotation to the trash") {
		t.Errorf("status: %q", h.u.status.msg.Text)
	}

	h.u.showTrash()
	h.settle()
	tv := h.u.trashView
	if tv == nil || tv.header.Text != "1 paper in the trash. Restore brings an item back as it was." || tv.list.Length() != 1 {
		t.Fatalf("trash view: %+v", tv)
	}
	row := tv.newRow().(*trashRow)
	tv.update(0, row)
	if !strings.HasPrefix(row.title.Text, "Paper: Rapid rule-out") || !strings.Contains(row.detail.Text, "with 1 annotation") {
		t.Errorf("row: %q / %q", row.title.Text, row.detail.Text)
	}
	test.Tap(row.restore)
	h.settle()
	if len(h.u.libp.papers) != 1 || len(lib.live(id)) != 1 || tv.list.Length() != 0 {
		t.Errorf("after restore: %d papers, %d live annotations, %d in the trash", len(h.u.libp.papers), len(lib.live(id)), tv.list.Length())
	}
	if !strings.HasPrefix(tv.header.Text, "The trash is empty") || !tv.empty.Disabled() {
		t.Errorf("empty trash view: %q, Empty Trash enabled %v", tv.header.Text, !tv.empty.Disabled())
	}
}

func TestEmptyTrashConfirmsHowMuchGoes(t *testing.T) {
	lib := newFakeLibrary()
	h := newHarness(t, lib)
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	a := lib.live(h.u.cur.paper.ID)[0]
	h.openDoc("other", genDoc("Another paper", 10))
	if err := lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.RemovePaper(h.u.cur.paper.ID); err != nil {
		t.Fatal(err)
	}
	h.u.showTrash()
	h.settle()
	test.Tap(h.u.trashView.empty)
	if got := h.overlayText(); !strings.Contains(got, "Delete 1 paper and 1 annotation for good? This cannot be undone.") {
		t.Fatalf("confirmation:\n%s", got)
	}
	test.Tap(h.overlayButton("Empty Trash"))
	h.settle()
	if tc, _ := lib.TrashContents(); tc.Len() != 0 || h.u.trashView.list.Length() != 0 {
		t.Errorf("trash still holds %d items", tc.Len())
	}
	if !strings.Contains(h.u.status.msg.Text, "Emptied the trash: 1 paper and 1 annotation deleted.") {
		t.Errorf("status: %q", h.u.status.msg.Text)
	}
}

func TestTheDemoPaperIsMarkedInTheLibrary(t *testing.T) {
	lib := newFakeLibrary()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefAuthorAsked, true)
	w := test.NewTempWindow(t, nil)
	q := newUIQueue()
	demo := lib.idFor("/cache/demo.pdf")
	u := newAppUI(a, w, Config{Library: lib, DemoID: demo}, q.post)
	u.bg.setNotify(q.wake)
	h := &harness{t: t, u: u, w: w, lib: lib, q: q}
	t.Cleanup(u.bg.close)
	lib.addFile("/cache/demo.pdf", smallPaper())
	h.open("/cache/demo.pdf")
	h.openDoc("mine", genDoc("My own paper", 5))
	for i, s := range u.libp.papers {
		row := newPaperRow()
		u.libp.update(i, row)
		if isDemo := s.Paper.ID == demo; isDemo != (row.byline.Text == demoByline) {
			t.Errorf("%s: byline %q", s.Paper.Meta.Title, row.byline.Text)
		}
	}
}

func TestIndexingShowsProgressInTheStatusBar(t *testing.T) {
	lib := newFakeLibrary()
	lib.indexWork, lib.indexStep = 3, make(chan struct{})
	h := newHarness(t, lib)
	h.u.startIndexing()
	for i, want := range []string{"Indexing papers for search: 1 of 3…", "Indexing papers for search: 2 of 3…"} {
		lib.indexStep <- struct{}{}
		for h.u.status.msg.Text != want {
			<-h.q.kick
			h.q.runPending()
		}
		if !h.u.indexing {
			t.Errorf("step %d: not marked as indexing", i)
		}
	}
	lib.indexStep <- struct{}{}
	h.settle()
	if h.u.status.msg.Text != "Search now covers the full text of 3 papers." || h.u.indexing {
		t.Errorf("at the end: %q (indexing %v)", h.u.status.msg.Text, h.u.indexing)
	}
}
