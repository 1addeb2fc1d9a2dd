package store

import (
	"strings"
	"testing"
)

// FuzzTextIndexRecords feeds damaged text records and vocabularies to the
// search: an error or no match, never a panic.
func FuzzTextIndexRecords(f *testing.F) {
	good, err := encodeTextRecord(textRecord{Text: "Exposure was high. Naïve exposure.", Marks: [][3]int{{0, 1, 0}, {19, 2, 1}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, "exposure", []byte("exposure 2\nhigh 1\n"))
	f.Add([]byte{1, 5, 200}, "x", []byte("x"))
	f.Add([]byte{}, "", []byte("\n\n \n"))
	f.Fuzz(func(t *testing.T, data []byte, query string, vocab []byte) {
		for _, w := range queryWords(query) {
			vocabCount(vocab, w)
		}
		rec, err := decodeTextRecord(data)
		if err != nil {
			return
		}
		words := queryWords(query)
		if len(words) == 0 {
			return
		}
		for _, h := range placeMatches(rec, words, hitsPerPaper) {
			if h.Start < 0 || h.End < h.Start || h.End > len([]rune(rec.Text)) {
				t.Fatalf("hit %+v outside the text", h)
			}
			if strings.ContainsAny(h.Snippet, "\n\t") {
				t.Fatalf("snippet %q not on one line", h.Snippet)
			}
		}
	})
}
