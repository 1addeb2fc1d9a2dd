package pdfextract

import (
	"regexp"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// Two headings run together.
//
// Some typesetters set a section heading and the subheading after it in
// one line, in the same type ("Summary of Main Results SSRI Versus
// Placebo": Frontiers). Nothing in the glyphs separates them; what does is
// that the first is one of the standard headings of a paper's sections
// (IMRaD, and the fixed subheadings of a review's or a trial's Results and
// Discussion), which never go on with more capitalised words. Such a
// heading block becomes two heading blocks.

// standardHeadRE matches a standard heading at the start of a heading's
// text and, in group 2, the capitalised rest.
var standardHeadRE = regexp.MustCompile(`^((?i:(?:\d+(?:\.\d+)*\.?\s+)?(?:` +
	`introduction|background|methods|materials and methods|patients and methods|results|discussion|conclusions?|` +
	`summary of (?:the )?main results|principal findings|main findings|key findings|` +
	`strengths and (?:limitations|weaknesses)(?: of (?:the|this) (?:study|review))?|` +
	`limitations of (?:the|this) (?:study|review)|` +
	`comparison with (?:other|previous|existing) (?:studies|reviews|literature)|` +
	`implications for (?:clinical )?(?:practice|research|policy)|` +
	`overall completeness and applicability of (?:the )?evidence|quality of (?:the )?evidence|` +
	`potential biases in the review process|agreements and disagreements with other studies(?: or reviews)?|` +
	`authors['’]? conclusions|unanswered questions and future research)))\s+(\p{Lu}\S*(?:\s+\S+)+)$`)

// splitRunTogetherHeadings splits each heading block whose first line
// starts with a standard heading followed by at least two more words, the
// first capitalised, into two heading blocks.
func splitRunTogetherHeadings(ds []*blockDraft) []*blockDraft {
	var out []*blockDraft
	for _, d := range ds {
		if d.kind != appraise.KindHeading || len(d.lines) > 3 {
			out = append(out, d)
			continue
		}
		l := d.first()
		// The rest may run on to the next lines: match the whole text,
		// cut in the first line.
		m := standardHeadRE.FindStringSubmatchIndex(d.text)
		if m == nil || m[3] >= len(l.text) || !strings.HasPrefix(d.text, l.text) {
			out = append(out, d)
			continue
		}
		head := d.text[:m[3]]
		h, rest := *l, *l
		h.text, h.runIn, h.x1 = head, 0, l.x0+(l.x1-l.x0)*float64(len(head))/float64(len(l.text))
		rest.text, rest.runIn = strings.TrimSpace(l.text[m[3]:]), 0
		rest.x0 = h.x1
		second := *d
		second.lines = append([]*textLine{&rest}, d.lines[1:]...)
		second.text = strings.TrimSpace(d.text[m[3]:])
		second.words = len(strings.Fields(second.text))
		first := *d
		first.lines = []*textLine{&h}
		first.text = head
		first.words = len(strings.Fields(head))
		out = append(out, &first, &second)
	}
	return out
}
