package store

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Search text. Each paper has one value holding the folded text of all its
// live annotations, so a search runs bytes.Index over a thousand values of
// tens of kilobytes rather than a hundred thousand small ones: a record
// per annotation,
//
//	RS annotation id US folded quote US folded note
//
// (RS = 0x1e, US = 0x1f; fold turns control characters in the text into
// spaces, so the separators are unambiguous). Folding keeps one code point
// per code point, so a match's offset is the same in the original text,
// for snippets.
const (
	recSep   = 0x1e
	fieldSep = 0x1f
)

// searchRecord is an annotation's record in its paper's search text.
func searchRecord(a appraise.Annotation) []byte {
	var b bytes.Buffer
	b.WriteByte(recSep)
	b.WriteString(a.ID)
	b.WriteByte(fieldSep)
	b.WriteString(fold(a.Anchor.Exact))
	b.WriteByte(fieldSep)
	b.WriteString(fold(a.Note))
	return b.Bytes()
}

// updateSearchText replaces annotation id's record in its paper's search
// text with rec (nil removes it).
func updateSearchText(tx *bolt.Tx, paper appraise.PaperID, id string, rec []byte) error {
	b := tx.Bucket(bucketSearch)
	key := searchTextKey(string(paper))
	text := bytes.Clone(b.Get(key))
	if start, end, ok := findRecord(text, id); ok {
		text = append(text[:start], text[end:]...)
	}
	text = append(text, rec...)
	if len(text) == 0 {
		return b.Delete(key)
	}
	return b.Put(key, text)
}

// findRecord locates id's record in a paper's search text.
func findRecord(text []byte, id string) (start, end int, ok bool) {
	needle := make([]byte, 0, len(id)+2)
	needle = append(append(append(needle, recSep), id...), fieldSep)
	start = bytes.Index(text, needle)
	if start < 0 {
		return 0, 0, false
	}
	end = bytes.IndexByte(text[start+1:], recSep)
	if end < 0 {
		return start, len(text), true
	}
	return start, start + 1 + end, true
}

// defaultSearchLimit applies when Search is given no limit.
const defaultSearchLimit = 50

// snippetContext is how many code points a snippet shows either side of
// the match.
const snippetContext = 40

// Search is Find over the whole library.
func (s *Store) Search(query string, limit int) ([]appraise.SearchHit, error) {
	return s.Find(appraise.SearchQuery{Text: query, Limit: limit})
}

// Find finds papers by title, live annotations by quote or note, and
// passages of papers' text, in that order, each kind up to the limit. For
// titles and annotations every word of the query must occur in the same
// title, or in the same annotation's quote and note (case and accents
// ignored); for text, every word must start a word of the paper's text
// (see findText). A query with no words finds nothing. Papers in the trash
// are not searched.
func (s *Store) Find(q appraise.SearchQuery) ([]appraise.SearchHit, error) {
	terms := strings.Fields(fold(q.Text))
	if len(terms) == 0 {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	bterms := make([][]byte, len(terms))
	for i, t := range terms {
		bterms[i] = []byte(t)
	}
	var hits []appraise.SearchHit
	err := s.view(func(tx *bolt.Tx) error {
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
		skip := func(id string) bool {
			return (q.Paper != "" && id != string(q.Paper)) || paperRemoved(tx, id)
		}
		c := tx.Bucket(bucketSearch).Cursor()
		prefix := searchPaperKey("")
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(hits) < limit; k, v = c.Next() {
			id := string(k[len(prefix):])
			if !skip(id) && containsAll(v, bterms) {
				t := title(id)
				hits = append(hits, appraise.SearchHit{Paper: appraise.PaperID(id), PaperTitle: t,
					Field: "title", Snippet: snippet(t, v, bterms[0])})
			}
		}
		n := len(hits)
		prefix = searchTextKey("")
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(hits)-n < limit; k, v = c.Next() {
			paper := string(k[len(prefix):])
			if skip(paper) {
				continue
			}
			err := matchRecords(v, bterms, func(id string, quote, note []byte) error {
				a, err := getAnnotation(tx, id)
				if err != nil {
					return err
				}
				hit := appraise.SearchHit{Paper: appraise.PaperID(paper), PaperTitle: title(paper), Annotation: id}
				if bytes.Contains(quote, bterms[0]) {
					hit.Field, hit.Snippet = "quote", snippet(a.Anchor.Exact, quote, bterms[0])
				} else {
					hit.Field, hit.Snippet = "note", snippet(a.Note, note, bterms[0])
				}
				hits = append(hits, hit)
				if len(hits)-n == limit {
					return errLimit
				}
				return nil
			})
			if err != nil && err != errLimit {
				return err
			}
		}
		text, err := findText(tx, q.Text, limit, skip, title)
		hits = append(hits, text...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return hits, nil
}

// errLimit stops matchRecords when enough hits are found.
var errLimit = fmt.Errorf("search limit reached")

// matchRecords calls f for each record of a paper's search text whose
// quote and note hold every term. The first term is looked for across the
// whole text, so records without it cost nothing.
func matchRecords(text []byte, terms [][]byte, f func(id string, quote, note []byte) error) error {
	first := newFinder(terms[0])
	for from := 0; from < len(text); {
		i := first.index(text[from:])
		if i < 0 {
			return nil
		}
		at := from + i
		start := bytes.LastIndexByte(text[:at], recSep)
		end := bytes.IndexByte(text[at:], recSep)
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		from = end
		if start < 0 {
			continue // not inside a record: a damaged text
		}
		id, rest, ok := bytes.Cut(text[start+1:end], []byte{fieldSep})
		if !ok || !containsAll(rest, terms) {
			continue
		}
		quote, note, _ := bytes.Cut(rest, []byte{fieldSep})
		if err := f(string(id), quote, note); err != nil {
			return err
		}
	}
	return nil
}

// finder finds a term by scanning for its rarest byte (by English letter
// frequency; digits, punctuation and non-ASCII count as rare), so text full
// of the term's common first letter is skipped at IndexByte speed.
type finder struct {
	term []byte
	k    int // index of the rarest byte in term
}

// commonLetters orders lower-case letters from most to least frequent.
const commonLetters = " etaoinshrdlcumwfgypbvkjxqz"

func newFinder(term []byte) finder {
	f := finder{term: term}
	best := -1
	for i, c := range term {
		rank := strings.IndexByte(commonLetters, c)
		if rank < 0 {
			rank = len(commonLetters)
		}
		if rank > best {
			best, f.k = rank, i
		}
	}
	return f
}

// index is bytes.Index(s, f.term).
func (f finder) index(s []byte) int {
	n := len(f.term)
	switch {
	case n == 0:
		return 0
	case n > len(s):
		return -1
	}
	c := f.term[f.k]
	last := len(s) - (n - f.k) // the last place the rare byte can be
	for i := f.k; i <= last; i++ {
		j := bytes.IndexByte(s[i:last+1], c)
		if j < 0 {
			return -1
		}
		i += j
		if bytes.Equal(s[i-f.k:i-f.k+n], f.term) {
			return i - f.k
		}
	}
	return -1
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
	start := max(0, min(len(rs), at-snippetContext))
	end := min(len(rs), at+utf8.RuneCount(term)+snippetContext)
	if start >= end {
		return ""
	}
	out := string(rs[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(rs) {
		out += "…"
	}
	return out
}
