package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Composite keys join their parts with NUL, which no id, tag name or
// extractor version may contain.
const sep = "\x00"

func paperAnnKey(paper, id string) []byte { return []byte(paper + sep + id) }

func historyKey(id string, seq uint64) []byte {
	k := make([]byte, 0, len(id)+1+8)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, seq)
}

func docKey(paper, version string) []byte { return []byte(paper + sep + version) }

func searchTextKey(paper string) []byte  { return []byte("a" + sep + paper) }
func searchPaperKey(paper string) []byte { return []byte("p" + sep + paper) }

// validKey checks an id or name used in a key.
func validKey(kind, s string) error {
	if s == "" || len(s) > 200 || strings.Contains(s, sep) {
		return fmt.Errorf("%s %q is empty, too long or contains NUL", kind, s)
	}
	return nil
}

// prefixKeys returns copies of the keys of b that start with prefix.
func prefixKeys(b *bolt.Bucket, prefix []byte) [][]byte {
	var out [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, bytes.Clone(k))
	}
	return out
}

// joinTags and splitTags store a live annotation's tags in its index entry.
func joinTags(tags []string) []byte { return []byte(strings.Join(tags, "\n")) }

func splitTags(v []byte) []string {
	if len(v) == 0 {
		return nil
	}
	return strings.Split(string(v), "\n")
}
