package ui

import (
	"fmt"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// demoByline marks the bundled demo paper in the library list, so it is
// not taken for the user's own work; it is removed like any paper.
const demoByline = "Demo paper (bundled with Appraise)"

// hitLine is a search hit's second line: the snippet, with what matched
// for titles and annotations.
func hitLine(h appraise.SearchHit) string {
	switch h.Field {
	case "text", "title":
		return h.Snippet
	}
	return upperFirst(h.Field) + ": " + h.Snippet
}

// hitWhere is a search hit's third line: where the match is.
func hitWhere(h appraise.SearchHit) string {
	switch h.Field {
	case "title":
		return "Title"
	case "quote", "note":
		return "Your annotation"
	}
	s := fmt.Sprintf("Text, page %d", h.Page)
	if h.Matches > 1 {
		s += fmt.Sprintf(" · %d matches in this paper", h.Matches)
	}
	return s
}

// showNoMatch says so when the last search found nothing.
func (p *libraryPanel) showNoMatch() {
	if p.query == "" || len(p.hits) > 0 {
		p.noMatch.Hide()
		return
	}
	msg := fmt.Sprintf("No matches for “%s”.\nSearch looks in titles, quotes, notes and the full text of every paper, ignoring case and accents.", p.query)
	if p.u.indexing {
		msg += "\nSome papers are still being indexed."
	}
	p.noMatch.SetText(msg)
	p.noMatch.Show()
}

// rerun repeats the current search (after the index grew).
func (p *libraryPanel) rerun() {
	if q := strings.TrimSpace(p.search.Text); q != "" {
		p.runSearch(q)
	}
}

// openHit opens a hit's paper: at the annotation, or at the passage of a
// text hit with find in paper open on the query's first word, so Enter
// steps through the paper's other matches.
func (p *libraryPanel) openHit(h appraise.SearchHit) {
	query := p.query
	p.u.openKnown(h.Paper, h.PaperTitle, func() {
		switch {
		case h.Annotation != "":
			p.u.jumpTo(h.Annotation)
		case h.Field == "text":
			p.u.find.openAt(firstWord(query), h.Start, h.End)
		}
	})
}

// firstWord is the first word of a query, what a text hit's Start marks.
func firstWord(q string) string {
	f := strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) })
	if len(f) == 0 {
		return q
	}
	return f[0]
}
