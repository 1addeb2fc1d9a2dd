package export

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// clean makes user text fit to show in a document: invalid UTF-8 becomes
// U+FFFD, CR LF and lone CR become LF, and NUL and every other control
// character except tab and LF becomes U+FFFD, so that none can end up in a
// reader's terminal, browser or editor. Everything else, including
// right-to-left text, U+2028 and bidi controls, is kept as it is.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// oneLine is clean with every run of whitespace (line breaks included)
// folded into one space and the ends trimmed: for titles, names and other
// fields that must stay on one line.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(clean(s), isBreakingSpace), " ")
}

// isBreakingSpace reports white space that may be folded, including the
// Unicode line and paragraph separators.
func isBreakingSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u2028' || r == '\u2029'
}

// Bidi formatting characters (Unicode UAX #9).
const (
	bidiLRE = '\u202A'
	bidiRLE = '\u202B'
	bidiPDF = '\u202C'
	bidiLRO = '\u202D'
	bidiRLO = '\u202E'
	bidiLRI = '\u2066'
	bidiRLI = '\u2067'
	bidiFSI = '\u2068'
	bidiPDI = '\u2069'
)

// balanceBidi closes the bidi embeddings, overrides and isolates s leaves
// open, so that text written after it is not reordered or reversed by it.
// Formats with no isolating markup (Markdown) need it; HTML isolates user
// text with the dir attribute instead.
func balanceBidi(s string) string {
	var open []rune // the closer each open formatting character needs
	for _, r := range s {
		switch r {
		case bidiLRE, bidiRLE, bidiLRO, bidiRLO:
			open = append(open, bidiPDF)
		case bidiLRI, bidiRLI, bidiFSI:
			open = append(open, bidiPDI)
		case bidiPDF:
			if n := len(open); n > 0 && open[n-1] == bidiPDF {
				open = open[:n-1]
			}
		case bidiPDI:
			// A PDI closes the innermost open isolate and every embedding
			// opened inside it; with no open isolate it does nothing.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == bidiPDI {
					open = open[:i]
					break
				}
			}
		}
	}
	if len(open) == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s)
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteRune(open[i])
	}
	return b.String()
}

// paperTitle is the title to show, falling back to the file name.
func paperTitle(p appraise.Paper) string {
	if t := oneLine(p.Meta.Title); t != "" {
		return t
	}
	if p.Path != "" {
		base := p.Path[strings.LastIndexAny(p.Path, `/\`)+1:]
		if b := oneLine(base); b != "" {
			return b
		}
	}
	return "Untitled paper"
}

// maxCitedAuthors is how many authors a citation names before "et al.",
// as in the Vancouver style journals in medicine use.
const maxCitedAuthors = 6

// authorList is the authors for a citation line.
func authorList(authors []string) string {
	var names []string
	for _, a := range authors {
		if a = oneLine(a); a != "" {
			names = append(names, a)
		}
	}
	if len(names) > maxCitedAuthors {
		return strings.Join(names[:maxCitedAuthors], ", ") + ", et al."
	}
	return strings.Join(names, ", ")
}

// citationParts is the citation line after the title: authors, journal
// and year, each possibly empty. The DOI is shown apart.
type citationParts struct {
	Authors string
	Journal string
	Year    string
	DOI     string // as recorded, trimmed
	DOIURL  string // https://doi.org/… when DOI looks like one, else ""
}

func citation(m appraise.Metadata) citationParts {
	c := citationParts{Authors: authorList(m.Authors), Journal: oneLine(m.Journal), DOI: doiOf(m.DOI)}
	if m.Year > 0 {
		c.Year = strconv.Itoa(m.Year)
	}
	c.DOIURL = doiURL(c.DOI)
	return c
}

// doiOf trims the forms people paste a DOI in ("doi:10.…",
// "https://doi.org/10.…") down to the DOI itself.
func doiOf(s string) string {
	s = oneLine(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "DOI "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// doiURL returns the doi.org address of a DOI, or "" when doi is not one
// (a DOI starts with "10." and a registrant code, then "/" and a suffix
// with no spaces).
func doiURL(doi string) string {
	slash := strings.IndexByte(doi, '/')
	if !strings.HasPrefix(doi, "10.") || slash < 4 || slash == len(doi)-1 || strings.ContainsAny(doi, " \t\n") {
		return ""
	}
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for _, c := range []byte(doi) {
		// Keep what a DOI URL may hold literally; percent-encode the rest
		// ("#", "?", "%", quotes, angle brackets, non-ASCII …).
		if c > ' ' && c < 0x7f && !strings.ContainsRune(`"#%<>?[\]^`+"`{|}", rune(c)) {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
	}
	return b.String()
}

// designLabel is the study design as a phrase: "Retrospective case series".
func designLabel(a appraise.Appraisal) string {
	d := oneLine(string(a.Design))
	t := oneLine(string(a.Timing))
	var s string
	switch {
	case d == "" && t == "":
		return ""
	case d == "":
		s = t + " study"
	case t == "":
		s = d
	default:
		s = t + " " + d
	}
	if d == string(appraise.DesignOther) && t == "" {
		s = "other design"
	}
	return upperFirst(s)
}

// upperFirst is s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// pageLabel is "p. 3", or "" when the page is not known.
func pageLabel(page int) string {
	if page <= 0 {
		return ""
	}
	return "p. " + strconv.Itoa(page)
}

// day formats the date part of t as people in any country read it.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// appName is "Appraise 0.1.0", or "Appraise" when the version is unknown.
func appName(version string) string {
	if v := oneLine(version); v != "" {
		return "Appraise " + v
	}
	return "Appraise"
}
