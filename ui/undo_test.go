package ui

import (
	"slices"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestUndoRedo(t *testing.T) {
	type want struct {
		count int      // live annotations
		tags  []string // of the first one, when count > 0
		note  string
	}
	tests := []struct {
		name  string
		setup func(h *harness) // edits before the undo
		after []want           // after undo, redo, undo
	}{
		{"undo removes a new annotation and redo brings it back",
			func(h *harness) { h.typeKeys("jjjl") },
			[]want{{count: 0}, {1, []string{"limitation"}, ""}, {count: 0}}},
		{"undo takes back an added tag",
			func(h *harness) { h.typeKeys("jjjlp") },
			[]want{{1, []string{"limitation"}, ""}, {1, []string{"limitation", "population"}, ""}, {1, []string{"limitation"}, ""}}},
		{"undo of removing the last tag restores the annotation",
			func(h *harness) { h.typeKeys("jjjll") },
			[]want{{1, []string{"limitation"}, ""}, {count: 0}, {1, []string{"limitation"}, ""}}},
		{"undo of Delete restores the annotation",
			func(h *harness) { h.typeKeys("jjjc"); h.key("Delete") },
			[]want{{1, []string{"claim"}, ""}, {count: 0}, {1, []string{"claim"}, ""}}},
		{"undo of a note edit puts the old note back",
			func(h *harness) {
				h.typeKeys("jjjc")
				a, _ := h.u.target()
				h.u.setNote(a, "first")
				h.settle()
				a, _ = h.u.target()
				h.u.setNote(a, "second")
				h.settle()
			},
			[]want{{1, []string{"claim"}, "first"}, {1, []string{"claim"}, "second"}, {1, []string{"claim"}, "first"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, newFakeLibrary())
			h.openDoc("small", smallPaper())
			tc.setup(h)
			steps := []func(){h.u.menuUndo, h.u.menuRedo, h.u.menuUndo}
			names := []string{"undo", "redo", "undo again"}
			for i, step := range steps {
				step()
				h.settle()
				anns := h.lib.liveAnns(h.u.cur.paper.ID)
				w := tc.after[i]
				if len(anns) != w.count {
					t.Fatalf("after %s: %d annotations %+v, want %d", names[i], len(anns), anns, w.count)
				}
				if len(h.u.cur.anns) != w.count {
					t.Fatalf("after %s: the GUI shows %d annotations, the library has %d", names[i], len(h.u.cur.anns), w.count)
				}
				if w.count > 0 && (!slices.Equal(anns[0].Tags, w.tags) || anns[0].Note != w.note) {
					t.Errorf("after %s: tags %v note %q, want %v %q", names[i], anns[0].Tags, anns[0].Note, w.tags, w.note)
				}
			}
		})
	}
}

func TestUndoStepsBackThroughSeveralEditsInOrder(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")  // annotate sentence 2
	h.typeKeys("jjc")   // annotate sentence 4
	h.typeKeys("kkkkp") // annotate sentence 0 (the title)
	for want := 2; want >= 0; want-- {
		h.u.undo()
		h.settle()
		if n := len(h.lib.liveAnns(h.u.cur.paper.ID)); n != want {
			t.Fatalf("after undo: %d annotations, want %d", n, want)
		}
	}
	h.u.undo()
	h.settle()
	if h.u.status.msg.Text != "Nothing to undo." {
		t.Errorf("status = %q", h.u.status.msg.Text)
	}
	for want := 1; want <= 3; want++ {
		h.u.redo()
		h.settle()
		if n := len(h.lib.liveAnns(h.u.cur.paper.ID)); n != want {
			t.Fatalf("after redo: %d annotations, want %d", n, want)
		}
	}
}

func TestNewEditClearsRedo(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	h.u.undo()
	h.settle()
	h.typeKeys("c")
	h.u.redo()
	h.settle()
	anns := h.lib.liveAnns(h.u.cur.paper.ID)
	if len(anns) != 1 || !slices.Equal(anns[0].Tags, []string{appraise.TagClaim}) {
		t.Fatalf("redo after a new edit changed something: %+v", anns)
	}
}

func TestHistoryIsPerPaper(t *testing.T) {
	h := newHarness(t, newFakeLibrary())
	h.openDoc("small", smallPaper())
	h.typeKeys("jjjl")
	first := h.u.cur.paper.ID
	h.openDoc("other", genDoc("Another paper", 12))
	h.u.undo()
	h.settle()
	if n := len(h.lib.liveAnns(first)); n != 1 {
		t.Fatalf("undo in another paper removed the first paper's annotation (%d left)", n)
	}
}
