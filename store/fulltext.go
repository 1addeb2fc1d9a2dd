package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// The full-text index. Bucket "fulltext" holds three records per paper:
//
//	"v" NUL paper id → the extractor version of the indexed extraction
//	"w" NUL paper id → the paper's vocabulary: its distinct folded words,
//	                   sorted, one line each, "word count\n"
//	"t" NUL paper id → the text record (Snappy): the text and where each
//	                   passage starts and on which page
//
// A query reads the thousand vocabularies (tens of kilobytes each, read in
// place from bbolt's memory map) and bisects each for every query word, so
// papers without the words cost a few microseconds; only the best-scoring
// papers' text records are inflated, to place the matches and cut
// snippets. Indexing a paper writes its three records in the transaction
// that stores its extraction. This is the design chosen over bleve: see
// docs/search.md.
var bucketFullText = []byte("fulltext")

var _ appraise.TextIndex = (*Store)(nil)

func ftVersionKey(paper string) []byte { return []byte("v" + sep + paper) }
func ftVocabKey(paper string) []byte   { return []byte("w" + sep + paper) }
func ftTextKey(paper string) []byte    { return []byte("t" + sep + paper) }

// maxWordBytes bounds an indexed word; longer tokens (sequences, URLs)
// are cut, and so are query words, so they still match.
const maxWordBytes = 48

// textRecord is what a snippet needs: the text and the passages' starts
// and pages. It is stored deflated in a binary form (encodeTextRecord):
// decoding JSON cost more than the rest of a search.
type textRecord struct {
	Text string
	// Marks are [code-point start, page, aside] of each passage, in text
	// order; aside is 1 for passages of reference lists, footnotes and
	// other front or back matter, which a search shows last.
	Marks [][3]int
}

// textRecordFormat is the first byte of a text record.
const textRecordFormat = 2

// encodeTextRecord writes the format byte, then, compressed with Snappy,
// the number of marks, each mark's start, page and aside as unsigned varints, and
// the text. Snappy, not DEFLATE: a search decompresses the records of
// the papers it shows, and DEFLATE's inflating took a third of a search.
func encodeTextRecord(r textRecord) ([]byte, error) {
	raw := binary.AppendUvarint(nil, uint64(len(r.Marks)))
	for _, m := range r.Marks {
		for _, v := range m {
			raw = binary.AppendUvarint(raw, uint64(max(0, v)))
		}
	}
	raw = append(raw, r.Text...)
	out := make([]byte, 1, 1+snappy.MaxEncodedLen(len(raw)))
	out[0] = textRecordFormat
	return append(out, snappy.Encode(out[1:cap(out)], raw)...), nil
}

// errBadTextRecord: a text record that does not decode.
var errBadTextRecord = errors.New("damaged text index record")

func decodeTextRecord(data []byte) (textRecord, error) {
	if len(data) == 0 || data[0] != textRecordFormat {
		return textRecord{}, errBadTextRecord
	}
	data = data[1:]
	// Snappy inflates at most about 21-fold; a larger stated length is
	// damage, refused before anything is allocated.
	size, err := snappy.DecodedLen(data)
	if err != nil || size > maxInflated || size > 32*len(data)+64 {
		return textRecord{}, errBadTextRecord
	}
	raw, err := snappy.Decode(make([]byte, size), data)
	if err != nil {
		return textRecord{}, fmt.Errorf("%w: %v", errBadTextRecord, err)
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return textRecord{}, errBadTextRecord
	}
	raw = raw[k:]
	r := textRecord{Marks: make([][3]int, n)}
	for i := range r.Marks {
		for j := range 3 {
			v, k := binary.Uvarint(raw)
			if k <= 0 || v > 1<<31 {
				return textRecord{}, errBadTextRecord
			}
			r.Marks[i][j], raw = int(v), raw[k:]
		}
	}
	r.Text = string(raw)
	return r, nil
}

// wordStarts calls f with the byte offset and length of every word (a
// run of letters and digits) of folded text s.
func wordStarts(s string, f func(at, n int)) {
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			f(start, i-start)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s)-start)
	}
}

// queryWords splits a query into folded words, as text is indexed.
func queryWords(q string) []string {
	f := fold(q)
	var out []string
	wordStarts(f, func(at, n int) {
		w := cutWord(f[at : at+n])
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	})
	return out
}

// cutWord shortens w to at most maxWordBytes, on a code-point boundary.
func cutWord(w string) string {
	if len(w) <= maxWordBytes {
		return w
	}
	n := maxWordBytes
	for n > 0 && !utf8.RuneStart(w[n]) {
		n--
	}
	return w[:n]
}

