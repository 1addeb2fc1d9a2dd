package segment

import (
	"strings"
	"testing"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// layout builds a Document-like text from block texts joined by "\n\n" and
// the blocks indexing it in code points, as the layout stage does.
func layout(tb testing.TB, kinds []appraise.BlockKind, pages []int, parts []string) (string, []appraise.Block) {
	tb.Helper()
	var sb strings.Builder
	var blocks []appraise.Block
	pos := 0
	for i, p := range parts {
		if i > 0 {
			sb.WriteString("\n\n")
			pos += 2
		}
		n := len([]rune(p))
		blocks = append(blocks, appraise.Block{Index: i, Kind: kinds[i], Page: pages[i], Start: pos, End: pos + n})
		sb.WriteString(p)
		pos += n
	}
	return sb.String(), blocks
}

// passageTexts returns "id page text" for each passage.
func passageTexts(text string, ps []appraise.Passage) []string {
	r := []rune(text)
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID + " p" + string(rune('0'+p.Page)) + " " + string(r[p.Start:p.End])
	}
	return out
}

func TestPassages(t *testing.T) {
	longCaption := "Figure 2. Flow of participants through the trial. " + strings.Repeat("Panel text describes one more group of patients in detail. ", 7)
	tests := []struct {
		name  string
		kinds []appraise.BlockKind
		pages []int
		parts []string
		want  []string
	}{
		{"heading is one passage and paragraph is split into sentences",
			[]appraise.BlockKind{appraise.KindHeading, appraise.KindParagraph},
			[]int{1, 1},
			[]string{"2. Methods. Design", "We enrolled 40 adults. Each gave consent."},
			[]string{"b0.s0 p1 2. Methods. Design", "b1.s0 p1 We enrolled 40 adults.", "b1.s1 p1 Each gave consent."}},
		{"short caption and reference stay whole",
			[]appraise.BlockKind{appraise.KindCaption, appraise.KindReference},
			[]int{2, 3},
			[]string{"Figure 1. Flow chart. Numbers are patients.", "Smith J, Doe A. A trial. Lancet. 2020;1:1–9."},
			[]string{"b0.s0 p2 Figure 1. Flow chart. Numbers are patients.", "b1.s0 p3 Smith J, Doe A. A trial. Lancet. 2020;1:1–9."}},
		{"a sidebar entry or a flow chart's box (other) stays whole",
			[]appraise.BlockKind{appraise.KindOther, appraise.KindOther},
			[]int{1, 3},
			[]string{"COPYRIGHT © 2024 Lee. This is an open-access article.", "Records screened (n = 1,100)"},
			[]string{"b0.s0 p1 COPYRIGHT © 2024 Lee. This is an open-access article.", "b1.s0 p3 Records screened (n = 1,100)"}},
		{"long caption is split into sentences",
			[]appraise.BlockKind{appraise.KindCaption},
			[]int{4},
			[]string{strings.TrimSpace(longCaption)},
			func() []string {
				out := []string{"b0.s0 p4 Figure 2. Flow of participants through the trial."}
				for i := 1; i <= 7; i++ {
					out = append(out, "b0.s"+string(rune('0'+i))+" p4 Panel text describes one more group of patients in detail.")
				}
				return out
			}()},
		{"offsets count code points, not bytes",
			[]appraise.BlockKind{appraise.KindTitle, appraise.KindParagraph},
			[]int{1, 1},
			[]string{"Effets de l’exercice – étude β", "Le score a baissé de 12 µg (η² = 0.3). Ça marche."},
			[]string{"b0.s0 p1 Effets de l’exercice – étude β", "b1.s0 p1 Le score a baissé de 12 µg (η² = 0.3).", "b1.s1 p1 Ça marche."}},
		{"block of only whitespace gives no passage",
			[]appraise.BlockKind{appraise.KindParagraph, appraise.KindParagraph},
			[]int{1, 2},
			[]string{"   ", "Text on page two."},
			[]string{"b1.s0 p2 Text on page two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, blocks := layout(t, tt.kinds, tt.pages, tt.parts)
			ps := Passages(text, blocks)
			got := passageTexts(text, ps)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("passages\n got  %q\n want %q", got, tt.want)
			}
			checkPartition(t, text, blocks, ps)
		})
	}
}

