package pdfextract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Page furniture: running headers and footers, page numbers, margin notes
// that repeat on many pages, and line numbers in the margin. All of it is
// dropped from the text.
//
// A fragment in the outer band of a page (top or bottom furnitureBand of
// the height, or the outer furnitureBand of the width) is a running
// header/footer when the same text, digits masked, sits in the same band
// on at least repeatShare of the pages (and on two pages at least): this
// catches "Frontiers in Psychiatry | www.frontiersin.org", "Smith et al.",
// "Page 3 of 12" and journal DOI lines. A bare page number ("7", "vii",
// "Page 7", "7 of 12") in the top or bottom band is dropped on any page.

const (
	furnitureBand = 0.09
	repeatShare   = 0.3
)

var (
	pageNumberRE  = regexp.MustCompile(`^(?i:page\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(?i:of|/)\s*\d{1,4})?$`)
	digitsOnlyRE  = regexp.MustCompile(`^\d{1,4}$`)
	maskDigitsRE  = regexp.MustCompile(`\d+`)
	collapseSpRE  = regexp.MustCompile(`\s+`)
	lineNumberMin = 8
)

// pageFrags is one page's fragments during layout.
type pageFrags struct {
	number        int
	width, height float64
	frags         []*fragment
}

type furnitureZone int

const (
	zoneNone furnitureZone = iota
	zoneTop
	zoneBottom
	zoneLeft
	zoneRight
)

func (p *pageFrags) zoneOf(f *fragment) furnitureZone {
	switch {
	case f.bottom <= furnitureBand*p.height:
		return zoneTop
	case f.top >= (1-furnitureBand)*p.height:
		return zoneBottom
	case f.x1 <= furnitureBand*p.width:
		return zoneLeft
	case f.x0 >= (1-furnitureBand)*p.width:
		return zoneRight
	}
	return zoneNone
}

// furnitureKey is the fragment's text for repeat matching: lower case,
// digits masked, spaces collapsed.
func furnitureKey(s string) string {
	s = strings.ToLower(s)
	s = maskDigitsRE.ReplaceAllString(s, "#")
	s = collapseSpRE.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

// removeFurniture marks running headers and footers, page numbers and
// margin line numbers as removed.
func removeFurniture(pages []*pageFrags) {
	type zkey struct {
		zone furnitureZone
		key  string
	}
	pagesWith := map[zkey]int{}
	for _, p := range pages {
		seen := map[zkey]bool{}
		for _, f := range p.frags {
			z := p.zoneOf(f)
			if z == zoneNone {
				continue
			}
			f.key = furnitureKey(f.plainText())
			k := zkey{z, f.key}
			if f.key != "" && !seen[k] {
				seen[k] = true
				pagesWith[k]++
			}
		}
	}
	need := max(2, int(math.Ceil(repeatShare*float64(len(pages)))))
	for _, p := range pages {
		for _, f := range p.frags {
			z := p.zoneOf(f)
			if z == zoneNone {
				continue
			}
			text := f.plainText()
			if pagesWith[zkey{z, f.key}] >= need && len(pages) >= 2 {
				f.removed = true
			}
			if (z == zoneTop || z == zoneBottom) && pageNumberRE.MatchString(text) {
				f.removed = true
			}
		}
		removeLineNumbers(p)
	}
}

// removeLineNumbers drops margin line numbers: a stack of bare numbers
// near the left or right edge, aligned on one side, counting up by one
// down the page (bioRxiv and manuscript PDFs).
func removeLineNumbers(p *pageFrags) {
	type cand struct {
		f    *fragment
		edge float64
	}
	var cands []cand
	for _, f := range p.frags {
		if f.removed || f.x1 > 0.25*p.width && f.x0 < 0.75*p.width {
			continue
		}
		if !digitsOnlyRE.MatchString(f.plainText()) {
			continue
		}
		// Right-aligned on the left margin, left-aligned on the right.
		edge := f.x1
		if f.x0 >= 0.75*p.width {
			edge = f.x0
		}
		cands = append(cands, cand{f, edge})
	}
	if len(cands) < lineNumberMin {
		return
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].edge < cands[j].edge })
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].edge-cands[j-1].edge <= 2 {
			j++
		}
		group := make([]*fragment, 0, j-i)
		for _, c := range cands[i:j] {
			group = append(group, c.f)
		}
		i = j
		if len(group) < lineNumberMin {
			continue
		}
		sort.Slice(group, func(a, b int) bool { return group[a].base < group[b].base })
		prev, steps := -1, 0
		for _, f := range group {
			n := atoiSmall(f.plainText())
			if prev >= 0 && n == prev+1 {
				steps++
			}
			prev = n
		}
		if float64(steps) >= 0.6*float64(len(group)-1) {
			for _, f := range group {
				f.removed = true
			}
		}
	}
}

func atoiSmall(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsDigit(r) || n > 1e6 {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}
