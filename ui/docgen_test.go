package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// docBuilder writes a Document the way the extractor does: blocks in
// reading order separated by a blank line, one passage per sentence.
type docBuilder struct {
	sb   strings.Builder
	n    int // code points written
	doc  appraise.Document
	page int
}

func newDocBuilder(title string, authors ...string) *docBuilder {
	b := &docBuilder{page: 1}
	b.doc.ExtractorVersion = "fake-1"
	b.doc.Meta = appraise.Metadata{Title: title, Authors: authors, Year: 2024, Journal: "Journal of Tests", DOI: "10.1234/test.5678"}
	b.doc.Pages = []appraise.Page{{Number: 1, Width: 612, Height: 792}}
	return b
}

// newPage starts the next page.
func (b *docBuilder) newPage() {
	b.page++
	b.doc.Pages = append(b.doc.Pages, appraise.Page{Number: b.page, Width: 612, Height: 792})
}

// add appends a block of the sentences, each one passage.
func (b *docBuilder) add(kind appraise.BlockKind, sentences ...string) {
	if len(b.doc.Blocks) > 0 {
		b.sb.WriteString("\n\n")
		b.n += 2
	}
	idx := len(b.doc.Blocks)
	start := b.n
	for i, s := range sentences {
		if i > 0 {
			b.sb.WriteString(" ")
			b.n++
		}
		ps := b.n
		b.sb.WriteString(s)
		b.n += utf8.RuneCountInString(s)
		b.doc.Passages = append(b.doc.Passages, appraise.Passage{
			ID: fmt.Sprintf("b%d.s%d", idx, i), Block: idx, Page: b.page, Start: ps, End: b.n})
	}
	b.doc.Blocks = append(b.doc.Blocks, appraise.Block{Index: idx, Kind: kind, Page: b.page,
		BBox: appraise.Rect{X0: 72, Y0: 72, X1: 540, Y1: 120}, Start: start, End: b.n})
}

func (b *docBuilder) build() appraise.Document {
	b.doc.Text = b.sb.String()
	return b.doc
}

// sentencePool is clinical-paper prose for generated documents.
var sentencePool = []string{
	"We enrolled 1,204 adults presenting to three emergency departments with acute chest pain.",
	"Patients were randomised to high-sensitivity troponin testing at zero and one hour or to standard care.",
	"The primary outcome was a composite of death or myocardial infarction at thirty days.",
	"Median age was 61 years (IQR 52–70), and 43% of participants were women.",
	"Follow-up was complete for 97.8% of the cohort.",
	"The rapid pathway reduced time to discharge by a median of 3.2 hours (95% CI 2.6 to 3.8).",
	"Adverse events did not differ between the groups (risk ratio 0.94, 95% CI 0.71 to 1.25).",
	"Because allocation could not be concealed from clinicians, performance bias cannot be excluded.",
	"The trial was not powered to detect differences in mortality alone.",
	"Patients with renal failure on dialysis were excluded, limiting generalisability to that group.",
	"Data were analysed by intention to treat using mixed-effects logistic regression.",
	"Missing outcomes were handled by multiple imputation under a missing-at-random assumption.",
	"These findings suggest that an early rule-out strategy is safe in low-risk patients.",
	"Sensitivity analyses excluding protocol violations gave similar results.",
	"Recruitment took place between March 2019 and November 2021, interrupted by the pandemic.",
}

// genDoc builds a paper of about n paragraphs: a title, headings every few
// paragraphs, captions, several pages and references at the end.
func genDoc(title string, n int) appraise.Document {
	b := newDocBuilder(title, "Okafor A", "Lindqvist M", "Haddad R")
	b.add(appraise.KindTitle, title)
	b.add(appraise.KindOther, "Okafor A, Lindqvist M, Haddad R. Journal of Tests 2024.")
	heads := []string{"Introduction", "Methods", "Participants", "Outcomes", "Statistical analysis", "Results", "Discussion", "Limitations", "Conclusions"}
	for i := 0; i < n; i++ {
		if i%8 == 0 {
			b.add(appraise.KindHeading, heads[(i/8)%len(heads)])
		}
		k := 2 + (i*7)%4
		var ss []string
		for j := 0; j < k; j++ {
			ss = append(ss, sentencePool[(i*5+j*3)%len(sentencePool)])
		}
		b.add(appraise.KindParagraph, ss...)
		if i%11 == 10 {
			b.add(appraise.KindCaption, fmt.Sprintf("Figure %d. Time to discharge by study arm.", i/11+1), "Error bars show 95% confidence intervals.")
		}
		if i%6 == 5 {
			b.newPage()
		}
	}
	b.add(appraise.KindHeading, "References")
	for i := 1; i <= 3; i++ {
		b.add(appraise.KindReference, fmt.Sprintf("%d. Author X, Author Y. A reference title number %d. Lancet. 20%02d;1:1–9.", i, i, 10+i))
	}
	return b.build()
}