func TestPassagesClampsBadBlocks(t *testing.T) {
	text := "One sentence. Another one."
	blocks := []appraise.Block{
		{Index: 0, Kind: appraise.KindParagraph, Start: -5, End: 14},
		{Index: 1, Kind: appraise.KindParagraph, Start: 3, End: 999}, // overlaps block 0, runs past the end
		{Index: 2, Kind: appraise.KindParagraph, Start: 20, End: 10}, // reversed
	}
	ps := Passages(text, blocks)
	got := passageTexts(text, ps)
	want := []string{"b0.s0 p0 One sentence.", "b1.s0 p0 Another one."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q, want %q", got, want)
	}
	checkInvariants(t, text, ps)
}

// checkPartition asserts that every code point of every block is in exactly
// one passage or is whitespace between passages.
func checkPartition(tb testing.TB, text string, blocks []appraise.Block, ps []appraise.Passage) {
	tb.Helper()
	checkInvariants(tb, text, ps)
	r := []rune(text)
	owner := make([]int, len(r))
	for i := range owner {
		owner[i] = -1
	}
	for i, p := range ps {
		for k := p.Start; k < p.End; k++ {
			owner[k] = i
		}
	}
	for _, b := range blocks {
		for k := b.Start; k < b.End; k++ {
			if owner[k] < 0 && !unicode.IsSpace(r[k]) {
				tb.Fatalf("code point %d (%q) of block %d is in no passage", k, r[k], b.Index)
			}
		}
	}
}

// checkInvariants asserts passages are within text, non-empty, ordered,
// disjoint and trimmed of whitespace.
func checkInvariants(tb testing.TB, text string, ps []appraise.Passage) {
	tb.Helper()
	r := []rune(text)
	prevEnd := 0
	for _, p := range ps {
		if p.Start < prevEnd || p.End <= p.Start || p.End > len(r) {
			tb.Fatalf("passage %s [%d,%d) out of order, empty or out of bounds (previous end %d, text %d code points)",
				p.ID, p.Start, p.End, prevEnd, len(r))
		}
		if unicode.IsSpace(r[p.Start]) || unicode.IsSpace(r[p.End-1]) {
			tb.Fatalf("passage %s %q has whitespace at an edge", p.ID, string(r[p.Start:p.End]))
		}
		prevEnd = p.End
	}
}

func BenchmarkPassages(b *testing.B) {
	var parts []string
	var kinds []appraise.BlockKind
	var pages []int
	for i := 0; len(parts) < 600; i++ {
		c := devCases[i%len(devCases)]
		parts = append(parts, c.text+" "+c.text)
		kinds = append(kinds, appraise.KindParagraph)
		pages = append(pages, 1+i/20)
	}
	text, blocks := layout(b, kinds, pages, parts)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Passages(text, blocks)
	}
}

func TestPassagesLinearOnPunctuationRuns(t *testing.T) {
	// A run of full stops is judged once, not once per stop.
	text := strings.Repeat(".", 200000) + " Next."
	ps := Passages(text, []appraise.Block{{Kind: appraise.KindParagraph, End: len(text)}})
	if len(ps) != 2 {
		t.Fatalf("got %d passages, want 2", len(ps))
	}
}

func TestPassagePageIsWhereItStarts(t *testing.T) {
	text := "First sentence on page one. Second sentence starts on one and ends on two. Third is on two."
	brk := strings.Index(text, "ends on two")
	block := appraise.Block{Kind: appraise.KindParagraph, Page: 1, End: len(text),
		PageBreaks: []appraise.PageBreak{{Start: brk, Page: 2}}}
	ps := Passages(text, []appraise.Block{block})
	want := []int{1, 1, 2}
	if len(ps) != len(want) {
		t.Fatalf("got %d passages, want %d", len(ps), len(want))
	}
	for i, p := range ps {
		if p.Page != want[i] {
			t.Errorf("passage %q on page %d, want %d", text[p.Start:p.End], p.Page, want[i])
		}
	}
}
