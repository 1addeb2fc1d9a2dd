package demopaper

import (
	"bytes"
	"fmt"
	"strings"
)

// Generate typesets the demo paper. It returns the PDF and its truth: the
// reading-order text, blocks separated by one blank line, ending with a
// newline. The same bytes come back on every call.
func Generate() (pdf []byte, truth string, err error) {
	pdf, truth, _, err = generate()
	return pdf, truth, err
}

func generate() ([]byte, string, report, error) {
	f, err := newPDF()
	if err != nil {
		return nil, "", report{}, err
	}
	m, err := newMeasurer()
	if err != nil {
		return nil, "", report{}, err
	}
	f.SetTitle(plainTitle(), true)
	f.SetAuthor("Maren K. Ostrowski, Tobias Lindqvist-Achebe, Ilse Varga, Samuel R. Okonkwo-Hart", true)
	f.SetSubject(fmt.Sprintf("%s, %s", journalName, journalIssue), true)
	f.SetKeywords("postpartum depression; interpersonal psychotherapy; case series", true)
	f.SetCreator("Appraise demo paper generator (fictional paper)", true)
	f.SetProducer("Appraise demopaper with fpdf", true)

	fl := &flow{f: f, s: &setter{m: m, h: newHyphenator()}}
	fl.newPage()
	if err := fl.frontMatter(frontMatterText()); err != nil {
		return nil, "", report{}, fmt.Errorf("front matter: %w", err)
	}
	afterHeading := false
	for i, el := range bodyText() {
		switch el := el.(type) {
		case heading:
			err = fl.heading(el)
		case paragraph:
			err = fl.paragraph(el, afterHeading)
		case table:
			err = fl.table(el)
		case figure:
			err = fl.figure(el)
		}
		if err != nil {
			return nil, "", report{}, fmt.Errorf("body element %d: %w", i, err)
		}
		_, afterHeading = el.(heading)
	}
	if err := fl.referenceList(referenceTexts()); err != nil {
		return nil, "", report{}, fmt.Errorf("references: %w", err)
	}
	if err := f.Error(); err != nil {
		return nil, "", report{}, fmt.Errorf("typeset demo paper: %w", err)
	}
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		return nil, "", report{}, fmt.Errorf("write demo paper: %w", err)
	}
	return out.Bytes(), strings.Join(fl.truth, "\n\n") + "\n", fl.rep, nil
}

func plainTitle() string {
	title := frontMatterText().Title
	runs, err := parseMarkup(title)
	if err != nil {
		return title
	}
	return truthText(runs)
}
