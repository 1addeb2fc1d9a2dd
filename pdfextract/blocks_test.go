package pdfextract

import (
	"slices"
	"strings"
	"testing"
)

func TestBlockBreaks(t *testing.T) {
	tests := []struct {
		name  string
		build func(p *synthPage)
		want  []string // the blocks' texts, in order
	}{
		{
			name: "indented first line starts a paragraph",
			build: func(p *synthPage) {
				y := p.paragraph(72, 100, 300, 20, lead, body(), "First paragraph "+lorem("a", 40)+" ends here.")
				p.paragraph(72, y, 300, 20, lead, body(), "Second paragraph "+lorem("b", 40)+" ends too.")
			},
			want: []string{"First paragraph", "Second paragraph"},
		},
		{
			name: "vertical gap starts a paragraph",
			build: func(p *synthPage) {
				y := p.paragraph(72, 100, 300, 0, lead, body(), "First paragraph "+lorem("a", 40)+" ends here.")
				p.paragraph(72, y+8, 300, 0, lead, body(), "Second paragraph "+lorem("b", 40)+" ends too.")
			},
			want: []string{"First paragraph", "Second paragraph"},
		},
		{
			name: "bold heading is its own block",
			build: func(p *synthPage) {
				p.text(72, 100, "2.1 Participants", style{size: 10, bold: true})
				p.paragraph(72, 112, 300, 0, lead, body(), "We recruited "+lorem("a", 40)+".")
			},
			want: []string{"2.1 Participants", "We recruited"},
		},
		{
			name: "caption label starts a block",
			build: func(p *synthPage) {
				y := p.paragraph(72, 100, 300, 0, lead, body(), "Body text "+lorem("a", 30)+" and")
				p.text(72, y, "Figure 2. Flow of participants through the trial.", body())
			},
			want: []string{"Body text", "Figure 2. Flow"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPage(t, 1)
			tt.build(p)
			_, blocks := layoutText(t, p)
			if len(blocks) != len(tt.want) {
				t.Fatalf("got %d blocks, want %d: %v", len(blocks), len(tt.want), blocks)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(blocks[i].text, w) {
					t.Errorf("block %d = %q, want it to start %q", i, blocks[i].text, w)
				}
			}
		})
	}
}

func TestBlockKinds(t *testing.T) {
	p := newPage(t, 1)
	p.text(100, 60, "Exercise After Heart Failure", style{size: 18, bold: true})
	p.text(72, 100, "Abstract", style{size: 11, bold: true})
	y := p.paragraph(72, 114, 468, 0, lead, body(), "Heart failure patients "+lorem("a", 60)+".")
	p.text(72, y+10, "1. Introduction", style{size: 11, bold: true})
	y = p.paragraph(72, y+24, 468, 0, lead, body(), "Rehabilitation is "+lorem("b", 60)+".")
	p.text(72, y+10, "Table 1 Characteristics of the participants", style{size: 9, bold: true})
	p.text(72, 720, "* Correspondence to the first author at the clinic.", style{size: 8})
	p2 := newPage(t, 2)
	p2.text(72, 100, "References", style{size: 11, bold: true})
	p2.text(72, 116, "1. Smith J. A trial of care. Lancet. 2001;1:1-2.", style{size: 9})
	p2.text(72, 128, "2. Jones K, Brown L. Exercise and the heart: a long", style{size: 9})
	p2.text(84, 139, "title that wraps. BMJ. 2005;2:3-4.", style{size: 9})
	p2.text(72, 151, "3. Lee M. Care. JAMA. 2010;3:5-6.", style{size: 9})
	p2.text(72, 175, "Conflict of Interest Statement: the authors declare no competing interests.", style{size: 9})
	_, blocks := layoutText(t, p, p2)
	want := []struct{ kind, prefix string }{
		{"title", "Exercise After Heart Failure"},
		{"heading", "Abstract"},
		{"paragraph", "Heart failure patients"},
		{"heading", "1. Introduction"},
		{"paragraph", "Rehabilitation is"},
		{"caption", "Table 1 Characteristics"},
		{"footnote", "* Correspondence"},
		{"heading", "References"},
		{"reference", "1. Smith J."},
		{"reference", "2. Jones K, Brown L. Exercise and the heart: a long title that wraps."},
		{"reference", "3. Lee M."},
		{"paragraph", "Conflict of Interest Statement"},
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d:\n%v", len(blocks), len(want), blocks)
	}
	for i, w := range want {
		if blocks[i].kind != w.kind || !strings.HasPrefix(blocks[i].text, w.prefix) {
			t.Errorf("block %d = %s %q, want %s starting %q", i, blocks[i].kind, blocks[i].text, w.kind, w.prefix)
		}
	}
}