// buildVocab returns the sorted vocabulary of folded text f.
func buildVocab(f string) []byte {
	counts := map[string]int{}
	wordStarts(f, func(at, n int) { counts[cutWord(f[at:at+n])]++ })
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.Sort(words)
	var b bytes.Buffer
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(counts[w]))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// vocabCount returns how many words of a vocabulary start with term.
func vocabCount(v []byte, term string) int {
	// Bisect for the first line whose word is >= term. lo is always a
	// line start with every earlier line's word < term; hi likewise a
	// line start (or the end) whose word is >= term.
	lo, hi := 0, len(v)
	for lo < hi {
		mid := lo + (hi-lo)/2
		s := bytes.LastIndexByte(v[:mid], '\n') + 1
		e := bytes.IndexByte(v[s:], '\n')
		if e < 0 {
			return 0 // damaged: no final newline
		}
		e += s + 1
		word, _, _ := bytes.Cut(v[s:e-1], []byte{' '})
		if string(word) < term {
			lo = e
		} else {
			hi = s
		}
	}
	n := 0
	for lo < len(v) {
		e := bytes.IndexByte(v[lo:], '\n')
		if e < 0 {
			break
		}
		word, count, _ := bytes.Cut(v[lo:lo+e], []byte{' '})
		if !bytes.HasPrefix(word, []byte(term)) {
			break
		}
		c, _ := strconv.Atoi(string(count))
		n += c
		lo += e + 1
	}
	return n
}

// putTextIndex indexes doc as paper id's text, in tx.
func putTextIndex(tx *bolt.Tx, id appraise.PaperID, doc appraise.Document) error {
	rec := textRecord{Text: doc.Text, Marks: make([][3]int, 0, len(doc.Passages))}
	aside := func(block int) int {
		if block < 0 || block >= len(doc.Blocks) {
			return 0
		}
		switch doc.Blocks[block].Kind {
		case appraise.KindReference, appraise.KindFootnote, appraise.KindOther:
			return 1
		}
		return 0
	}
	for _, p := range doc.Passages {
		rec.Marks = append(rec.Marks, [3]int{p.Start, p.Page, aside(p.Block)})
	}
	if len(rec.Marks) == 0 {
		for i, b := range doc.Blocks {
			rec.Marks = append(rec.Marks, [3]int{b.Start, b.Page, aside(i)})
		}
	}
	data, err := encodeTextRecord(rec)
	if err != nil {
		return fmt.Errorf("encode text index of %s: %w", id, err)
	}
	b := tx.Bucket(bucketFullText)
	if err := b.Put(ftTextKey(string(id)), data); err != nil {
		return err
	}
	if err := b.Put(ftVocabKey(string(id)), buildVocab(fold(doc.Text))); err != nil {
		return err
	}
	return b.Put(ftVersionKey(string(id)), []byte(doc.ExtractorVersion))
}

// deleteTextIndex drops a paper's index records.
func deleteTextIndex(tx *bolt.Tx, id appraise.PaperID) error {
	b := tx.Bucket(bucketFullText)
	for _, k := range [][]byte{ftTextKey(string(id)), ftVocabKey(string(id)), ftVersionKey(string(id))} {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// IndexText indexes the paper's cached extraction by the extractor it was
// last opened with.
func (s *Store) IndexText(id appraise.PaperID) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		var p appraise.Paper
		found, err := getJSON(tx.Bucket(bucketPapers), []byte(id), &p)
		switch {
		case err != nil:
			return err
		case !found:
			return appraise.ErrNotFound
		}
		key := docKey(string(id), p.ExtractorVersion)
		data := tx.Bucket(bucketDocs).Get(key)
		if data == nil {
			return fmt.Errorf("no extraction by %q: %w", p.ExtractorVersion, appraise.ErrNotFound)
		}
		var d appraise.Document
		if err := inflateJSON(key, data, &d); err != nil {
			return fmt.Errorf("decode extraction: %w", err)
		}
		return putTextIndex(tx, id, d)
	})
	if err != nil {
		return fmt.Errorf("index the text of %s: %w", id, err)
	}
	return nil
}

// TextIndexMissing lists the papers that have a cached extraction by the
// extractor they were last opened with but no index of it.
func (s *Store) TextIndexMissing() ([]appraise.PaperID, error) {
	var out []appraise.PaperID
	err := s.db.View(func(tx *bolt.Tx) error {
		ft, docs, papers := tx.Bucket(bucketFullText), tx.Bucket(bucketDocs), tx.Bucket(bucketPapers)
		return papers.ForEach(func(k, _ []byte) error {
			var p appraise.Paper
			if _, err := getJSON(papers, k, &p); err != nil {
				return fmt.Errorf("paper %s: %w", k, err)
			}
			if docs.Get(docKey(string(k), p.ExtractorVersion)) == nil {
				return nil
			}
			if string(ft.Get(ftVersionKey(string(k)))) != p.ExtractorVersion {
				out = append(out, appraise.PaperID(k))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find papers to index: %w", err)
	}
	return out, nil
}
