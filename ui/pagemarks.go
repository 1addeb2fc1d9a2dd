package ui

import (
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// pageMark is one box of an annotation on a page: the part of its text
// printed on one line, in points (appraise.Rect's coordinates).
type pageMark struct {
	ann  string
	rect appraise.Rect
	tags []string
	size int // the annotation's length in code points
}

// pageMarks are the highlights the page view draws, per page (1-based),
// placed from the extraction's own glyph positions (Document.SpanRects),
// so a highlight covers exactly the quoted characters as printed. Like
// the text view it draws attached, live annotations only.
type pageMarks map[int][]pageMark

func buildPageMarks(v *docView, anns []appraise.Annotation) pageMarks {
	out := pageMarks{}
	if v == nil || len(v.doc.Lines) == 0 {
		return out
	}
	for _, a := range anns {
		if a.Status != appraise.Attached || !a.Deleted.IsZero() || len(a.Tags) == 0 {
			continue
		}
		for _, pr := range v.doc.SpanRects(a.Anchor.Start, a.Anchor.End) {
			out[pr.Page] = append(out[pr.Page], pageMark{ann: a.ID, rect: pr.Rect, tags: a.Tags, size: a.Anchor.End - a.Anchor.Start})
		}
	}
	for p := range out {
		ms := out[p]
		// Longer annotations first, so shorter ones nested in them paint
		// on top, as in the text view.
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].size > ms[j].size })
	}
	return out
}

// hit returns the annotation whose box on page holds the point (x, y),
// the shortest one when boxes overlap: the one painted on top.
func (m pageMarks) hit(page int, x, y float64) (string, bool) {
	best, found := pageMark{}, false
	for _, pm := range m[page] {
		r := pm.rect
		if x < r.X0 || x > r.X1 || y < r.Y0 || y > r.Y1 {
			continue
		}
		if !found || pm.size < best.size {
			best, found = pm, true
		}
	}
	return best.ann, found
}

// tagsOnPage lists the tags present on a page in the library's order, so
// each gets its own stripe level as in the text view.
func (m pageMarks) tagsOnPage(page int, slot func(string) int) map[string]int {
	var present []string
	seen := map[string]bool{}
	for _, pm := range m[page] {
		for _, t := range pm.tags {
			if !seen[t] {
				seen[t] = true
				present = append(present, t)
			}
		}
	}
	sort.SliceStable(present, func(i, j int) bool { return slot(present[i]) < slot(present[j]) })
	level := make(map[string]int, len(present))
	for i, t := range present {
		level[t] = i
	}
	return level
}
