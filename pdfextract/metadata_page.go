package pdfextract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/textmetrics"
)

// What the first pages say about the paper. Title and authors come from
// the laid-out blocks of page 1; DOI, year and journal are searched in a
// rough text of pages 1–2 built from the glyphs, which still holds the
// running headers and footers that layout removes from the reading text
// (where many publishers print the journal, year and DOI).

type frontBlock struct {
	kind    appraise.BlockKind
	top     float64
	text    string
	maxSize float64 // largest glyph inside the block's box
}

type frontPages struct {
	blocks     []frontBlock // page 1, reading order
	height     float64      // page 1
	page1      string       // rough text of page 1
	page12     string       // rough text of pages 1 and 2
	margins    string       // rough text of the top and bottom margins of pages 1 and 2
	page1Words map[string]bool
}

func newFrontPages(pages []PageGlyphs, blocks []appraise.Block, text string) *frontPages {
	fp := &frontPages{page1Words: map[string]bool{}}
	if len(pages) == 0 {
		return fp
	}
	first := pages[0]
	fp.height = first.Height
	fp.page1 = roughText(first)
	fp.page12 = fp.page1
	fp.margins = roughText(marginGlyphs(first))
	if len(pages) > 1 {
		fp.page12 += "\n" + roughText(pages[1])
		fp.margins += "\n" + roughText(marginGlyphs(pages[1]))
	}
	runes := []rune(text)
	for _, b := range blocks {
		if b.Page != first.Number || b.Start < 0 || b.End > len(runes) || b.Start > b.End {
			continue
		}
		fb := frontBlock{kind: b.Kind, top: b.BBox.Y0, text: string(runes[b.Start:b.End])}
		for _, g := range first.Glyphs {
			if g.X >= b.BBox.X0-1 && g.X <= b.BBox.X1+1 && g.Y >= b.BBox.Y0-1 && g.Y <= b.BBox.Y1+1 {
				fb.maxSize = math.Max(fb.maxSize, g.Size)
			}
		}
		fp.blocks = append(fp.blocks, fb)
	}
	for _, w := range textmetrics.Words(fp.page1) {
		fp.page1Words[w] = true
	}
	for _, b := range fp.blocks {
		for _, w := range textmetrics.Words(b.text) {
			fp.page1Words[w] = true
		}
	}
	return fp
}

// roughText joins a page's glyphs in drawing order: a space at a gap of
// more than 0.15 em, at a jump backwards or at a drawn space, a newline
// where the baseline moves.
func roughText(p PageGlyphs) string {
	var b strings.Builder
	var prev *Glyph
	space := func() {
		if s := b.String(); s != "" && s[len(s)-1] != ' ' && s[len(s)-1] != '\n' {
			b.WriteByte(' ')
		}
	}
	for i := range p.Glyphs {
		g := &p.Glyphs[i]
		if g.Invisible || g.Text == "" {
			continue
		}
		if strings.TrimSpace(g.Text) == "" {
			space()
			continue
		}
		if prev != nil {
			size := math.Max(math.Max(g.Size, prev.Size), 1)
			switch gap := g.X - (prev.X + prev.W); {
			case math.Abs(g.Y-prev.Y) > 0.6*size:
				b.WriteByte('\n')
			case gap > 0.15*size || g.X < prev.X:
				space()
			}
		}
		b.WriteString(g.Text)
		prev = g
	}
	return b.String()
}

// marginGlyphs keeps the glyphs in the top 12% and bottom 10% of a page,
// where running headers and footers name the journal.
func marginGlyphs(p PageGlyphs) PageGlyphs {
	out := PageGlyphs{Number: p.Number, Width: p.Width, Height: p.Height}
	for _, g := range p.Glyphs {
		if g.Y < 0.12*p.Height || g.Y > 0.9*p.Height {
			out.Glyphs = append(out.Glyphs, g)
		}
	}
	return out
}

// mentions reports whether the first two pages print doi.
func (fp *frontPages) mentions(doi string) bool {
	return strings.Contains(strings.ToLower(fp.page12), strings.ToLower(doi))
}

var doiMarked = regexp.MustCompile(`(?i)(?:\bdoi\b\s*:?\s*|doi\.org/)(10\.\d{4,9}/[^\s"'<>]+)`)

// doi returns the first DOI the first pages print after "doi" or
// "doi.org/", else the first bare DOI of page 1.
func (fp *frontPages) doi() string {
	for _, s := range []string{fp.page1, fp.page12} {
		if m := doiMarked.FindStringSubmatch(s); m != nil {
			return cleanDOI(m[1])
		}
	}
	return cleanDOI(fp.page1)
}

// label matches block texts that name the article type, not the paper.
var label = regexp.MustCompile(`(?i)^(original |research |review |brief |short |case |systematic |clinical )*(article|research|report|paper|communication|review|letter|trial|study)s?( open access)?$`)

// markers are superscript affiliation markers, as layout writes them
// ("[1,2]", "^2") or as symbols.
var markers = regexp.MustCompile(`\[[^\]]{0,24}\]|\^\S+|[*†‡§¶∗#]+`)

func stripMarkers(s string) string {
	return strings.Join(strings.Fields(markers.ReplaceAllString(s, " ")), " ")
}

// title returns page 1's title: the title block when its type is about as
// large as the largest on the top of the page, else the block set in the
// largest type there.
func (fp *frontPages) title() string {
	best, bestSize, titleIdx := -1, 0.0, -1
	for i, b := range fp.blocks {
		if fp.height > 0 && b.top > 0.6*fp.height {
			continue
		}
		text := stripMarkers(b.text)
		n := len(strings.Fields(text))
		if n < 3 || n > 60 || label.MatchString(text) {
			continue
		}
		if b.kind == appraise.KindTitle && titleIdx < 0 {
			titleIdx = i
		}
		if b.maxSize > bestSize+0.01 {
			best, bestSize = i, b.maxSize
		}
	}
	if titleIdx >= 0 && fp.blocks[titleIdx].maxSize >= 0.9*bestSize {
		best = titleIdx
	}
	if best < 0 {
		return ""
	}
	return stripMarkers(fp.blocks[best].text)
}

