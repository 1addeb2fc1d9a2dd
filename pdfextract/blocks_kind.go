package pdfextract

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Block kinds, decided from the block's text and typography relative to
// the document's body text:
//   - title: on the first page, the block in the largest font, clearly
//     larger than body text;
//   - heading: at most three lines and few words, set bold or larger, or
//     numbered ("2.1 Participants"), or in capitals, or a known section
//     name ("Methods", "References");
//   - caption: starts with a label — "Figure 2.", "Fig. 3:", "FIGURE 1 |",
//     "Table 1" in bold or smaller type;
//   - reference: a block after a References heading, up to the next heading;
//   - footnote: small type at the bottom of a page, below the column's body
//     text or starting with a note mark ("[1] …", "* …");
//   - other: tables (most lines rows of cells), author lists on the first
//     page, and short text in small type (affiliations, figure labels);
//   - paragraph: the rest.

// classifyBlocks sets every draft's kind and measures.
func classifyBlocks(ds []*blockDraft, st *docStats) {
	lowestBody := map[int]float64{} // column → lowest body-size baseline
	for _, d := range ds {
		d.measure()
		for _, l := range d.lines {
			if st.isBody(l) {
				if b, ok := lowestBody[l.col]; !ok || l.base > b {
					lowestBody[l.col] = l.base
				}
			}
		}
	}
	st.indented = measureIndent(ds, *st)
	inRefs := false
	for _, d := range ds {
		switch {
		case d.isNumericTable():
			d.kind = appraise.KindTable
		case isCaption(d, *st):
			d.kind = appraise.KindCaption
		case isHeading(d, *st):
			d.kind = appraise.KindHeading
			inRefs = refsHeadRE.MatchString(d.text)
		case inRefs && backMatterRE.MatchString(d.text):
			inRefs = false // "Conflict of Interest Statement: …" after the list
			d.kind = appraise.KindParagraph
		case inRefs:
			d.kind = appraise.KindReference
		case d.isTable():
			d.kind = appraise.KindTable
		case d.size < 0.92*st.bodySize && isFootnote(d, lowestBody):
			d.kind = appraise.KindFootnote
		case d.size < 0.9*st.bodySize && (d.words < 40 || len(d.lines) < 3):
			d.kind = appraise.KindOther // long text in small type is a paragraph (an abstract)
		default:
			d.kind = appraise.KindParagraph
		}
	}
	markTitle(ds, *st)
	markAuthors(ds)
	markBoxes(ds, *st)
}

// markAuthors turns a first-page "heading" that lists names before the
// first section heading ("Ann Lee, Bo Chen and Cy Diaz") into other.
func markAuthors(ds []*blockDraft) {
	if len(ds) == 0 {
		return
	}
	page := ds[0].first().page
	for _, d := range ds {
		if d.first().page != page || sectionRE.MatchString(d.text) {
			return
		}
		if d.kind == appraise.KindHeading && (strings.Count(d.text, ",") >= 2 || strings.Contains(d.text, " and ") && strings.Contains(d.text, ",")) {
			d.kind = appraise.KindOther
		}
	}
}

// measure sets the draft's text, dominant size, bold share and words.
func (d *blockDraft) measure() {
	parts := make([]string, len(d.lines))
	sizes := map[float64]int{}
	bold, italic, all := 0.0, 0.0, 0
	for i, l := range d.lines {
		parts[i] = l.text
		n := utf8.RuneCountInString(l.text)
		sizes[math.Round(l.size*4)/4] += n
		bold += l.bold * float64(n)
		italic += l.italic * float64(n)
		all += n
	}
	d.text = strings.Join(parts, " ")
	d.size = modeKey(sizes)
	if all > 0 {
		d.bold = bold / float64(all)
		d.italic = italic / float64(all)
	}
	d.words = len(strings.Fields(d.text))
}

// isTable: most of the block's lines are rows of cells.
func (d *blockDraft) isTable() bool {
	rows := 0
	for _, l := range d.lines {
		if l.cellGaps > 0 {
			rows++
		}
	}
	return len(d.lines) >= 2 && 2*rows >= len(d.lines) && rows >= 2
}

func isCaption(d *blockDraft, st docStats) bool {
	m := captionRE.FindStringSubmatchIndex(d.text)
	if m == nil {
		return false
	}
	punct := m[4] < m[5]
	return punct || d.first().bold >= 0.2 || d.size < 0.95*st.bodySize
}

var backMatterRE = regexp.MustCompile(`^(?i:conflicts? of interest|competing interests|copyright|funding|acknowledge?ments?|author contributions|data availability|ethics (?:statement|approval)|supplementary (?:material|information)|abbreviations)\b`)

var numberedHeadRE = regexp.MustCompile(`^(\d+(\.\d+)*\.?|[IVX]+\.|[A-H]\.)\s+\p{Lu}`)

func isHeading(d *blockDraft, st docStats) bool {
	if len(d.lines) > 3 || d.words > 20 || d.words == 0 {
		return false
	}
	if sectionRE.MatchString(d.text) {
		return true
	}
	if strings.HasSuffix(d.text, ".") && d.words > 6 {
		return false
	}
	if d.size < 0.95*st.bodySize {
		return false
	}
	strong := d.bold >= 0.7 || d.size >= 1.12*st.bodySize && d.words <= 12 ||
		len(d.lines) <= 2 && d.first().font != st.bodyFont && !endsSentence(d.text) && (d.italic >= 0.9 || d.size > st.bodySize)
	numbered := numberedHeadRE.MatchString(d.text) && d.words <= 12 && !endsSentence(d.text)
	return strong || numbered || isAllCaps(d.text) && d.words <= 10
}

// isAllCaps: at least four letters, none lower case.
func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 4
}

func isFootnote(d *blockDraft, lowestBody map[int]float64) bool {
	f := d.first()
	if f.top < 0.6*f.pageHeight || d.words < 3 {
		return false
	}
	b, ok := lowestBody[f.col]
	if ok && b > f.base {
		return false
	}
	// Below the column's body text, or marked as a note.
	return ok || footnoteMarkRE.MatchString(f.text)
}

// footnoteMarkRE: a note's mark at the start of its first line; "∗" is
// TeX's math asterisk (U+2217), which \thanks footnotes print.
var footnoteMarkRE = regexp.MustCompile(`^(\[[0-9a-z*∗†‡§¶,]{1,8}\]|[*∗†‡§¶]|\d{1,2} \p{Lu})`)

// measureIndent reports whether the document's paragraphs mostly start
// with an indented first line.
func measureIndent(ds []*blockDraft, st docStats) bool {
	indented, total := 0, 0
	for _, d := range ds {
		if len(d.lines) < 2 || !st.isBody(d.first()) {
			continue
		}
		f, s := d.first(), d.lines[1]
		if f.col != s.col {
			continue
		}
		total++
		if f.x0-s.x0 > indentMinEm*f.size {
			indented++
		}
	}
	return total >= 3 && 2*indented >= total
}

// markTitle makes the first page's largest-type block the title.
func markTitle(ds []*blockDraft, st docStats) {
	if len(ds) == 0 {
		return
	}
	page := ds[0].first().page
	best := -1
	for i, d := range ds {
		if d.first().page != page {
			break
		}
		if d.kind == appraise.KindCaption || d.size < 1.2*st.bodySize || letterCount(d.text) < 8 {
			continue
		}
		if best < 0 || d.size > ds[best].size+0.1 {
			best = i
		}
	}
	if best >= 0 {
		ds[best].kind = appraise.KindTitle
	}
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
