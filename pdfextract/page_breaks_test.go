package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// crossPageParagraph is a two-page PDF whose one paragraph fills page 1
// and ends on page 2. Its last sentence on page 1 runs over the page
// break; the next sentence starts on page 2.
func crossPageParagraph(tb testing.TB) []byte {
	tb.Helper()
	var page1 []string
	for i := range 48 {
		page1 = append(page1, fmt.Sprintf("Participants in group %d were followed for twelve weeks and completed every visit.", i+1))
	}
	page1 = append(page1, "The sentence that runs over the page break starts on page one and")
	page2 := []string{
		"finishes on page two after the break. A second sentence starts on page",
		"two and is cited on page two.",
	}
	return testpdf.NewDoc(
		testpdf.Lines("F1", 10, 72, 740, 13, page1...),
		testpdf.Lines("F1", 10, 72, 740, 13, page2...),
	).Bytes()
}

func TestSentencePageIsWhereTheSentenceStarts(t *testing.T) {
	doc, err := ExtractBytes(crossPageParagraph(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Text)
	want := map[string]int{
		"Participants in group 1 were":         1,
		"Participants in group 48 were":        1,
		"The sentence that runs over the page": 1,
		"A second sentence starts on page two": 2,
	}
	found := 0
	for _, p := range doc.Passages {
		s := string(text[p.Start:p.End])
		for prefix, page := range want {
			if strings.HasPrefix(s, prefix) {
				found++
				if p.Page != page {
					t.Errorf("passage %q is on page %d, want %d", s, p.Page, page)
				}
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d sentences; text:\n%s", found, len(want), doc.Text)
	}
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].PageBreaks) != 1 || doc.Blocks[0].PageBreaks[0].Page != 2 {
		t.Errorf("want one block with one page break to page 2, got %+v", doc.Blocks)
	}
	if br := doc.Blocks[0].PageBreaks[0]; !strings.HasPrefix(string(text[br.Start:]), "finishes on page two") {
		t.Errorf("page break at %q, want it before \"finishes\"", string(text[br.Start:min(br.Start+20, len(text))]))
	}
}
