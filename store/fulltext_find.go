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
// word, one hit per passage, in text order. It prefers passages that hold
// every word, then passages of the body over reference lists and
// footnotes, and reads the text only as far as it needs to.
func placeMatches(rec textRecord, words []string, n int) []appraise.SearchHit {
	f := fold(rec.Text)
	// Folding keeps code points, so code-point offsets are the same in f
	// and rec.Text; the cursors turn them into byte offsets of each.
	at, seg := &runeCursor{s: f}, &runeCursor{s: f}
	passage := func(r int) textMatch {
		i := sort.Search(len(rec.Marks), func(i int) bool { return rec.Marks[i][0] > r }) - 1
		m := textMatch{at: r, page: 1, end: r + 1<<30}
		if i >= 0 {
			m.start, m.page, m.aside = rec.Marks[i][0], rec.Marks[i][1], rec.Marks[i][2] != 0
		}
		if i+1 < len(rec.Marks) {
			m.end = rec.Marks[i+1][0]
		}
		m.start, m.end = min(m.start, r), max(m.end, r+1)
		return m
	}
	// rank 0: every word, in the body; 1: every word, aside; 2: the first
	// word only, in the body; 3: aside.
	var ranked [4][]textMatch
	lastPassage := -1
	for from := 0; from < len(f) && len(ranked[0]) < n; {
		i := indexWordStart(f[from:], words[0])
		if i < 0 {
			break
		}
		r := at.runeOf(from + i)
		from += i + len(words[0])
		m := passage(r)
		if m.start == lastPassage {
			continue
		}
		lastPassage = m.start
		text := f[seg.byteOf(m.start):seg.byteOf(m.end)]
		rank := 0
		for _, w := range words[1:] {
			if indexWordStart(text, w) < 0 {
				rank = 2
				break
			}
		}
		if m.aside {
			rank++
		}
		if len(ranked[rank]) < n {
			ranked[rank] = append(ranked[rank], m)
		}
	}
	var chosen []textMatch
	for _, ms := range ranked {
		chosen = append(chosen, ms[:min(len(ms), n-len(chosen))]...)
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].at < chosen[j].at })
	orig := &runeCursor{s: rec.Text}
	length := utf8.RuneCountInString(words[0])
	out := make([]appraise.SearchHit, 0, len(chosen))
	for _, m := range chosen {
		// The whole word the query word starts.
		end, b := m.at+length, orig.byteOf(m.at+length)
		for b < len(rec.Text) {
			c, size := utf8.DecodeRuneInString(rec.Text[b:])
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
				break
			}
			b += size
			end++
		}
		out = append(out, appraise.SearchHit{Page: m.page, Start: m.at, End: end, Snippet: textSnippet(orig, m.at, end)})
	}
	return out
}

// runeCursor turns code-point offsets of s into byte offsets and back,
// walking from the last offset it was asked for: cheap when successive
// offsets are near, as a search's are. Offsets past the end stop there.
type runeCursor struct {
	s    string
	b, r int // byte b is code point r
}

// byteOf returns the byte offset of code point r (len(s) past the end).
func (c *runeCursor) byteOf(r int) int {
	for c.r < r && c.b < len(c.s) {
		_, n := utf8.DecodeRuneInString(c.s[c.b:])
		c.b += n
		c.r++
	}
	for c.r > r && c.b > 0 {
		_, n := utf8.DecodeLastRuneInString(c.s[:c.b])
		c.b -= n
		c.r--
	}
	return c.b
}

// runeOf returns the code point at byte offset b, which must start one.
func (c *runeCursor) runeOf(b int) int {
	for c.b < b && c.b < len(c.s) {
		_, n := utf8.DecodeRuneInString(c.s[c.b:])
		c.b += n
		c.r++
	}
	for c.b > b && c.b > 0 {
		_, n := utf8.DecodeLastRuneInString(c.s[:c.b])
		c.b -= n
		c.r--
	}
	return c.r
}

// textMatch is a match of a query's first word: its code-point offset,
// its page, and the passage it is in ([start, end), aside or not).
type textMatch struct {
	at, page, start, end int
	aside                bool
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

// textSnippet is the text around code points [start, end) on one line,
// cut at word boundaries and marked with ellipses where it was shortened.
func textSnippet(c *runeCursor, start, end int) string {
	text := c.s
	sb, eb := c.byteOf(start), c.byteOf(end)
	from, to := c.byteOf(max(0, start-snippetBefore)), c.byteOf(end+snippetAfter)
	for from > 0 && from < sb {
		if r, _ := utf8.DecodeLastRuneInString(text[:from]); unicode.IsSpace(r) {
			break
		}
		_, n := utf8.DecodeRuneInString(text[from:])
		from += n
	}
	for to < len(text) && to > eb {
		if r, _ := utf8.DecodeRuneInString(text[to:]); unicode.IsSpace(r) {
			break
		}
		_, n := utf8.DecodeLastRuneInString(text[:to])
		to -= n
	}
	s := strings.Join(strings.Fields(text[from:to]), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(text) {
		s += "…"
	}
	return s
}