// authors returns the names in the author line: the first of the three
// blocks after the title whose parts are nearly all names, or that
// contains a surname the metadata gives.
func (fp *frontPages) authors(title string, meta []string) []string {
	start := 0
	tw := textmetrics.Words(title)
	for i, b := range fp.blocks {
		if b.kind == appraise.KindTitle || (len(tw) > 0 && strings.Contains(strings.Join(textmetrics.Words(b.text), " "), strings.Join(tw, " "))) {
			start = i + 1
			break
		}
	}
	for i := start; i < len(fp.blocks) && i < start+3; i++ {
		names, ok := splitAuthorLine(fp.blocks[i].text)
		if ok || (len(names) > 0 && mentionsSurname(fp.blocks[i].text, meta)) {
			return names
		}
	}
	return nil
}

func mentionsSurname(s string, names []string) bool {
	for _, n := range names {
		f := strings.Fields(n)
		if len(f) > 0 && len(f[len(f)-1]) > 2 && strings.Contains(s, f[len(f)-1]) {
			return true
		}
	}
	return false
}

var nameSeparators = strings.NewReplacer(" and ", "|", " & ", "|", ",", "|", ";", "|")

// splitAuthorLine splits "Anna Järvinen [1], Merja K. Laine [2] and …" into
// names. ok is true when at least 80% of the parts look like names.
func splitAuthorLine(s string) (names []string, ok bool) {
	if len([]rune(s)) > 1500 || strings.Contains(s, "@") {
		return nil, false
	}
	s = markers.ReplaceAllString(s, "|")
	s = nameSeparators.Replace(s)
	parts := strings.Split(s, "|")
	total := 0
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimFunc(p, unicode.IsDigit))
		if p == "" || p == "and" {
			continue
		}
		total++
		p = titleCaseCaps(p)
		if isNameLike(p) && capitalised(p) {
			names = append(names, p)
		}
	}
	return names, total > 0 && len(names) >= 1 && float64(len(names)) >= 0.8*float64(total)
}

// capitalised reports whether every word starts with an upper-case letter,
// apart from name particles.
func capitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "dos", "das", "del", "bin", "ten", "ter":
			continue
		}
		if r := []rune(w)[0]; !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// titleCaseCaps rewrites words in capitals ("DOUGLAS") as "Douglas".
func titleCaseCaps(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		if len(r) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !strings.Contains(w, ".") {
			words[i] = string(r[0]) + strings.ToLower(string(r[1:]))
		}
	}
	return strings.Join(words, " ")
}

var (
	publishedYear = regexp.MustCompile(`(?i)\bpublished(?:\s+online)?:?\s+(?:on\s+)?(?:\d{1,2}\s+)?(?:[a-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b`)
	copyrightYear = regexp.MustCompile(`(?i)(?:©|ⓒ|\(c\)|copyright|ª)\s*(?:©\s*)?((?:19|20)\d\d)\b`)
	journalLine   = regexp.MustCompile(`([A-Z][A-Za-z&' ]{2,60}?),?\s+\(?((?:19|20)\d\d)\)?[,;]?\s*\d+`)
	etAlJournal   = regexp.MustCompile(`et\s+al\.?,?\s+\(?(?:19|20)\d\d\)?,?\s+([A-Z][A-Za-z&' ]{2,60}?)\s+\d+|et\s+al\.?\s+([A-Za-z][A-Za-z&' ]{1,60}?)\s+(?:19|20)\d\d[;,]\s*\d`)
	journalOf     = regexp.MustCompile(`\b(?:Journal|Annals|Archives|Proceedings|Bulletin|Transactions)[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w&'-]*(?:[ \t]+(?:(?:of|and|&|the|in|for)[ \t]+)?[A-Z][\w&'-]*)*`)
	frontiersName = regexp.MustCompile(`Frontiers[ \t]+in[ \t]+[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+)*`)
)

// year looks for "Published …", "© 2014" and journal lines like
// "Clinical Science (2014) 126" on the first page.
func (fp *frontPages) year() int {
	for _, re := range []*regexp.Regexp{publishedYear, copyrightYear} {
		if m := re.FindStringSubmatch(fp.page1); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	if m := journalLine.FindStringSubmatch(fp.page1); m != nil {
		y, _ := strconv.Atoi(m[2])
		return y
	}
	return 0
}

// journal looks for the journal line of the first pages.
func (fp *frontPages) journal() string {
	if m := frontiersName.FindString(fp.page12); m != "" {
		return strings.Join(strings.Fields(m), " ")
	}
	if m := etAlJournal.FindStringSubmatch(fp.page12); m != nil {
		return strings.Join(strings.Fields(m[1]+m[2]), " ")
	}
	for _, line := range strings.Split(fp.page1, "\n") {
		if m := journalLine.FindStringSubmatch(line); m != nil && strings.HasPrefix(line, m[0]) {
			return strings.Join(strings.Fields(m[1]), " ")
		}
	}
	if m := journalOf.FindString(fp.margins); m != "" {
		words := strings.Fields(m)
		for i, w := range words {
			switch strings.ToLower(strings.TrimRight(w, ".:")) {
			case "volume", "vol", "issue", "no", "page", "pages", "article", "number", "doi", "published":
				words = words[:i]
			}
			if i >= len(words) {
				break
			}
		}
		return strings.Join(words, " ")
	}
	return ""
}
