package pdfextract

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Lines in reading order → blocks.
//
// A new block starts at a column change, a caption label, a heading, a
// change of font size or weight, a vertical gap wider than the body's line
// spacing, an indented first line after a full line, a line after a short
// line that ended a sentence, and — after a References heading — at every
// reference entry (numbered, or outdented under a hanging indent). Blocks
// split by a column or page break are joined again in joinContinuations.

const (
	gapFactor    = 1.35 // × expected baseline distance
	indentMinEm  = 0.6
	indentMaxEm  = 8
	fullLineEm   = 2.5 // a line ending within this of the column's right edge is full
	shortLineEm  = 3   // one ending further left than this is short
	sizeChange   = 0.12
	boldLine     = 0.9 // a line this bold is a heading's, not a run-in label's
	maxSkipFloat = 40  // blocks skipped looking for a paragraph's continuation
)

// The line expressions; see blocks_match.go for the quick tests in front
// of them.
var (
	captionRE = lineRE{regexp.MustCompile(`^(?i:(?:supplementary\s+|extended\s+data\s+)?(?:fig(?:ure)?s?\.?|table|box|scheme|chart|plate))\s*(S?\d+[A-Za-z]?|[IVX]+)\b\s*([.:|—–-]?)`),
		startsWithWordFold("supplementary", "extended", "fig", "table", "box", "scheme", "chart", "plate")}
	// At most five runs (a number, three words, a colon), starting with a
	// digit, a Roman numeral or letter of the numbering, or the first
	// letter of a name.
	sectionRE = lineRE{regexp.MustCompile(`^(?i:(?:(?:\d+(?:\.\d+)*\.?|[IVX]+\.?|[A-H]\.)\s*)?(?:abstract|summary|background|introduction|methods?|materials? and methods|methods and materials|patients and methods|subjects and methods|study design|results|discussion|conclusions?|results and discussion|limitations|references|bibliography|literature cited|works cited|reference list|acknowledge?ments?|funding|author contributions|conflicts? of interest|competing interests|declarations?|data availability(?: statement)?|ethics statement|supplementary (?:material|information)|appendix(?: [a-z0-9]+)?|keywords|key words|abbreviations|highlights|in brief|graphical abstract|star ?methods|key resources table))\s*:?$`),
		allOf(startsWithASCIIFold("abcdefghiklmprsvwx0123456789"), fewRuns(5))}
	refsHeadRE = lineRE{regexp.MustCompile(`^(?i:(?:(?:\d+|[IVX]+)\.?\s*)?(?:references(?: and notes)?|bibliography|literature cited|works cited|reference list|cited literature))\s*:?$`),
		fewRuns(5)}
	bracketMarkerRE = lineRE{regexp.MustCompile(`^\[[0-9a-z*†‡§,–-]{1,12}\] `), firstByteIn("[")}
	numberedItemRE  = lineRE{regexp.MustCompile(`^\d{1,3}\. \p{Lu}`), firstByteIn(digits)}
	refStartRE      = lineRE{regexp.MustCompile(`^(\[\d{1,4}\]|\d{1,3}\.\s|\d{1,3}\s+\p{Lu})`), firstByteIn("[" + digits)} // not a year: "2019. Title"
)

// blockDraft is a block being built: its lines and, once classified, kind.
type blockDraft struct {
	lines  []*textLine
	kind   appraise.BlockKind
	size   float64 // dominant font size
	bold   float64 // share of bold characters
	italic float64 // share of italic characters
	words  int
	text   string // lines joined with spaces, for classification
}

func (d *blockDraft) first() *textLine { return d.lines[0] }
func (d *blockDraft) last() *textLine  { return d.lines[len(d.lines)-1] }

