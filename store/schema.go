package store

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// SchemaVersion is the layout this code reads and writes.
const SchemaVersion = 5

// formatMarker tells an Appraise library from any other bbolt file.
const formatMarker = "appraise-library"

// Bucket and key names.
var (
	bucketMeta     = []byte("meta")
	bucketPapers   = []byte("papers")
	bucketDocs     = []byte("documents")
	bucketAnns     = []byte("annotations")
	bucketPaperAnn = []byte("paper_annotations")
	bucketTrash    = []byte("trash")
	bucketHistory  = []byte("history")
	bucketTags     = []byte("tags")
	bucketSearch   = []byte("search")
	// Schema 3: structured appraisals (one record per paper) and custom
	// instruments.
	bucketAppraisals  = []byte("appraisals")
	bucketInstruments = []byte("instruments")

	keyFormat  = []byte("format")
	keySchema  = []byte("schema")
	keyCreated = []byte("created")
)

// dataBuckets are the buckets of the current schema besides meta.
var dataBuckets = [][]byte{bucketPapers, bucketDocs, bucketAnns, bucketPaperAnn,
	bucketTrash, bucketHistory, bucketTags, bucketSearch, bucketAppraisals, bucketInstruments,
	bucketFullText, bucketPaperTrash, bucketMemberAppraisals}

// ErrNewerSchema: the library was written by a newer Appraise.
var ErrNewerSchema = errors.New("this library was written by a newer version of Appraise; update Appraise to open it")

// errNotAppraise: a readable bbolt file without Appraise's format marker.
var errNotAppraise = errors.New("not an Appraise library")

// initSchema lays out an empty library: the buckets, the meta keys and the
// built-in tags.
func initSchema(tx *bolt.Tx, now time.Time) error {
	meta, err := tx.CreateBucket(bucketMeta)
	if err != nil {
		return fmt.Errorf("create meta: %w", err)
	}
	for _, kv := range [][2]string{
		{string(keyFormat), formatMarker},
		{string(keySchema), strconv.Itoa(SchemaVersion)},
		{string(keyCreated), now.UTC().Format(time.RFC3339)},
	} {
		if err := meta.Put([]byte(kv[0]), []byte(kv[1])); err != nil {
			return fmt.Errorf("write meta: %w", err)
		}
	}
	for _, b := range dataBuckets {
		if _, err := tx.CreateBucket(b); err != nil {
			return fmt.Errorf("create %s: %w", b, err)
		}
	}
	tags := tx.Bucket(bucketTags)
	for _, t := range appraise.BuiltInTags() {
		if err := putJSON(tags, []byte(t.Name), t); err != nil {
			return fmt.Errorf("add tag %s: %w", t.Name, err)
		}
	}
	return nil
}

// readSchema returns the schema version of an Appraise library, or
// errNotAppraise.
func readSchema(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyFormat)) != formatMarker {
		return 0, errNotAppraise
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil || v < 1 {
		return 0, fmt.Errorf("schema version %q: %w", meta.Get(keySchema), errNotAppraise)
	}
	return v, nil
}

// migration takes a library from one schema to the next inside tx.
type migration func(tx *bolt.Tx) error

// migrations[n] takes schema n to n+1. Schema 1 is the first; add the
// next step as migrations[SchemaVersion], keep testdata/schema-N.db, and let
// TestMigratesEveryEarlierSchema prove it.
var migrations = map[int]migration{
	1: sealRecords,                   // schema 2: every record carries a CRC-32C (codec.go)
	2: addAppraisalBuckets,           // schema 3: structured appraisals and custom instruments
	3: migrateTextIndexAndPaperTrash, // schema 4: full-text index, removed papers
	4: addMemberAppraisals,           // schema 5: journal-club members' appraisals
}

// sealedBuckets hold values stored through codec.go, which carry a
// checksum from schema 2 on.
var sealedBuckets = [][]byte{bucketPapers, bucketDocs, bucketAnns, bucketHistory, bucketTags}

// sealRecords appends a checksum to every record value (schema 1 to 2).
// bbolt forbids changing a bucket while iterating it, so the values are
// rewritten in batches, each found again by seeking past the last key.
func sealRecords(tx *bolt.Tx) error {
	const batch = 1000
	for _, name := range sealedBuckets {
		b := tx.Bucket(name)
		if b == nil {
			return fmt.Errorf("bucket %s missing", name)
		}
		var after []byte
		for {
			var keys, vals [][]byte
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(keys) < batch; k, v = c.Next() {
				if v == nil {
					continue // a nested bucket: none in these
				}
				keys = append(keys, bytes.Clone(k))
				vals = append(vals, sealValue(bytes.Clone(v)))
			}
			for i := range keys {
				if err := b.Put(keys[i], vals[i]); err != nil {
					return fmt.Errorf("seal %s %q: %w", name, keys[i], err)
				}
			}
			if len(keys) < batch {
				break
			}
			after = keys[len(keys)-1]
		}
	}
	return nil
}

// migrate runs every step from schema `from` to the plan's version and
// records the new version, all in tx.
func migrate(tx *bolt.Tx, from int, plan schemaPlan) error {
	for v := from; v < plan.version; v++ {
		step, ok := plan.steps[v]
		if !ok {
			return fmt.Errorf("no migration from schema %d", v)
		}
		if err := step(tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
		}
	}
	if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(plan.version))); err != nil {
		return fmt.Errorf("record schema %d: %w", plan.version, err)
	}
	return nil
}
