package pdfextract

import (
	"strings"
	"testing"
)

// Corpus check for columns that end on one baseline above footnotes
// (skipped without $APPRAISE_CORPUS): on page 5 of the SPECTER paper
// (ACL 2020) the left column's last line ends its sentence in the left
// column, and the right column's last sentence, hyphenated across its
// last two lines, is whole.

func TestCorpusSpecterColumnsKeepTheirLastLines(t *testing.T) {
	doc := corpusDoc(t, "acl2020-main-207-specter")
	rs := []rune(doc.Text)
	for _, want := range []string{
		"For SPECTER, we also perform an online A/B test to measure whether its advantages",
		"The C hyperparameter was tuned via a held-out validation set.",
	} {
		found := false
		for _, b := range doc.Blocks {
			if b.Page == 5 && strings.Contains(string(rs[b.Start:b.End]), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no block of page 5 holds %q", want)
		}
	}
}
