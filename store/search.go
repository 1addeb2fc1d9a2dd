package store

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// searchEntry is the folded text of an annotation a search looks at:
// paper id NUL quote NUL note.
func searchEntry(a appraise.Annotation) []byte {
	return []byte(string(a.Paper) + sep + fold(a.Anchor.Exact) + sep + fold(a.Note))
}

// defaultSearchLimit applies when Search is given no limit.
const defaultSearchLimit = 50

// snippetContext is how many code points a snippet shows either side of
// the match.
const snippetContext = 40

// Search finds papers by title and live annotations by quote or note.
// Every word of the query must occur (case and accents ignored); title
// matches come first. A query with no words finds nothing.
func (s *Store) Search(query string, limit int) ([]appraise.SearchHit, error) {
	terms := strings.Fields(fold(query))
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	bterms := make([][]byte, len(terms))
	for i, t := range terms {
		bterms[i] = []byte(t)
	}
	var hits []appraise.SearchHit
	err := s.db.View(func(tx *bolt.Tx) error {
		titles := map[string]string{}
		title := func(id string) string {
			if t, ok := titles[id]; ok {
				return t
			}
			var p appraise.Paper
			_, _ = getJSON(tx.Bucket(bucketPapers), []byte(id), &p)
			titles[id] = p.Meta.Title
			return p.Meta.Title
		}
		c := tx.Bucket(bucketSearch).Cursor()
		prefix := []byte("p" + sep)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(hits) < limit; k, v = c.Next() {
			if containsAll(v, bterms) {
				id := string(k[len(prefix):])
				t := title(id)
				hits = append(hits, appraise.SearchHit{Paper: appraise.PaperID(id), PaperTitle: t,
					Field: "title", Snippet: snippet(t, v, bterms[0])})
			}
		}
		prefix = []byte("a" + sep)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(hits) < limit; k, v = c.Next() {
			paper, rest, _ := bytes.Cut(v, []byte(sep))
			if !containsAll(rest, bterms) {
				continue
			}
			id := string(k[len(prefix):])
			a, err := getAnnotation(tx, id)
			if err != nil {
				return err
			}
			quote, note, _ := bytes.Cut(rest, []byte(sep))
			hit := appraise.SearchHit{Paper: appraise.PaperID(paper), PaperTitle: title(string(paper)), Annotation: id}
			if bytes.Contains(quote, bterms[0]) {
				hit.Field, hit.Snippet = "quote", snippet(a.Anchor.Exact, quote, bterms[0])
			} else {
				hit.Field, hit.Snippet = "note", snippet(a.Note, note, bterms[0])
			}
			hits = append(hits, hit)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

func containsAll(v []byte, terms [][]byte) bool {
	for _, t := range terms {
		if !bytes.Contains(v, t) {
			return false
		}
	}
	return true
}

// snippet returns the original text around the first match of term in its
// folded form (same code-point offsets), shortened with ellipses.
func snippet(orig string, folded, term []byte) string {
	i := bytes.Index(folded, term)
	if i < 0 {
		i = 0
	}
	at := utf8.RuneCount(folded[:i])
	rs := []rune(orig)
	start := max(0, at-snippetContext)
	end := min(len(rs), at+utf8.RuneCount(term)+snippetContext)
	out := string(rs[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(rs) {
		out += "…"
	}
	return out
}
