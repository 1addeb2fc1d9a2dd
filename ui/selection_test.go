package ui

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func smallView() *docView { return newDocView(smallPaper()) }

func TestSelection(t *testing.T) {
	v := smallView()
	text := func(s *selection) string { a, b := s.span(); return v.text(a, b) }
	tests := []struct {
		name string
		do   func(s *selection)
		want string
	}{
		{"nothing selected at first", func(s *selection) {}, ""},
		{"a passage alone", func(s *selection) { s.selectPassage(2) }, "We enrolled 1,204 adults with chest pain."},
		{"move goes to the next passage alone", func(s *selection) { s.selectPassage(2); s.move(1) }, "Patients were randomised to two pathways."},
		{"move stops at the end", func(s *selection) { s.selectPassage(7); s.move(1) }, "An early rule-out strategy is safe in low-risk patients."},
		{"move stops at the start", func(s *selection) { s.selectPassage(0); s.move(-1) }, "Rapid rule-out of myocardial infarction"},
		{"extend keeps the anchor across blocks", func(s *selection) { s.selectPassage(3); s.extend(1); s.extend(1) },
			"Patients were randomised to two pathways.\n\nAllocation could not be concealed. The trial was not powered for mortality."},
		{"extend backwards selects before the anchor", func(s *selection) { s.selectPassage(4); s.extend(-1) },
			"Patients were randomised to two pathways.\n\nAllocation could not be concealed."},
		{"extendToPassage from an anchor", func(s *selection) { s.selectPassage(5); s.extendToPassage(3) },
			"Patients were randomised to two pathways.\n\nAllocation could not be concealed. The trial was not powered for mortality."},
		{"words snap outwards", func(s *selection) {
			p := v.passages[2]
			s.selectWords(p.Start+5, p.Start+13) // "nrolled 1,2"
		}, "enrolled 1,204"},
		{"words in reverse order", func(s *selection) {
			p := v.passages[2]
			s.selectWords(p.Start+13, p.Start+5)
		}, "enrolled 1,204"},
		{"clear empties it", func(s *selection) { s.selectPassage(2); s.clear() }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSelection(v)
			tc.do(s)
			if got := text(s); got != tc.want {
				t.Errorf("selected %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMoveAfterWordSelectionSelectsTheNextSentence(t *testing.T) {
	v := smallView()
	s := newSelection(v)
	p := v.passages[2]
	s.selectWords(p.Start+3, p.Start+5)
	s.move(1)
	if a, b := s.span(); v.text(a, b) != "Patients were randomised to two pathways." {
		t.Errorf("j after a word selection selected %q", v.text(a, b))
	}
}

func TestDocViewSurvivesBadOffsets(t *testing.T) {
	d := appraise.Document{
		Text: "Heading\n\nBody text here.",
		Blocks: []appraise.Block{
			{Kind: appraise.KindHeading, Start: 0, End: 7},
			{Kind: appraise.KindParagraph, Start: 9, End: 500}, // past the end
			{Kind: appraise.KindParagraph, Start: -4, End: 3},  // before the start
		},
		Passages: []appraise.Passage{
			{ID: "b1.s0", Block: 1, Start: 9, End: 400},
			{ID: "bad", Block: 9, Start: 0, End: 3},     // no such block
			{ID: "empty", Block: 1, Start: 12, End: 12}, // empty
		},
	}
	v := newDocView(d)
	if got := v.text(v.blocks[1].Start, v.blocks[1].End); got != "Body text here." {
		t.Errorf("clamped block = %q", got)
	}
	if v.blockPass[0][1]-v.blockPass[0][0] != 1 || v.passages[v.blockPass[0][0]].ID != "b0" {
		t.Errorf("a block without passages should get one covering it: %+v", v.passages)
	}
	for _, p := range v.passages {
		if p.Start < 0 || p.End > len(v.runes) || p.End <= p.Start {
			t.Errorf("passage %+v outside the text", p)
		}
	}
	if i := v.passageAt(12); v.passages[i].Block != 1 {
		t.Errorf("passageAt(12) = %+v", v.passages[i])
	}
}

func TestFindIsCaseInsensitiveAndBounded(t *testing.T) {
	v := smallView()
	if got := v.find("PATIENTS", 10); len(got) != 3 {
		t.Errorf("found %d, want 3 (Patients, Dialysis patients, low-risk patients)", len(got))
	}
	if got := v.find("patients", 2); len(got) != 2 {
		t.Errorf("limit ignored: %d", len(got))
	}
	if got := v.find("", 10); got != nil {
		t.Errorf("empty query found %v", got)
	}
}
