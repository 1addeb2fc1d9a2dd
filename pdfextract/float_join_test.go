package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// figureInParagraph is a one-column page: a paragraph whose sentence is
// cut by a figure (a caption in smaller type, with space above for the
// figure) and goes on below it, then a last paragraph.
func figureInParagraph(before, after string, caption ...string) []byte {
	top := testpdf.Lines("F1", 10, 72, 720, 12,
		"Women who screened positive at six weeks were invited to the trial and most of them",
		before)
	fig := testpdf.Lines("F1", 8, 72, 560, 9.6, caption...)
	rest := testpdf.Lines("F1", 10, 72, 520, 12,
		after,
		"randomised to group therapy or to usual care by a computer in another city.")
	last := testpdf.Lines("F1", 10, 72, 480, 12,
		"Outcomes were measured by a researcher who did not know the group of any woman.")
	return testpdf.NewDoc(top + fig + rest + last).Bytes()
}

func TestCaptionInsideAParagraphGoesAfterIt(t *testing.T) {
	caption := []string{"Figure 1. Flow of participants through the trial, from screening to the",
		"twelve-week follow-up visit."}
	tests := []struct {
		name          string
		before, after string
		want          []string
	}{
		{"a sentence cut by a figure is whole, the caption after it",
			"agreed to take part; those who agreed were", "then",
			[]string{
				"Women who screened positive at six weeks were invited to the trial and most of them agreed to take part; those who agreed were then randomised to group therapy or to usual care by a computer in another city.",
				"Figure 1. Flow of participants through the trial, from screening to the twelve-week follow-up visit.",
				"Outcomes were measured by a researcher who did not know the group of any woman.",
			}},
		{"a word hyphenated across the figure is joined",
			"agreed to take part; those who agreed were subse-", "quently",
			[]string{
				"Women who screened positive at six weeks were invited to the trial and most of them agreed to take part; those who agreed were subsequently randomised to group therapy or to usual care by a computer in another city.",
				"Figure 1. Flow of participants through the trial, from screening to the twelve-week follow-up visit.",
				"Outcomes were measured by a researcher who did not know the group of any woman.",
			}},
		{"a paragraph that ended before the figure stays apart",
			"agreed to take part in the trial of therapy.", "Then",
			[]string{
				"Women who screened positive at six weeks were invited to the trial and most of them agreed to take part in the trial of therapy.",
				"Figure 1. Flow of participants through the trial, from screening to the twelve-week follow-up visit.",
				"Then randomised to group therapy or to usual care by a computer in another city.",
				"Outcomes were measured by a researcher who did not know the group of any woman.",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(figureInParagraph(tt.before, tt.after, caption...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(doc.Text, "\n\n")
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