// bbox is the box of the block's lines in the column it starts in.
func (d *blockDraft) bbox() appraise.Rect {
	f := d.first()
	r := appraise.Rect{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, l := range d.lines {
		if l.page != f.page || l.col != f.col {
			continue
		}
		r.X0, r.Y0 = math.Min(r.X0, l.x0), math.Min(r.Y0, l.top)
		r.X1, r.Y1 = math.Max(r.X1, l.x1), math.Max(r.Y1, l.bottom)
	}
	return r
}

// segmentBlocks cuts the line stream into blocks.
func segmentBlocks(lines []*textLine, st docStats) []*blockDraft {
	var out []*blockDraft
	var cur *blockDraft
	inRefs := false
	for i, l := range lines {
		if cur != nil && !startsBlock(cur.first(), lines[i-1], l, st, inRefs) {
			cur.lines = append(cur.lines, l)
			continue
		}
		if cur != nil && refsHeadRE.MatchString(cur.first().text) && len(cur.lines) == 1 {
			inRefs = true
		}
		cur = &blockDraft{lines: []*textLine{l}}
		out = append(out, cur)
		if inRefs && isHeadingLine(l, st) && !l.isRefStart() && !refsHeadRE.MatchString(l.text) {
			inRefs = false
		}
	}
	return out
}

// isHeadingLine: a short line set bold or larger than body text, or a
// known section name.
func isHeadingLine(l *textLine, st docStats) bool {
	if l.isSection() {
		return true
	}
	if len(strings.Fields(l.text)) > 12 {
		return false
	}
	return l.bold >= 0.8 && l.size >= 0.95*st.bodySize || l.size >= 1.15*st.bodySize
}

// continuesAcrossBands reports whether line c, in another band or column
// of the same page than line p, carries on p's paragraph: same left edge,
// same size, the usual line spacing. A paragraph's short last line does
// not cross the gutter, so it falls into the band below.
func continuesAcrossBands(p, c *textLine, st docStats) bool {
	if p.page != c.page || math.Abs(p.size-c.size) > 0.05*p.size || math.Abs(p.x0-c.x0) > indentMinEm*p.size {
		return false
	}
	expected := 1.2 * p.size
	if st.isBody(p) {
		expected = st.bodySpacing
	}
	d := c.base - p.base
	return d > 0.5*p.size && d <= gapFactor*expected
}

// startsBlock decides whether line c starts a new block after line p.
func startsBlock(blockFirst, p, c *textLine, st docStats, inRefs bool) bool {
	if p.col != c.col && !continuesAcrossBands(p, c, st) {
		return true
	}
	if p.numTable != 0 && p.numTable == c.numTable {
		return false // a numeric table is one block
	}
	if c.isCaptionStart() && !p.isCaptionStart() || p.isSection() || c.isSection() {
		return true
	}
	em := math.Max(p.size, c.size)
	// Table rows stay together whatever their type; a table is one block.
	if p.col == c.col && (p.isTableRow() || p.cellGaps > 0 && p != blockFirst) && c.cellGaps > 0 {
		return c.base-p.base > 3*em || c.base <= p.base
	}
	if p.isTableRow() != c.isTableRow() && p.col == c.col {
		return true
	}
	if math.Abs(p.size-c.size) > sizeChange*em {
		return true
	}
	if (p.bold >= boldLine) != (c.bold >= boldLine) {
		return true
	}
	// A lone short line in italic or in another font over body text: a
	// subheading.
	if p == blockFirst && !endsSentence(p.text) && p.x1 < math.Max(p.colRight, c.colRight)-shortLineEm*em &&
		(p.italic >= boldLine && c.italic < 0.5 || p.font != c.font && c.font == st.bodyFont && p.font != "" && c.italic < 0.5) {
		return true
	}
	expected := 1.2 * em
	if st.isBody(p) && st.isBody(c) {
		expected = st.bodySpacing
	}
	d := c.base - p.base
	if d > gapFactor*expected || d < 0.3*em {
		return true
	}
	if inRefs {
		if c.isRefStart() {
			return true
		}
		// Hanging indent: an entry's first line sticks out to the left.
		return c.x0 < p.x0-indentMinEm*em && !p.isRefStart()
	}
	// An indented first line after a line that starts at the column's
	// left edge and is full or ends a sentence.
	// Column edges: across a band change, the wider of the two columns.
	left, right := c.colLeft, c.colRight
	if p.col != c.col {
		left, right = math.Min(p.colLeft, left), math.Max(p.colRight, right)
	}
	ind := c.x0 - left
	if enumeratorKind(blockFirst.text) != 0 {
		ind = 0 // a list item's hanging indent, not a new paragraph
	}
	if ind > indentMinEm*em && ind < indentMaxEm*em && c.x0 > p.x0+indentMinEm*em &&
		p.x0-left < indentMinEm*em && (p.x1 > right-fullLineEm*em || endsSentence(p.text)) {
		return true
	}
	if p.x1 < right-shortLineEm*em && endsSentence(p.text) && startsUpperOrDigit(c.text) {
		return true
	}
	// Items of a list: the block began with an enumerator and so does c.
	if k := enumeratorKind(c.text); k != 0 && k == enumeratorKind(blockFirst.text) {
		return true
	}
	return false
}

// enumeratorKind classifies a line's leading list marker: 1 for a
// bracketed marker ("[2] Mother and Baby Unit"), 2 for a number with a
// period ("3. Lee M."), 3 for a bullet; 0 for none.
func enumeratorKind(text string) int {
	switch {
	case bracketMarkerRE.MatchString(text):
		return 1
	case numberedItemRE.MatchString(text):
		return 2
	case strings.HasPrefix(text, "• ") || strings.HasPrefix(text, "● ") || strings.HasPrefix(text, "▪ ") ||
		strings.HasPrefix(text, "– ") || strings.HasPrefix(text, "◦ ") || strings.HasPrefix(text, "■ "):
		return 3
	}
	return 0
}

// endsSentence reports whether text ends with terminal punctuation,
// ignoring closing quotes and brackets and a trailing citation marker.
func endsSentence(text string) bool {
	t := strings.TrimSpace(text)
	if i := strings.LastIndex(t, " ["); i >= 0 && strings.HasSuffix(t, "]") {
		t = strings.TrimSpace(t[:i])
	}
	t = strings.TrimRight(t, `)]"'’”»`)
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '?' || r == '!' || r == ':'
}

// endsWithDOI reports whether lines end with a whole DOI ("doi:
// 10.1016/j.brat.2007.10.003", "https://doi.org/10.1002/x.7"), maybe
// broken over the last two lines: the last item of a reference entry,
// which is complete although it ends without a full stop. (A DOI cut at
// a line end stops at its "." or "/".)
func endsWithDOI(lines []*textLine) bool {
	last := strings.TrimSpace(lines[len(lines)-1].text)
	if doiEndRE.MatchString(last) {
		return true
	}
	return len(lines) > 1 && doiEndRE.MatchString(strings.TrimSpace(lines[len(lines)-2].text)+last)
}

var doiEndRE = regexp.MustCompile(`(?i)(?:\bdoi:?\s*|doi\.org/)10\.\d{4,9}/\S*[0-9a-z]$`)

func startsUpperOrDigit(text string) bool {
	t := strings.TrimLeft(text, `([“"'‘`)
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLower(r)
}

// joinContinuations joins a paragraph (or reference entry) cut by a column
// or page break: when it ends its column's text and the next paragraph of
// the stream starts the next column's text, skipping captions, footnotes
// and other floats in between, the two are one block when the first does
// not end a sentence, or the second starts in lower case, or the document
// indents paragraphs and the second's first line is not indented. A
// paragraph cut by a float inside its own column (a figure and its
// caption, a table, a box) is joined too when it ends mid-sentence and
// goes on in lower case or after a hyphen. The floats skipped stay where
// they are in the stream: after the paragraph they interrupted.
//
// Sidebar columns and split footnotes are grouped first (markSidebars).
func joinContinuations(ds []*blockDraft, st docStats) []*blockDraft {
	ds = markSidebars(ds, st)
	mainKind := func(k appraise.BlockKind) bool {
		return k == appraise.KindParagraph || k == appraise.KindReference ||
			k == appraise.KindHeading || k == appraise.KindTitle
	}
	removed := make([]bool, len(ds))
	for i := 0; i < len(ds); i++ {
		a := ds[i]
		if removed[i] || a.kind != appraise.KindParagraph && a.kind != appraise.KindReference {
			continue
		}
		for {
			j := nextMain(ds, removed, i, mainKind)
			if j < 0 {
				break
			}
			b := ds[j]
			if b.first().col == a.last().col && b.first().page == a.last().page {
				// The same column: a float (a figure's caption, a table, a
				// box) set inside the paragraph's run of text.
				if b.kind != a.kind || !floatBetween(removed, i, j) || !interrupted(a, b) {
					break
				}
			} else if !endsColumnFlow(ds, removed, i, j, mainKind) ||
				b.kind != a.kind || !startsColumnFlow(ds, removed, j, mainKind) || !continues(a, b, st) {
				break
			}
			a.lines = append(a.lines, b.lines...)
			a.text += " " + b.text
			removed[j] = true
		}
	}
	out := ds[:0]
	for i, d := range ds {
		if !removed[i] {
			out = append(out, d)
		}
	}
	return out
}

// floatBetween reports whether a live block lies between blocks i and j.
func floatBetween(removed []bool, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !removed[k] {
			return true
		}
	}
	return false
}

