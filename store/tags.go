package store

import (
	"fmt"
	"slices"
	"sort"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Tags lists the tags: the built-in ones in their order, then the user's
// by name.
func (s *Store) Tags() ([]appraise.Tag, error) {
	var out []appraise.Tag
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTags).ForEach(func(k, v []byte) error {
			var t appraise.Tag
			if err := decodeJSON(k, v, &t); err != nil {
				return fmt.Errorf("tag: %w", err)
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	rank := map[string]int{}
	for i, t := range appraise.BuiltInTags() {
		rank[t.Name] = i - 100
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank[out[i].Name], rank[out[j].Name]
		if ri != rj {
			return ri < rj
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// PutTag adds a tag or changes one's colour, key or description. Whether a
// tag is built in is the library's to say, not the caller's.
func (s *Store) PutTag(t appraise.Tag) error {
	if err := appraise.ValidateTag(t); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTags)
		var old appraise.Tag
		found, err := getJSON(b, []byte(t.Name), &old)
		if err != nil {
			return err
		}
		t.BuiltIn = found && old.BuiltIn
		return putJSON(b, []byte(t.Name), t)
	})
	if err != nil {
		return fmt.Errorf("save tag %s: %w", t.Name, err)
	}
	return nil
}

// RenameTag renames a user tag and every annotation's use of it, live or
// trashed, in one transaction. Built-in tags keep their names.
func (s *Store) RenameTag(oldName, newName string) error {
	if err := appraise.ValidateTagName(newName); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTags)
		t, err := userTag(b, oldName, "renamed")
		if err != nil || oldName == newName {
			return err
		}
		if b.Get([]byte(newName)) != nil {
			return fmt.Errorf("%w: a tag named %q already exists (merge instead)", appraise.ErrInvalidTag, newName)
		}
		if err := retag(tx, oldName, newName); err != nil {
			return err
		}
		if err := b.Delete([]byte(oldName)); err != nil {
			return err
		}
		t.Name = newName
		return putJSON(b, []byte(newName), t)
	})
	if err != nil {
		return fmt.Errorf("rename tag %s to %s: %w", oldName, newName, err)
	}
	return nil
}

// MergeTag moves every use of tag from onto tag into, live or trashed, and
// removes from, in one transaction. A built-in tag cannot be merged away.
func (s *Store) MergeTag(from, into string) error {
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTags)
		if _, err := userTag(b, from, "merged away"); err != nil {
			return err
		}
		if b.Get([]byte(into)) == nil {
			return fmt.Errorf("tag %q: %w", into, appraise.ErrNotFound)
		}
		if from == into {
			return fmt.Errorf("%w: cannot merge %q into itself", appraise.ErrInvalidTag, from)
		}
		if err := retag(tx, from, into); err != nil {
			return err
		}
		return b.Delete([]byte(from))
	})
	if err != nil {
		return fmt.Errorf("merge tag %s into %s: %w", from, into, err)
	}
	return nil
}

// userTag loads a tag that exists and is not built in.
func userTag(b *bolt.Bucket, name, verb string) (appraise.Tag, error) {
	var t appraise.Tag
	found, err := getJSON(b, []byte(name), &t)
	switch {
	case err != nil:
		return t, err
	case !found:
		return t, fmt.Errorf("tag %q: %w", name, appraise.ErrNotFound)
	case t.BuiltIn:
		return t, fmt.Errorf("%w: the built-in tag %q cannot be %s", appraise.ErrInvalidTag, name, verb)
	}
	return t, nil
}

// retag replaces tag from with into on every annotation that has it.
// Annotations keep their modification time: the tag changed, not the note.
func retag(tx *bolt.Tx, from, into string) error {
	var ids [][]byte
	err := tx.Bucket(bucketPaperAnn).ForEach(func(k, v []byte) error {
		if slices.Contains(splitTags(v), from) {
			ids = append(ids, bytes2id(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	ids = append(ids, prefixKeys(tx.Bucket(bucketTrash), nil)...)
	for _, id := range ids {
		old, err := loadAnnotation(tx, string(id))
		if err != nil {
			return err
		}
		if old == nil {
			return fmt.Errorf("index lists missing annotation %s", id)
		}
		if !old.HasTag(from) {
			continue
		}
		a := old.Annotation
		a.Tags = replaceTag(a.Tags, from, into)
		if err := putAnnotation(tx, old, a, false); err != nil {
			return err
		}
	}
	return nil
}

// bytes2id returns a copy of the annotation id of a paper_annotations key.
func bytes2id(k []byte) []byte {
	for i, c := range k {
		if c == 0 {
			return append([]byte(nil), k[i+1:]...)
		}
	}
	return nil
}

// replaceTag swaps from for into, keeping order and dropping a duplicate.
func replaceTag(tags []string, from, into string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t == from {
			t = into
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
