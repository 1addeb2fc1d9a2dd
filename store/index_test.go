package store

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// indexes is the derived state of a library: the trash, each paper's list
// of live annotations and the records of each paper's search text (as a
// set: their order does not matter).
type indexes struct {
	trash, lists map[string]string
	records      map[string][]string
}

// storedIndexes reads the derived buckets as they are.
func storedIndexes(tb testing.TB, s *Store) indexes {
	tb.Helper()
	ix := indexes{trash: map[string]string{}, lists: map[string]string{}, records: map[string][]string{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error { ix.trash[string(k)] = string(v); return nil })
		tx.Bucket(bucketPaperAnn).ForEach(func(k, v []byte) error { ix.lists[string(k)] = string(v); return nil })
		prefix := searchTextKey("")
		c := tx.Bucket(bucketSearch).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			for _, rec := range bytes.Split(v, []byte{recSep})[1:] {
				ix.records[string(k[len(prefix):])] = append(ix.records[string(k[len(prefix):])], string(rec))
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, rs := range ix.records {
		slices.Sort(rs)
	}
	return ix
}

// derivedIndexes rebuilds the derived state from the annotations alone.
func derivedIndexes(tb testing.TB, s *Store) indexes {
	tb.Helper()
	ix := indexes{trash: map[string]string{}, lists: map[string]string{}, records: map[string][]string{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAnns).ForEach(func(k, v []byte) error {
			var a appraise.Annotation
			if err := decodeJSON(k, v, &a); err != nil {
				return err
			}
			if !a.Deleted.IsZero() {
				ix.trash[a.ID] = a.Deleted.UTC().Format(time.RFC3339Nano)
				return nil
			}
			ix.lists[string(paperAnnKey(string(a.Paper), a.ID))] = string(joinTags(a.Tags))
			ix.records[string(a.Paper)] = append(ix.records[string(a.Paper)], string(searchRecord(a)[1:]))
			return nil
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, rs := range ix.records {
		slices.Sort(rs)
	}
	return ix
}

// TestIndexesStayThoseTheAnnotationsDerive makes random changes of every
// kind (new annotations, edits of quote, note and tags, moves to another
// paper, trash, restore, tag renames and merges) and checks after each
// that the trash, the papers' lists and the search texts are exactly what
// the annotations make them.
func TestIndexesStayThoseTheAnnotationsDerive(t *testing.T) {
	s, _ := newStore(t)
	for n := range 3 {
		mustPutPaper(t, s, n, fmt.Sprintf("Paper %d", n))
	}
	for _, name := range []string{"bias", "funding"} {
		if err := s.PutTag(appraise.Tag{Name: name, Color: "#aa0000"}); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewSource(3))
	userTags := []string{"bias", "funding"}
	at := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	var ids []string
	for step := range 300 {
		var what string
		switch k := rng.Intn(10); {
		case k < 3 || len(ids) == 0:
			what = "new"
			a := genAnnotation(rng, fmt.Sprintf("a%03d", step), rng.Intn(3))
			if rng.Intn(2) == 0 {
				a.Tags = append(a.Tags, userTags[rng.Intn(len(userTags))])
			}
			mustPut(t, s, a)
			ids = append(ids, a.ID)
		case k < 7:
			a, err := s.Annotation(ids[rng.Intn(len(ids))])
			if err != nil {
				t.Fatal(err)
			}
			switch rng.Intn(5) {
			case 0:
				what, a.Note = "edit note", words(rng, 5)
			case 1:
				what, a.Anchor.Exact = "edit quote", words(rng, 8)
			case 2:
				what, a.Tags = "edit tags", []string{appraise.TagClaim, userTags[rng.Intn(len(userTags))]}
			case 3:
				what, a.Paper = "move to another paper", paperID(rng.Intn(3))
			default:
				what = "save unchanged"
			}
			mustPut(t, s, a)
		case k < 8:
			what = "trash"
			if err := s.DeleteAnnotation(ids[rng.Intn(len(ids))], at.Add(time.Duration(step)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		case k < 9:
			what = "restore"
			if err := s.RestoreAnnotation(ids[rng.Intn(len(ids))]); err != nil {
				t.Fatal(err)
			}
		default:
			from, into := userTags[0], fmt.Sprintf("tag%d", step)
			if rng.Intn(2) == 0 {
				what = "merge a tag"
				if err := s.PutTag(appraise.Tag{Name: into, Color: "#00aa00"}); err != nil {
					t.Fatal(err)
				}
				if err := s.MergeTag(from, into); err != nil {
					t.Fatal(err)
				}
			} else {
				what = "rename a tag"
				if err := s.RenameTag(from, into); err != nil {
					t.Fatal(err)
				}
			}
			userTags[0] = into
		}
		got, want := storedIndexes(t, s), derivedIndexes(t, s)
		if !maps.Equal(got.trash, want.trash) || !maps.Equal(got.lists, want.lists) ||
			!maps.EqualFunc(got.records, want.records, slices.Equal) {
			t.Fatalf("step %d (%s): stored indexes differ from those the annotations derive:\nstored  %+v\nderived %+v", step, what, got, want)
		}
	}
}
