package pdfextract

import (
	"math"
	"strings"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Sidebars and boxes: text set apart from the paper's flow.
//
// A sidebar column is a narrow column of small type beside the page's
// main text (Frontiers' first-page column: EDITED BY, REVIEWED BY,
// CORRESPONDENCE, CITATION, COPYRIGHT). sidebarsLast already reads it
// after the band's main columns, so it follows the abstract; here its
// blocks become other (never body paragraphs), and each entry — a label
// and the lines under it — is one block: the ragged, right-aligned lines
// of such a column look like indented paragraph starts and would cut an
// entry into pieces ("Reviewed by: … Institute of Human Behaviour and" ¶
// "Allied Sciences, India").
//
// A box is a block of small type set inside a column between body
// paragraphs (a BMJ affiliation and correspondence box in Methods): it is
// a float, other, so the paragraph it interrupts joins over it.

const (
	// sidebarMaxShare: a sidebar column is at most this share of the
	// page's text width.
	sidebarMaxShare = 0.4
	// sidebarSmall: its type is at most this share of the body size.
	sidebarSmall = 0.95
	// entryGapEm: blocks of a sidebar closer than this (in ems, top to
	// previous bottom) are one entry cut apart by its ragged lines.
	entryGapEm = 0.6
	// labelGapEm: a label's entry starts within this many ems below it.
	labelGapEm = 1.2
)

// markSidebars makes every block of a sidebar column other and joins each
// entry's blocks into one; it first splits out flow charts' boxes
// (markFlowCharts) and joins loosely spaced footnotes (joinSplitNotes). It runs after classifyBlocks and before
// joinContinuations.
func markSidebars(ds []*blockDraft, st docStats) []*blockDraft {
	ds = joinSplitNotes(markFlowCharts(ds))
	side := sidebarColumns(ds, st)
	if len(side) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		if !side[d.first().col] {
			out = append(out, d)
			continue
		}
		d.kind = appraise.KindOther
		if n := len(out); n > 0 && side[out[n-1].last().col] && sameEntry(out[n-1], d) {
			p := out[n-1]
			p.lines = append(p.lines, d.lines...)
			p.text += " " + d.text
			p.words += d.words
			continue
		}
		out = append(out, d)
	}
	return out
}

// sameEntry reports whether sidebar block d carries on entry p: the same
// column, and d starts right under p (a ragged line cut the entry) or p
// is a lone label ("EDITED BY", "Citation:") and d its text.
func sameEntry(p, d *blockDraft) bool {
	pl, df := p.last(), d.first()
	if pl.col != df.col || pl.page != df.page {
		return false
	}
	em := math.Max(pl.size, df.size)
	gap := df.top - pl.bottom
	if gap < 0 {
		return false
	}
	if isSidebarLabel(p) {
		return gap <= labelGapEm*em && !isSidebarLabel(d)
	}
	return gap <= entryGapEm*em && !isSidebarLabel(d) && !startsWithNoteMark(df.text)
}

// isSidebarLabel: a one-line block of at most three words in capitals or
// ending with a colon ("OPEN ACCESS", "*CORRESPONDENCE", "Reviewed by:").
func isSidebarLabel(d *blockDraft) bool {
	if len(d.lines) != 1 || d.words == 0 || d.words > 3 {
		return false
	}
	t := strings.TrimSpace(d.text)
	return strings.HasSuffix(t, ":") || isAllCaps(t)
}

// startsWithNoteMark: "[†] These authors…", "* Equal contribution".
func startsWithNoteMark(text string) bool {
	return footnoteMarkRE.MatchString(text) && !strings.HasPrefix(text, "*") ||
		strings.HasPrefix(text, "* ")
}

// sidebarColumns returns the columns (textLine.col) that are sidebars: all
// small type, narrower than sidebarMaxShare of the page's text, in the
// margin beside all the page's body text (left or right of every body
// line, not a narrow float under it).
func sidebarColumns(ds []*blockDraft, st docStats) map[int]bool {
	type extent struct {
		x0, x1 float64
		small  bool
		page   int
	}
	type span struct{ x0, x1 float64 }
	cols := map[int]*extent{}
	pages := map[int]*span{} // the page's text
	body := map[int]*span{}  // the page's body-size text
	grow := func(m map[int]*span, k int, l *textLine) {
		if s := m[k]; s != nil {
			s.x0, s.x1 = math.Min(s.x0, l.x0), math.Max(s.x1, l.x1)
			return
		}
		m[k] = &span{l.x0, l.x1}
	}
	for _, d := range ds {
		for _, l := range d.lines {
			e := cols[l.col]
			if e == nil {
				e = &extent{x0: l.x0, x1: l.x1, small: true, page: l.page}
				cols[l.col] = e
			}
			e.x0, e.x1 = math.Min(e.x0, l.x0), math.Max(e.x1, l.x1)
			if l.size > sidebarSmall*st.bodySize {
				e.small = false
			}
			grow(pages, l.page, l)
			if st.isBody(l) {
				grow(body, l.page, l)
			}
		}
	}
	var out map[int]bool
	for id, e := range cols {
		p, b := pages[e.page], body[e.page]
		if !e.small || b == nil || e.x1-e.x0 > sidebarMaxShare*(p.x1-p.x0) || b.x0 < e.x1 && b.x1 > e.x0 {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		out[id] = true
	}
	return out
}

// markBoxes makes a block of small type that sits inside a column between
// two body-size paragraphs of that column other: a boxed float (an
// affiliation or correspondence box), not a paragraph of the flow.
func markBoxes(ds []*blockDraft, st docStats) {
	for i := 1; i+1 < len(ds); i++ {
		d := ds[i]
		if d.kind != appraise.KindParagraph || d.size >= 0.9*st.bodySize {
			continue
		}
		a, b := ds[i-1], ds[i+1]
		same := a.last().col == d.first().col && b.first().col == d.last().col && a.last().page == b.first().page
		if same && a.kind == appraise.KindParagraph && b.kind == appraise.KindParagraph && st.isBody(a.last()) && st.isBody(b.first()) {
			d.kind = appraise.KindOther
		}
	}
}

// joinSplitNotes joins a footnote cut into pieces by its loose line
// spacing: consecutive footnote blocks of one column and size, the second
// right under the first, not starting with a note mark of its own, and
// going on with the first's sentence: it starts in lower case or the
// first ends with a comma, semicolon or dash ("Abbreviations: OCD, …;" ¶
// "HAMA, Hamilton …"). Items of a list stay apart.
func joinSplitNotes(ds []*blockDraft) []*blockDraft {
	out := ds[:0]
	for _, d := range ds {
		if n := len(out); n > 0 && d.kind == appraise.KindFootnote && out[n-1].kind == appraise.KindFootnote {
			p := out[n-1]
			pl, df := p.last(), d.first()
			em := math.Max(pl.size, df.size)
			gap := df.top - pl.bottom
			if pl.col == df.col && pl.page == df.page && math.Abs(pl.size-df.size) <= sizeChange*em &&
				gap >= 0 && gap <= em && !endsSentence(pl.text) && !startsWithNoteMark(df.text) &&
				(startsLower(df.text) || strings.ContainsAny(lastRune(pl.text), ",;–-")) {
				p.lines = append(p.lines, d.lines...)
				p.text += " " + d.text
				p.words += d.words
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// lastRune is the last character of s, as a string ("" when empty).
func lastRune(s string) string {
	r, n := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	if n == 0 {
		return ""
	}
	return string(r)
}
