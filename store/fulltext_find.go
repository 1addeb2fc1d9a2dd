package store

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// hitsPerPaper is how many passages of one paper's text a search lists;
// find in paper steps through the rest.
const hitsPerPaper = 3

// A text snippet shows up to snippetBefore code points before the match
// and snippetAfter after it: little before, so the match stays in view
// where a list cuts long lines at the end.
const (
	snippetBefore = 30
	snippetAfter  = 90
)

// textCandidate is a paper whose vocabulary holds every query word.
type textCandidate struct {
	id      string
	score   int // occurrences of all the query's words
	matches int // occurrences of the first word
}

// findText searches the papers' text: a paper matches when every word of
// the query starts a word of its text. Papers are ranked by how often the
// query's words occur; each gives up to hitsPerPaper passages, those
// holding every word first, each hit with its page, its place and a
// snippet of the original text.
func findText(tx *bolt.Tx, query string, limit int, skip func(string) bool, title func(string) string) ([]appraise.SearchHit, error) {
	words := queryWords(query)
	if len(words) == 0 {
		return nil, nil
	}
	ft := tx.Bucket(bucketFullText)
	if ft == nil {
		return nil, nil
	}
	var cands []textCandidate
	prefix := ftVocabKey("")
	c := ft.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		id := string(k[len(prefix):])
		if skip(id) {
			continue
		}
		cand := textCandidate{id: id}
		for i, w := range words {
			n := vocabCount(v, w)
			if n == 0 {
				cand.score = 0
				break
			}
			if i == 0 {
				cand.matches = n
			}
			cand.score += n
		}
		if cand.score > 0 {
			cands = append(cands, cand)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var hits []appraise.SearchHit
	for _, cand := range cands {
		if len(hits) >= limit {
			break
		}
		data := ft.Get(ftTextKey(cand.id))
		if data == nil {
			continue
		}
		rec, err := decodeTextRecord(data)
		if err != nil {
			return nil, fmt.Errorf("text index of %s: %w", cand.id, err)
		}
		for _, h := range placeMatches(rec, words, min(hitsPerPaper, limit-len(hits))) {
			h.Paper, h.PaperTitle, h.Field, h.Matches = appraise.PaperID(cand.id), title(cand.id), "text", cand.matches
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// placeMatches finds up to n passages of rec where words[0] starts a
// word, preferring passages that hold every word, one hit per passage, in
// text order.
func placeMatches(rec textRecord, words []string, n int) []appraise.SearchHit {
	f := fold(rec.Text)
	// byteAt[i] is the byte offset in f of code point i.
	byteAt := make([]int32, 0, len(f)+1)
	for i := range f {
		byteAt = append(byteAt, int32(i))
	}
	byteAt = append(byteAt, int32(len(f)))
	runeAt := func(b int) int {
		return sort.Search(len(byteAt), func(i int) bool { return int(byteAt[i]) >= b })
	}
	passage := func(r int) (start, end, page int) {
		i := sort.Search(len(rec.Marks), func(i int) bool { return rec.Marks[i][0] > r }) - 1
		start, end, page = 0, len(byteAt)-1, 1
		if i >= 0 {
			start, page = rec.Marks[i][0], rec.Marks[i][1]
		}
		if i+1 < len(rec.Marks) {
			end = rec.Marks[i+1][0]
		}
		return min(start, len(byteAt)-1), min(max(end, start), len(byteAt)-1), page
	}
	var all, full []textMatch
	lastPassage := -1
	for from := 0; from < len(f) && len(full) < n; {
		i := indexWordStart(f[from:], words[0])
		if i < 0 {
			break
		}
		at := runeAt(from + i)
		from += i + len(words[0])
		ps, pe, page := passage(at)
		if ps == lastPassage {
			continue
		}
		lastPassage = ps
		m := textMatch{at, page, ps, pe}
		if len(all) < n {
			all = append(all, m)
		}
		seg := f[byteAt[ps]:byteAt[pe]]
		ok := true
		for _, w := range words[1:] {
			if indexWordStart(seg, w) < 0 {
				ok = false
				break
			}
		}
		if ok {
			full = append(full, m)
		}
	}
	chosen := full
	for _, m := range all {
		if len(chosen) >= n {
			break
		}
		if !containsMatch(chosen, m.start) {
			chosen = append(chosen, m)
		}
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].at < chosen[j].at })
	orig := []rune(rec.Text)
	length := utf8.RuneCountInString(words[0])
	out := make([]appraise.SearchHit, 0, len(chosen))
	for _, m := range chosen {
		// The whole word the query word starts.
		end := m.at + length
		for end < len(orig) && (unicode.IsLetter(orig[end]) || unicode.IsDigit(orig[end])) {
			end++
		}
		out = append(out, appraise.SearchHit{Page: m.page, Start: m.at, End: end, Snippet: textSnippet(orig, m.at, end)})
	}
	return out
}

// textMatch is a match of a query's first word: its code-point offset,
// page, and the passage it is in.
type textMatch struct{ at, page, start, end int }

func containsMatch(ms []textMatch, start int) bool {
	for _, m := range ms {
		if m.start == start {
			return true
		}
	}
	return false
}

// indexWordStart returns the byte offset of the first occurrence of w in
// s that starts a word, or -1.
func indexWordStart(s, w string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		at := from + i
		r, _ := utf8.DecodeLastRuneInString(s[:at])
		if at == 0 || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return at
		}
		from = at + len(w)
	}
}

// textSnippet is the text around [start, end) on one line, cut at word
// boundaries and marked with ellipses where it was shortened.
func textSnippet(text []rune, start, end int) string {
	from := max(0, start-snippetBefore)
	to := min(len(text), end+snippetAfter)
	for from > 0 && from < start && !unicode.IsSpace(text[from-1]) {
		from++
	}
	for to < len(text) && to > end && !unicode.IsSpace(text[to]) {
		to--
	}
	s := strings.Join(strings.Fields(string(text[from:to])), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(text) {
		s += "…"
	}
	return s
}