// interrupted reports whether paragraph b, after a float in the same
// column, goes on with a's sentence: a ends mid-sentence and b starts in
// lower case, or a ends with a hyphenated word, or a's last line is full
// (it runs to the column's edge, so the paragraph did not end there) and
// b's first line is not indented ("… in the Medical Department of" ¶ box
// ¶ "Kamuzu Central Hospital …").
//
// Either way a's last line starts where b's first line does, at the
// column's left edge, as a paragraph's lines do (a one-line paragraph's
// indented first line may run full to the column's edge instead): a last
// line starting elsewhere — a table's rows set to the right, a centred
// equation, a margin note set beside the column — is not text the
// sentence runs on from.
func interrupted(a, b *blockDraft) bool {
	l := a.last()
	if endsSentence(l.text) || !sameLeftEdge(a, b) {
		return false
	}
	if startsLower(b.first().text) || endsWithHyphen(l.text) {
		return true
	}
	f := b.first()
	return a.kind == appraise.KindParagraph && len(a.lines) > 1 && l.x1 > l.colRight-fullLineEm*l.size && f.x0-f.colLeft < indentMinEm*f.size &&
		math.Abs(a.size-b.size) <= sizeChange*math.Max(a.size, b.size)
}

// sameLeftEdge reports whether a's last line starts where b's first line
// does, or a is one indented first line that runs to its column's edge.
func sameLeftEdge(a, b *blockDraft) bool {
	l, f := a.last(), b.first()
	em := math.Max(l.size, f.size)
	d := l.x0 - f.x0
	if math.Abs(d) <= indentMinEm*em {
		return true
	}
	return len(a.lines) == 1 && d > 0 && d < indentMaxEm*em && l.x1 > l.colRight-fullLineEm*l.size
}

