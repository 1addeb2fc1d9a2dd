package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// Corpus checks for text set apart from the flow (skipped without
// $APPRAISE_CORPUS): in every Frontiers paper the first page's margin
// column comes after the abstract, each of its entries one other block
// with its label, and the abstract's parts follow each other with nothing
// between them.

func TestCorpusFrontiersSidebarAfterAbstract(t *testing.T) {
	n := 0
	for _, p := range corpusPapers(t) {
		if !strings.HasPrefix(p.name, "frontiers-") {
			continue
		}
		n++
		t.Run(p.name, func(t *testing.T) {
			doc, err := ExtractBytes(p.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			texts := make([]string, len(doc.Blocks))
			rs := []rune(doc.Text)
			for i, b := range doc.Blocks {
				texts[i] = string(rs[b.Start:b.End])
			}
			reviewed, conclusion := -1, -1
			for i, s := range texts {
				low := strings.ToLower(s)
				if strings.HasPrefix(low, "reviewed by") {
					reviewed = i
					if doc.Blocks[i].Kind != appraise.KindOther || len(strings.Fields(s)) < 6 {
						t.Errorf("reviewers: %s %q, want one other block with the label and the names", doc.Blocks[i].Kind, s)
					}
				}
				if conclusion < 0 && (strings.HasPrefix(s, "Conclusion: ") || strings.HasPrefix(s, "Conclusions: ")) {
					conclusion = i
				}
			}
			if reviewed < 0 {
				t.Fatalf("no block starts with the Reviewed by label")
			}
			if conclusion >= 0 && reviewed < conclusion {
				t.Errorf("the sidebar (block %d) comes before the abstract's conclusion (block %d)", reviewed, conclusion)
			}
			if conclusion > 0 && doc.Blocks[conclusion-1].Kind != appraise.KindParagraph {
				t.Errorf("before the conclusion: %s %q, want the abstract's results", doc.Blocks[conclusion-1].Kind, texts[conclusion-1])
			}
		})
	}
	if n == 0 {
		t.Fatal("no Frontiers paper in the corpus")
	}
}

func TestCorpusRunTogetherHeadingsSplit(t *testing.T) {
	for _, p := range corpusPapers(t) {
		if p.name != "frontiers-psychiatry-fpsyt-10-00523" {
			continue
		}
		doc, err := ExtractBytes(p.data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(doc.Text, "\n\nSummary of Main Results\n\nSSRI Versus Placebo\n\n") {
			t.Errorf("Summary of Main Results and SSRI Versus Placebo are not two blocks")
		}
		return
	}
	t.Skip("frontiers-psychiatry-fpsyt-10-00523 is not in the corpus")
}
