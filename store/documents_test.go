package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

func testDocument(version string) appraise.Document {
	text := strings.Repeat("Patients with asthma were randomised to budesonide or placebo. ", 2000)
	return appraise.Document{
		ExtractorVersion: version,
		Meta:             appraise.Metadata{Title: "Asthma", Authors: []string{"A. Author"}, Year: 2024},
		Pages:            []appraise.Page{{Number: 1, Width: 595, Height: 842}},
		Blocks:           []appraise.Block{{Index: 0, Kind: appraise.KindParagraph, Page: 1, Start: 0, End: len([]rune(text))}},
		Passages:         []appraise.Passage{{ID: "b0.s0", Block: 0, Page: 1, Start: 0, End: 62}},
		Text:             text,
	}
}

func TestDocumentCacheRoundTripsAndKeepsOnlyTheCurrentVersion(t *testing.T) {
	s, _ := newStore(t)
	id := paperID(1)
	v1, v2 := testDocument("v1"), testDocument("v2")
	if err := s.PutDocument(id, v1); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(id, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, v1) {
		t.Errorf("document changed in the round trip")
	}
	if err := s.PutDocument(id, v2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(id, "v1"); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("old version still cached (err %v)", err)
	}
	if _, err := s.Document(id, "v2"); err != nil {
		t.Errorf("new version: %v", err)
	}
	var stored int
	s.db.View(func(tx *bolt.Tx) error {
		stored = len(tx.Bucket(bucketDocs).Get(docKey(string(id), "v2")))
		return nil
	})
	if stored*4 > len(v2.Text) {
		t.Errorf("stored %d bytes for %d bytes of text: not compressed", stored, len(v2.Text))
	}
}
