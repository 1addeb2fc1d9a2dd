package pdfextract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/textmetrics"
)

// Bibliographic metadata from three sources, trusted in this order when
// they agree with the page: the XMP packet, the Info dictionary, and the
// first pages' text (title block, author line, DOI, year, journal line).
// Metadata fields that the first page does not confirm are treated as
// junk ("Microsoft Word - draft.docx", "Title", a file name).

// docInfo is what the Info dictionary and the XMP packet say.
type docInfo struct {
	title, author, subject, doi, created string
	xmp                                  xmpData
}

// readDocInfo reads the Info dictionary and the XMP packet; a library
// panic leaves the fields read so far.
func readDocInfo(d *document) (info docInfo) {
	if d == nil || d.r == nil {
		return info
	}
	defer func() { _ = recover() }()
	tr := d.r.Trailer()
	in := tr.Key("Info")
	info.title = infoText(in.Key("Title"))
	info.author = infoText(in.Key("Author"))
	info.subject = infoText(in.Key("Subject"))
	info.created = infoText(in.Key("CreationDate"))
	for _, k := range []string{"doi", "DOI", "Doi"} {
		if s := infoText(in.Key(k)); s != "" {
			info.doi = s
		}
	}
	if md := tr.Key("Root").Key("Metadata"); md.Kind() == pdf.Stream {
		data, _ := newDocCache().readStream(md, maxXMPBytes)
		info.xmp = parseXMP(data)
	}
	return info
}

// infoText decodes an Info string (PDFDocEncoding or UTF-16) and removes
// control characters, such as the padding AES decryption leaves.
func infoText(v pdf.Value) string {
	return strings.Join(strings.Fields(cleanText(v.Text())), " ")
}

// documentMetadata combines the sources.
func documentMetadata(d *document, pages []PageGlyphs, blocks []appraise.Block, text string) appraise.Metadata {
	info := readDocInfo(d)
	fp := newFrontPages(pages, blocks, text)
	var m appraise.Metadata
	m.Title = chooseTitle(info, fp)
	m.Authors = chooseAuthors(info, fp, m.Title)
	m.DOI = chooseDOI(info, fp)
	m.Journal = chooseJournal(info, fp)
	m.Year = chooseYear(info, fp, m.DOI)
	return m
}

// junkTitle matches Info titles that name a file or a template rather
// than the paper.
var junkTitle = regexp.MustCompile(`(?i)^(untitled|title|document\d*|layout \d+|microsoft \w+ - .*|.*\.(pdf|docx?|rtf|tex|dvi|indd|qxd|ps))$|^[\d\s.:_-]+$`)

func chooseTitle(info docInfo, fp *frontPages) string {
	for _, t := range []string{info.xmp.title, info.title} {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || junkTitle.MatchString(t) || len([]rune(t)) < 8 {
			continue
		}
		if fp.confirms(t, 0.7) {
			return t
		}
	}
	return fp.title()
}

// confirms reports whether at least frac of s's words occur in the first
// page's text.
func (fp *frontPages) confirms(s string, frac float64) bool {
	words := textmetrics.Words(s)
	if len(words) == 0 {
		return false
	}
	hit := 0
	for _, w := range words {
		if fp.page1Words[w] {
			hit++
		}
	}
	return float64(hit) >= frac*float64(len(words))
}

func chooseAuthors(info docInfo, fp *frontPages, title string) []string {
	meta := splitAuthorField(info.author)
	if len(info.xmp.creators) > len(meta) {
		meta = cleanNames(info.xmp.creators)
	}
	page := fp.authors(title, meta)
	if len(page) > 0 && len(page) >= len(meta) {
		return page
	}
	return meta
}

// splitAuthorField splits an Info /Author value: "A; B", "A, B and C".
func splitAuthorField(s string) []string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "{et al.}", ""))
	if s == "" {
		return nil
	}
	var parts []string
	if strings.Contains(s, ";") {
		parts = strings.Split(s, ";")
	} else {
		parts = strings.Split(strings.ReplaceAll(strings.ReplaceAll(s, " and ", ","), " & ", ","), ",")
	}
	return cleanNames(parts)
}