func TestParagraphContinues(t *testing.T) {
	tests := []struct {
		name  string
		pages func(t *testing.T) []*synthPage
	}{
		{
			name: "paragraph continues across column break",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				y := p.paragraph(leftX, 100, colW, 20, lead, body(), "The first paragraph "+lorem("a", 60)+" ends.")
				p.lines(leftX, y, lead, body(), "    Then a second one starts here and", "runs to the bottom of the left column")
				y = p.lines(rightX, 100, lead, body(), "and carries on at the top of the right", "column until it ends.")
				p.paragraph(rightX, y, colW, 20, lead, body(), "The third paragraph "+lorem("c", 60)+" ends.")
				return []*synthPage{p}
			},
		},
		{
			name: "paragraph continues across page break past a footnote and a figure caption",
			pages: func(t *testing.T) []*synthPage {
				p := newPage(t, 1)
				p.lines(72, 100, lead, body(), "The first paragraph is short and ends.", "  Then a second one starts here and", "runs to the bottom of the page")
				p.text(72, 700, "1 A footnote in small type at the foot of the page.", style{size: 7})
				p2 := newPage(t, 2)
				p2.text(72, 80, "Figure 3. A figure at the top of the next page.", style{size: 8})
				p2.lines(72, 120, lead, body(), "and carries on below the figure", "until it ends.")
				return []*synthPage{p, p2}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, blocks := layoutText(t, tt.pages(t)...)
			found := false
			for _, b := range blocks {
				if strings.Contains(b.text, "Then a second one") {
					found = true
					if !strings.HasSuffix(b.text, "until it ends.") {
						t.Errorf("paragraph not continued: %q\nall blocks: %v", b.text, blocks)
					}
				}
			}
			if !found {
				t.Fatalf("paragraph missing: %v", blocks)
			}
		})
	}
}

func TestJoinLinesSaysWhereEachLineStarts(t *testing.T) {
	lines := func(ts ...string) []*textLine {
		var ls []*textLine
		for _, s := range ts {
			ls = append(ls, &textLine{text: s})
		}
		return ls
	}
	tests := []struct {
		name   string
		lines  []*textLine
		text   string
		starts []int
	}{
		{"lines joined by a space", lines("one two", "three"), "one two three", []int{0, 8}},
		{"hyphen removed at the join", lines("treat-", "ment works"), "treatment works", []int{0, 5}},
		{"soft hyphens do not count", lines("a\u00ADb c", "déjà vu"), "ab c déjà vu", []int{0, 5}},
		{"an empty line starts where the next does", lines("one", "", "two"), "one two", []int{0, 4, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, starts := vocabulary{}.joinLines(tt.lines)
			if text != tt.text || !slices.Equal(starts, tt.starts) {
				t.Errorf("got %q %v, want %q %v", text, starts, tt.text, tt.starts)
			}
		})
	}
}

// An author-year reference list running from the left column into the
// right one, entries set with a hanging indent: an entry ending with its
// DOI at the foot of the column is complete, one cut mid-title goes on at
// the top of the next column.
func TestReferenceAcrossColumnBreak(t *testing.T) {
	entry := func(i int) []string {
		return []string{
			"Author" + string(rune('A'+i)) + ", A. and Cole, B. (2008). Exposure",
			"therapy in practice. Behav. Res. Ther. 46,",
			"5-27. doi: 10.1016/j.brat.2007.10.00" + string(rune('0'+i%10)),
		}
	}
	tests := []struct {
		name        string
		foot, top   []string // the left column's last entry; the right column's first lines
		left, right string   // the blocks wanted from the last entry of the left column on
	}{
		{
			name:  "entry ending with its DOI",
			foot:  []string{"Baker, C. (2010). Habit reversal for tics.", "J. Child Psychol. 12, 4-9. doi: 10.1111/j.", "1469-7610.2010.02231.x"},
			left:  "Baker, C. (2010). Habit reversal for tics. J. Child Psychol. 12, 4-9. doi: 10.1111/j.1469-7610.2010.02231.x",
			right: "Dowling, N. (2016). Intensive",
		},
		{
			name:  "entry cut mid-title",
			foot:  []string{"Baker, C. (2010). Habit reversal for tics", "in children and adolescents with Tourette"},
			top:   []string{"syndrome: a trial. J. Child Psychol. 12, 4-9."},
			left:  "Baker, C. (2010). Habit reversal for tics in children and adolescents with Tourette syndrome: a trial. J. Child Psychol. 12, 4-9.",
			right: "Dowling, N. (2016). Intensive",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPage(t, 1)
			// ref sets an entry's first line at x and the rest 15 points in.
			ref := func(x, y float64, lines ...string) float64 {
				y = p.lines(x, y, lead, body(), lines[0])
				return p.lines(x+15, y, lead, body(), lines[1:]...)
			}
			p.text(leftX, 100, "References", style{size: 10, bold: true})
			y := 118.0
			for i := range 15 {
				y = ref(leftX, y, entry(i)...)
			}
			ref(leftX, y, tt.foot...)
			y = p.lines(rightX+15, 100, lead, body(), tt.top...)
			y = ref(rightX, y, "Dowling, N. (2016). Intensive residential", "treatment of obsessive-compulsive disorder.", "J. Obsessive Compuls. Relat. Disord. 9, 82-89.")
			for i := 15; i < 20; i++ {
				y = ref(rightX, y, entry(i)...)
			}
			_, blocks := layoutText(t, p)
			at := slices.IndexFunc(blocks, func(b blockView) bool { return strings.HasPrefix(b.text, "Baker") })
			if at < 0 || at+2 > len(blocks) {
				t.Fatalf("no Baker entry with blocks after it: %v", blocks)
			}
			if b := blocks[at]; b.kind != "reference" || b.text != tt.left {
				t.Errorf("last entry of the left column = %s %q, want reference %q", b.kind, b.text, tt.left)
			}
			if b := blocks[at+1]; b.kind != "reference" || !strings.HasPrefix(b.text, tt.right) {
				t.Errorf("next block = %s %q, want a reference starting %q", b.kind, b.text, tt.right)
			}
		})
	}
}
