package textmetrics

import (
	"regexp"
	"strings"
)

// Page furniture in a reference text. pdftotext keeps running headers,
// footers, licence lines, page numbers and margin line numbers, which
// Appraise removes on purpose, so raw scores against pdftotext mix
// extraction quality with that choice. WithoutFurniture removes furniture
// from the reference by a rule of its own, independent of the extractor's
// detector, so a score against its result cannot be raised by the
// extractor dropping text: pages are pdftotext's form feeds; a line is
// furniture when it is a bare number, or when, with digits masked, it
// recurs on at least 30% of the pages (and on three or more).

var (
	bareNumber = regexp.MustCompile(`^\s*[0-9]{1,5}\s*$`)
	digitRun   = regexp.MustCompile(`[0-9]+`)
	spaceRun   = regexp.MustCompile(`\s+`)
)

// furnitureKey is the form of a line compared across pages.
func furnitureKey(line string) string {
	return strings.ToLower(spaceRun.ReplaceAllString(digitRun.ReplaceAllString(strings.TrimSpace(line), "#"), " "))
}

// WithoutFurniture returns ref, a text whose pages are separated by form
// feeds (pdftotext's output), without its page furniture.
func WithoutFurniture(ref string) string {
	pages := strings.Split(ref, "\f")
	seen := map[string]int{} // key → pages it occurs on
	for _, p := range pages {
		onPage := map[string]bool{}
		for _, l := range strings.Split(p, "\n") {
			if k := furnitureKey(l); k != "" && !onPage[k] {
				onPage[k] = true
				seen[k]++
			}
		}
	}
	minPages := max(3, (3*len(pages)+9)/10)
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteByte('\f')
		}
		for _, l := range strings.Split(p, "\n") {
			if bareNumber.MatchString(l) || seen[furnitureKey(l)] >= minPages && len(pages) >= 3 {
				continue
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
