package pdfextract

import (
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/segment"
	"appraise.app/appraise/internal/testpdf"
)

// flowChartPage is a one-column page: a paragraph, a PRISMA flow chart
// (boxes of short centred text, two side by side in most rows, each with
// its count "(n = …)"), its caption, and a last paragraph.
func flowChartPage() []byte {
	box := func(x, y float64, lines ...string) string {
		return testpdf.Lines("F1", 8, x, y, 9.6, lines...)
	}
	top := testpdf.Lines("F1", 10, 72, 720, 12,
		"We searched five databases from their start to March 2024 and screened the",
		"records in pairs, settling disagreements by discussion with a third author.",
		"Two authors then read every full text that either of them had kept, and a",
		"third author settled the few cases where they did not agree about a trial.")
	chart := box(110, 670, "Records identified through", "database searching (n = 1,234)") +
		box(350, 670, "Additional records identified", "through other sources (n = 12)") +
		box(220, 630, "Records after duplicates removed", "(n = 1,100)") +
		box(110, 590, "Records screened", "(n = 1,100)") +
		box(350, 590, "Records excluded", "(n = 1,000)") +
		box(110, 550, "Full-text articles assessed", "for eligibility (n = 100)") +
		box(350, 550, "Full-text articles excluded,", "with reasons (n = 88)") +
		box(220, 510, "Studies included in the", "meta-analysis (n = 12)")
	caption := testpdf.Lines("F1", 9, 72, 480, 10.8, "Figure 1. Flow of studies through the review.")
	last := testpdf.Lines("F1", 10, 72, 450, 12,
		"Twelve trials with 1,460 children were included, and all of them compared",
		"a drug with placebo for at least eight weeks. Most were run in the United",
		"States, and most were paid for by the company that made the drug.")
	return boldDoc(top + chart + caption + last)
}

func TestFlowChartBoxesStayOutOfProse(t *testing.T) {
	doc, got := extractBlocks(t, flowChartPage())
	wantBlocks(t, got, []string{
		"paragraph: We searched five databases from their start to March 2024 and screened the records in pairs, settling disagreements by discussion with a third author.",
		"paragraph: Two authors then read every full text that either of them had kept, and a third author settled the few cases where they did not agree about a trial.",
		"other: Records identified through database searching (n = 1,234)",
		"other: Additional records identified through other sources (n = 12)",
		"other: Records after duplicates removed (n = 1,100)",
		"other: Records screened (n = 1,100)",
		"other: Records excluded (n = 1,000)",
		"other: Full-text articles assessed for eligibility (n = 100)",
		"other: Full-text articles excluded, with reasons (n = 88)",
		"other: Studies included in the meta-analysis (n = 12)",
		"caption: Figure 1. Flow of studies through the review.",
		"paragraph: Twelve trials with 1,460 children were included, and all of them compared a drug with placebo for at least eight weeks. Most were run in the United States, and most were paid for by the company that made the drug.",
	})
	for _, p := range segment.Passages(doc.Text, doc.Blocks) {
		b := doc.Blocks[p.Block]
		if b.Kind == appraise.KindOther && (p.Start != b.Start || p.End != b.End) {
			t.Errorf("box %d cut into sentences: %q", p.Block, string([]rune(doc.Text)[p.Start:p.End]))
		}
	}
}
