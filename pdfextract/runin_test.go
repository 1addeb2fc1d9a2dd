package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// runInDoc is a page of body paragraphs in Helvetica 10 whose second
// paragraph's first line starts with lead, set in Helvetica-Bold (/F2),
// and goes on in regular type with rest.
func runInDoc(lead, rest string) []byte {
	body := []string{
		"Depression after childbirth is common and often missed in primary care settings.",
		"Screening with a short questionnaire at six weeks finds most of the women at risk.",
		"Treatment in the first months protects both the mother and her infant from harm.",
	}
	content := testpdf.Lines("F1", 10, 72, 700, 12, body...) +
		fmt.Sprintf("BT /F2 10 Tf 72 656 Td %s Tj /F1 10 Tf %s Tj ET\n", testpdf.LiteralString(lead+" "), testpdf.LiteralString(rest)) +
		testpdf.Lines("F1", 10, 72, 644, 12,
			"five databases from their inception to March 2023 and screened every record twice.",
			"Two reviewers extracted the data and a third settled any disagreement between them.")
	d := testpdf.NewDoc(content)
	bold := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", d.Font, bold))
	return d.Bytes()
}

func TestRunInHeadingsAreSplitFromTheirText(t *testing.T) {
	tests := []struct {
		name string
		lead string
		want []string // kind: text of the blocks after the first paragraph
	}{
		{"a bold run-in heading becomes a heading block", "Search strategy and identification of studies",
			[]string{"heading: Search strategy and identification of studies", "paragraph: We performed a systematic search of five databases"}},
		{"a one-word label with a colon stays with its paragraph", "Methods:",
			[]string{"paragraph: Methods: We performed a systematic search of five databases"}},
		{"bold emphasis ending in a comma stays in the sentence", "Most importantly,",
			[]string{"paragraph: Most importantly, We performed a systematic search of five databases"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(runInDoc(tt.lead, "We performed a systematic search of"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			text := []rune(doc.Text)
			var got []string
			for _, b := range doc.Blocks[1:] {
				got = append(got, string(b.Kind)+": "+string(text[b.Start:b.End]))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("blocks %q, want %d after the first", got, len(tt.want))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("block %d = %q, want it to start %q", i+1, got[i], tt.want[i])
				}
			}
			if doc.Blocks[1].Kind == "heading" {
				for _, p := range doc.Passages {
					if strings.HasPrefix(string(text[p.Start:p.End]), "We performed") && p.Block != 2 {
						t.Errorf("the sentence after the heading is in block %d", p.Block)
					}
				}
			}
		})
	}
}
