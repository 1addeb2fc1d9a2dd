package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// Generated pages whose two columns end on the same baseline above
// footnotes of smaller type: every column keeps its last line.

// justifiedColumn sets paragraphs of Helvetica 10/12 in a column of width
// w from x, first baseline y, as a typesetter justifies them: word spacing
// (Tw) stretches every line to the full width except a paragraph's last,
// and a paragraph's first line is indented 10 points. first: the first
// paragraph begins in this column (else it goes on from the one before);
// runsOn: the last paragraph goes on in the next column, so its last line
// is full too.
func justifiedColumn(x, y, w float64, first, runsOn bool, paras ...[]string) string {
	const size, leading, indent = 10.0, 12.0, 10.0
	var b strings.Builder
	n := 0
	for pi, p := range paras {
		for li, l := range p {
			lx, lw := x, w
			if li == 0 && (pi > 0 || first) {
				lx, lw = x+indent, w-indent
			}
			tw := 0.0
			if spaces := strings.Count(l, " "); spaces > 0 && (li < len(p)-1 || runsOn && pi == len(paras)-1) {
				tw = (lw - helveticaWidth(l)*size/1000) / float64(spaces)
			}
			fmt.Fprintf(&b, "BT /F1 %g Tf %.3f Tw %g %g Td %s Tj ET\n", size, tw, lx, y-float64(n)*leading, testpdf.LiteralString(l))
			n++
		}
	}
	return b.String()
}

// columnsEndLevelAboveFootnotes is a two-column page: the left column's
// second paragraph runs on at the top of the right column, both columns'
// last lines share a baseline (the right one's ends a word hyphenated
// across its last two lines), a two-line footnote in 8-point type sits
// under each column at the foot of the page and a page number under both.
func columnsEndLevelAboveFootnotes() []byte {
	const top, w = 300.0, 220.0
	left := justifiedColumn(72, top, w, true, true,
		[]string{
			"Mothers were screened at six weeks after birth",
			"by the health visitor, who asked the two Whooley",
			"questions and offered a full assessment to every",
			"mother who answered yes to either of them.",
		},
		[]string{
			"Those with a score of ten or more on the scale",
			"were invited to the trial by letter, and a nurse",
			"telephoned them a week later to answer their",
			"questions. Of the mothers invited, most agreed,",
			"and we also sent a letter to the family doctor",
		})
	right := justifiedColumn(320, top, w, false, false,
		[]string{
			"of each mother so that the practice would know",
			"of the trial and could refer other mothers to it.",
		},
		[]string{
			"The groups met weekly for eight weeks in a",
			"children's centre near the hospital, and each",
			"session lasted two hours with a creche.",
		},
		[]string{
			"The primary outcome was the mean score on the",
			"depression scale twelve weeks after randomisa-",
			"tion, and every mother filled in a short question-",
			"naire about her sleep at the same visit.",
		})
	const notes = top - 8*12 - 20
	foot := testpdf.Lines("F1", 8, 72, notes, 9.6,
		"1 The Whooley questions ask about low mood and",
		"loss of interest in the past month.") +
		testpdf.Lines("F1", 8, 320, notes, 9.6,
			"2 The scale runs from 0 to 30; ten or more",
			"suggests depression in this setting.") +
		testpdf.TextAt(301, 60, 10, "7")
	return boldDoc(left + right + foot)
}

func TestColumnsEndingLevelAboveFootnotesKeepTheirLastLines(t *testing.T) {
	_, got := extractBlocks(t, columnsEndLevelAboveFootnotes())
	wantBlocks(t, got, []string{
		"paragraph: Mothers were screened at six weeks after birth by the health visitor, who asked the two Whooley questions and offered a full assessment to every mother who answered yes to either of them.",
		"paragraph: Those with a score of ten or more on the scale were invited to the trial by letter, and a nurse telephoned them a week later to answer their questions. Of the mothers invited, most agreed, and we also sent a letter to the family doctor of each mother so that the practice would know of the trial and could refer other mothers to it.",
		"paragraph: The groups met weekly for eight weeks in a children's centre near the hospital, and each session lasted two hours with a creche.",
		"paragraph: The primary outcome was the mean score on the depression scale twelve weeks after randomisation, and every mother filled in a short questionnaire about her sleep at the same visit.",
		"footnote: 1 The Whooley questions ask about low mood and loss of interest in the past month.",
		"footnote: 2 The scale runs from 0 to 30; ten or more suggests depression in this setting.",
	})
}

// Footnotes under two columns that end level form a band of their own,
// with no body text in their columns: their marks make them footnotes,
// TeX's math asterisk (U+2217) as much as a number.
func TestFootnotesUnderLevelColumnsAreFootnotes(t *testing.T) {
	p := newPage(t, 1)
	y := p.paragraph(leftX, 400, colW, 20, lead, body(), "The first paragraph "+lorem("a", 80)+" ends.")
	p.paragraph(rightX, 400, colW, 20, lead, body(), "The second paragraph "+lorem("b", 80)+" ends.")
	notes := style{size: 8}
	p.lines(leftX, y+14, 9.6, notes, "∗ These authors contributed equally to the", "work and are listed in alphabetical order.")
	p.lines(rightX, y+14, 9.6, notes, "1 The code is at https://example.org/trial", "with the data of every participant.")
	_, blocks := layoutText(t, p)
	want := []struct{ kind, prefix string }{
		{"paragraph", "The first paragraph"},
		{"paragraph", "The second paragraph"},
		{"footnote", "∗ These authors contributed equally to the work"},
		{"footnote", "1 The code is at"},
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