// nextMain finds the next live main block after i within maxSkipFloat
// blocks, or -1.
func nextMain(ds []*blockDraft, removed []bool, i int, mainKind func(appraise.BlockKind) bool) int {
	skipped := 0
	for j := i + 1; j < len(ds) && skipped <= maxSkipFloat; j++ {
		if removed[j] {
			continue
		}
		if mainKind(ds[j].kind) {
			return j
		}
		skipped++
	}
	return -1
}

// endsColumnFlow: block i's last line is in another column than block j's
// first, and no main block follows i in its last column.
func endsColumnFlow(ds []*blockDraft, removed []bool, i, j int, mainKind func(appraise.BlockKind) bool) bool {
	col := ds[i].last().col
	if ds[j].first().col == col {
		return false
	}
	for k := i + 1; k < j; k++ {
		if !removed[k] && ds[k].first().col == col && mainKind(ds[k].kind) {
			return false
		}
	}
	return true
}

// startsColumnFlow: no main block precedes j in its first column.
func startsColumnFlow(ds []*blockDraft, removed []bool, j int, mainKind func(appraise.BlockKind) bool) bool {
	col := ds[j].first().col
	for k := j - 1; k >= 0 && k >= j-4*maxSkipFloat; k-- {
		if removed[k] {
			continue
		}
		if ds[k].first().col != col && ds[k].last().col != col {
			return true
		}
		if mainKind(ds[k].kind) {
			return false
		}
	}
	return true
}

// continues decides whether b's text carries on a's.
func continues(a, b *blockDraft, st docStats) bool {
	if math.Abs(a.size-b.size) > sizeChange*math.Max(a.size, b.size) {
		return false
	}
	bf := b.first()
	if startsLower(bf.text) {
		return true
	}
	if a.kind == appraise.KindReference {
		return !endsSentence(a.last().text) && !endsWithDOI(a.lines) && !bf.isRefStart()
	}
	indented := bf.x0-bf.colLeft > indentMinEm*bf.size
	if !endsSentence(a.last().text) {
		return !indented || !st.indented
	}
	return st.indented && !indented && len(b.lines) > 1
}

// maxRunInWords is the longest bold lead-in taken for a run-in heading.
const maxRunInWords = 12

// splitRunInHeadings gives a paragraph whose first line starts with a
// bold lead-in (see textLine.runIn) a heading block of its own before it:
// "Search strategy and identification of studies We performed…" becomes
// the heading "Search strategy and identification of studies" and the
// paragraph "We performed…". A label of one or two words ending in a
// colon or full stop ("Background:", "Statistical analysis.") stays with
// its paragraph, as structured abstracts print it (the segmenter keeps it
// with the sentence it introduces); so does a lead-in of more than
// maxRunInWords words, or one ending in a comma, semicolon or hyphen
// (emphasis inside a sentence).
func splitRunInHeadings(ds []*blockDraft) []*blockDraft {
	var out []*blockDraft
	for _, d := range ds {
		l := d.first()
		if d.kind != appraise.KindParagraph || l.runIn == 0 || l.runIn >= len(l.text) {
			out = append(out, d)
			continue
		}
		head := l.text[:l.runIn]
		n := len(strings.Fields(head))
		end, _ := utf8.DecodeLastRuneInString(head)
		label := n <= 2 && (end == '.' || end == ':')
		if label || n > maxRunInWords || strings.ContainsRune(",;-‐", end) {
			out = append(out, d)
			continue
		}
		h, rest := *l, *l
		h.text, h.runIn = head, 0
		rest.text, rest.runIn = strings.TrimSpace(l.text[l.runIn:]), 0
		lines := append([]*textLine{&rest}, d.lines[1:]...)
		para := *d
		para.lines = lines
		out = append(out, &blockDraft{lines: []*textLine{&h}, kind: appraise.KindHeading, size: l.size, bold: 1, words: len(strings.Fields(head)), text: head}, &para)
	}
	return splitRunTogetherHeadings(out)
}