// cleanNames keeps the parts that look like a person's name, once each;
// names written all in lower case are capitalised.
func cleanNames(parts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p == strings.ToLower(p) {
			p = capitaliseWords(p)
		}
		if isNameLike(p) && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func capitaliseWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		words[i] = string(unicode.ToUpper(r[0])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// isNameLike accepts 2–6 words with letters, the last not a particle, and
// rejects account names and organisations.
func isNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 || len([]rune(s)) > 60 {
		return false
	}
	lower := strings.ToLower(s)
	if containsAny(lower, "university", "department", "institute", "hospital", "school", "center", "centre",
		"laboratory", "author", "administrator", "@", "http") {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return unicode.IsLetter([]rune(words[len(words)-1])[0])
}

var doiPattern = regexp.MustCompile(`10\.\d{4,9}/[^\s"'<>]+`)

// cleanDOI extracts a DOI from a value such as "doi:10.1/x",
// "https://doi.org/10.1/x" or "10.1/x.", or returns "".
func cleanDOI(s string) string {
	d := doiPattern.FindString(s)
	return strings.TrimRight(d, ".,;:)]}")
}

func chooseDOI(info docInfo, fp *frontPages) string {
	var meta []string
	for _, s := range append([]string{info.xmp.doi, info.doi}, info.xmp.identifiers...) {
		if d := cleanDOI(s); d != "" {
			meta = append(meta, d)
		}
	}
	if d := cleanDOI(info.subject); d != "" {
		meta = append(meta, d)
	}
	if d := cleanDOI(info.xmp.description); d != "" {
		meta = append(meta, d)
	}
	for _, d := range meta {
		if fp.mentions(d) {
			return d
		}
	}
	if d := fp.doi(); d != "" {
		return d
	}
	if len(meta) > 0 {
		return meta[0]
	}
	return ""
}

// journalField matches a journal name followed by a year, volume or DOI,
// as publishers write it in /Subject: "Current Biology, 34 (2024) …",
// "Journal of Trauma Management & Outcomes 2010 4:1. doi:…".
var journalField = regexp.MustCompile(`^([A-Za-z][^,.;:\d]{2,80}?)[,.]?\s+(?:(?:19|20)\d\d\b|\d+\s*\((?:19|20)\d\d\)|https?://|doi)`)

func chooseJournal(info docInfo, fp *frontPages) string {
	if j := strings.TrimSpace(info.xmp.journal); j != "" {
		return j
	}
	for _, s := range []string{info.subject, info.xmp.description} {
		if len(s) > 200 {
			continue
		}
		if m := journalField.FindStringSubmatch(s); m != nil {
			if j := strings.TrimSpace(m[1]); j != strings.ToLower(j) {
				return j
			}
		}
		// A bare journal name that the first page prints.
		if s = strings.TrimSpace(s); !strings.ContainsAny(s, ",;:0123456789") && len(strings.Fields(s)) >= 2 &&
			len(strings.Fields(s)) <= 8 && strings.Contains(fp.page1, s) {
			return s
		}
	}
	return fp.journal()
}

var (
	yearIn    = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	yearInDOI = regexp.MustCompile(`[./]((?:19|20)\d\d)[./]`) // 10.1155/2010/157939, 10.3389/fpsyt.2019.00097
)

func chooseYear(info docInfo, fp *frontPages, doi string) int {
	if y := firstYear(info.xmp.coverDate); y > 0 {
		return y
	}
	if y := fp.year(); y > 0 {
		return y
	}
	if m := yearInDOI.FindStringSubmatch(doi); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	if len(info.subject) <= 200 {
		if y := firstYear(info.subject); y > 0 {
			return y
		}
	}
	created := strings.TrimPrefix(info.created, "D:")
	if len(created) >= 4 {
		if y := firstYear(created[:4]); y > 0 {
			return y
		}
	}
	return firstYear(info.xmp.createDate)
}

func firstYear(s string) int {
	m := yearIn.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}
