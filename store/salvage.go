package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Salvage: after a damaged library was set aside and a backup restored,
// every record still readable in the damaged copy is merged in, so a
// backup from the morning does not cost the day's work. The damaged file
// is read with pageWalker (never mapped, never trusted), from every valid
// meta page, newest first; when neither meta page is valid, from every
// leaf page that looks like the root of an Appraise library.

// salvageKind says how to bring back the records of one bucket. Buckets
// are merged in the order of salvageKinds (papers and tags before the
// annotations that name them). A bucket added later registers here.
type salvageKind struct {
	bucket []byte
	// noun counts the records in the report: "annotations".
	noun string
	// merge writes one record, its value as stored (checksum included,
	// already checked), into tx when it is newer than what tx holds, and
	// reports whether it wrote. An error means the record could not be
	// decoded; it is counted as unreadable and the salvage goes on.
	merge func(tx *bolt.Tx, key, value []byte) (bool, error)
	// newer: merge keeps the newer version itself, so every copy found is
	// offered (otherwise the first found wins).
	newer bool
	// stray, when set, recognises a record of this kind by its JSON
	// fields, so it may be taken from a leaf page no tree reaches any
	// more (cut off by a damaged branch page, or a stale copy) when tx
	// lacks it, or when newer.
	stray []string
}

var salvageKinds = []salvageKind{
	{bucketPapers, "papers", mergePaper, false, []string{"id", "meta", "added", "pages"}},
	{bucketTags, "tags", mergeTag, false, []string{"name", "color"}},
	{bucketAnns, "annotations", mergeAnnotation, true, []string{"id", "paper", "tags", "anchor", "modified"}},
	{bucketDocs, "cached extractions", mergeDocument, false, nil},
	{bucketInstruments, "checklists", mergeInstrument, false, []string{"id", "name", "family", "items"}},
	{bucketAppraisals, "appraisals", mergeAppraisal, true, []string{"paper", "modified"}},
	{bucketMemberAppraisals, "members' appraisals", mergeMemberAppraisal, true, []string{"paper", "author", "modified"}},
}

// hasFields reports whether payload is a JSON object with every field.
func hasFields(payload []byte, fields []string) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(payload, &m) != nil {
		return false
	}
	for _, f := range fields {
		if _, ok := m[f]; !ok {
			return false
		}
	}
	return true
}

// SalvageResult is what salvage brought back.
type SalvageResult struct {
	// Recovered counts the records merged in, by kind ("annotations").
	Recovered map[string]int
	// Unreadable counts records found whose checksum or content was bad.
	Unreadable int
	// BadPages counts pages of the damaged file that could not be read:
	// the records on them are lost to salvage.
	BadPages int
}

// Total is the number of records merged in.
func (r SalvageResult) Total() int {
	n := 0
	for _, c := range r.Recovered {
		n += c
	}
	return n
}

// salvageRoot is where one tree of the damaged file starts.
type salvageRoot struct {
	pageSize int
	hwm      uint64 // 0 when unknown
	root     uint64
}

// salvageFile merges every readable record of the damaged file at path
// into db (current schema), in one transaction. progress, when not nil,
// is told how many of the file's pages have been read.
func salvageFile(db *bolt.DB, path string, progress func(done, total int)) (SalvageResult, error) {
	res := SalvageResult{Recovered: map[string]int{}}
	f, err := os.Open(path)
	if err != nil {
		return res, fmt.Errorf("salvage %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, fmt.Errorf("salvage %s: %w", path, err)
	}
	roots := findRoots(f, st.Size())
	if len(roots) == 0 {
		return res, nil
	}
	// The walker reads every page the file has: a root found by scanning
	// may be newer than the high-water mark of the surviving meta page.
	w := newPageWalker(f, st.Size(), roots[0].pageSize, 0, progress)
	// The buckets of every root, by name, newest root first.
	buckets := map[string][][]byte{}
	for _, r := range roots {
		if r.pageSize != w.pageSize {
			continue
		}
		w.tree(r.root, 0, func(k, v []byte, isBucket bool) {
			if isBucket {
				buckets[string(k)] = append(buckets[string(k)], v)
			}
		})
	}
	// With no readable meta bucket (the root of every tree lost), only
	// stray records can be taken, and only sealed ones.
	schema := salvageSchema(w, buckets[string(bucketMeta)])
	if schema > SchemaVersion {
		return res, nil // from a newer Appraise: its records are not ours to decode
	}
	err = guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			seen := map[string]bool{}
			for _, kind := range salvageKinds {
				for _, b := range buckets[string(kind.bucket)] {
					var ferr error
					w.bucket(b, 1, func(k, v []byte, isBucket bool) {
						id := string(kind.bucket) + sep + string(k)
						if isBucket || ferr != nil || seen[id] && !kind.newer {
							return
						}
						seen[id] = true
						if schema < 2 {
							v = sealValue(bytes.Clone(v)) // written before checksums: trust what decodes
						} else if _, err := openValue(k, v); err != nil {
							res.Unreadable++
							return
						}
						wrote, err := kind.merge(tx, k, v)
						switch {
						case err != nil && isWriteError(err):
							ferr = err
						case err != nil:
							res.Unreadable++
						case wrote:
							res.Recovered[kind.noun]++
						}
					})
					if ferr != nil {
						return ferr
					}
				}
			}
			return w.strays(tx, seen, &res)
		})
	})
	res.BadPages = w.bad
	w.tick(int(w.pages)) // pages past the trees' and strays' reach
	if err != nil {
		return res, fmt.Errorf("salvage %s: %w", path, err)
	}
	return res, nil
}

// strays merges records from the leaf pages no tree reached: pages cut
// off from their tree by a damaged or missing branch page, and stale
// copies in free pages. Only sealed records whose content matches their
// key are taken (see salvageKind.stray).
func (w *pageWalker) strays(tx *bolt.Tx, seen map[string]bool, res *SalvageResult) error {
	var ferr error
	for id := uint64(2); id < w.pages && ferr == nil; id++ {
		if w.seen[id] {
			continue // counted when the tree walk read it
		}
		var hdr [pageHeaderSize]byte
		if _, err := w.r.ReadAt(hdr[:], int64(id)*int64(w.pageSize)); err != nil {
			break
		}
		if le.Uint64(hdr[:]) != id || le.Uint16(hdr[8:]) != flagLeaf {
			w.tick(1)
			continue
		}
		p, err := w.page(id)
		if err != nil {
			continue
		}
		w.elements(p, 0, func(k, v []byte, isBucket bool) {
			if isBucket || ferr != nil {
				return
			}
			payload, err := openValue(k, v)
			if err != nil {
				return
			}
			for _, kind := range salvageKinds {
				name := string(kind.bucket) + sep + string(k)
				if kind.stray == nil || (!kind.newer && (seen[name] || tx.Bucket(kind.bucket).Get(k) != nil)) || !hasFields(payload, kind.stray) {
					continue
				}
				wrote, err := kind.merge(tx, k, v)
				if err != nil && isWriteError(err) {
					ferr = err
				}
				if err != nil {
					continue // not this kind
				}
				if wrote {
					seen[name] = true
					res.Recovered[kind.noun]++
				}
				return
			}
		})
	}
	return ferr
}

// findRoots returns where the trees of the damaged file start: the root
// of each valid meta page, newest first, then every leaf page holding a
// bucket named like one of Appraise's (the root of the newest
// transaction when its meta page is damaged, of older ones, or of the
// only ones left when both meta pages are).
func findRoots(f *os.File, size int64) []salvageRoot {
	var roots []salvageRoot
	metas := readMetas(f, size)
	for _, m := range metas {
		roots = append(roots, salvageRoot{int(m.pageSize), m.pgid, m.root})
	}
	sizes := []int{os.Getpagesize()}
	if len(metas) > 0 {
		sizes = []int{int(metas[0].pageSize)}
	}
	for ps := minPageSize; ps <= maxPageSize; ps *= 2 {
		if ps != sizes[0] {
			sizes = append(sizes, ps)
		}
	}
	for i, ps := range sizes {
		// With a valid meta page its page size is the one; without, try
		// each until one finds roots.
		if i > 0 && (len(metas) > 0 || len(roots) > 0) {
			break
		}
		w := newPageWalker(f, size, ps, 0, nil)
		for id := uint64(2); id < w.pages; id++ {
			var hdr [pageHeaderSize]byte
			if _, err := f.ReadAt(hdr[:], int64(id)*int64(ps)); err != nil {
				break
			}
			if le.Uint64(hdr[:]) != id || le.Uint16(hdr[8:]) != flagLeaf {
				continue
			}
			p, err := w.page(id)
			if err != nil {
				continue
			}
			isRoot := false
			w.elements(p, 0, func(k, _ []byte, isBucket bool) {
				isRoot = isRoot || isBucket && (bytes.Equal(k, bucketMeta) || knownBucket(k))
			})
			if isRoot && (len(metas) == 0 || id != metas[0].root && (len(metas) < 2 || id != metas[1].root)) {
				roots = append(roots, salvageRoot{ps, 0, id})
			}
		}
	}
	return roots
}

func knownBucket(name []byte) bool {
	for _, k := range salvageKinds {
		if bytes.Equal(k.bucket, name) {
			return true
		}
	}
	return false
}

// salvageSchema reads the format marker and schema from the meta
// buckets found; 0 when none says it is an Appraise library.
func salvageSchema(w *pageWalker, metas [][]byte) int {
	for _, b := range metas {
		var format, schema []byte
		w.bucket(b, 1, func(k, v []byte, isBucket bool) {
			switch {
			case isBucket:
			case bytes.Equal(k, keyFormat):
				format = v
			case bytes.Equal(k, keySchema):
				schema = v
			}
		})
		if string(format) == formatMarker {
			if v, err := strconv.Atoi(string(schema)); err == nil {
				return v
			}
		}
	}
	return 0
}

// writeError marks an error of the target library (not of a salvaged
// record): it ends the salvage.
type writeError struct{ error }

func (e writeError) Unwrap() error { return e.error }

func isWriteError(err error) bool {
	_, ok := err.(writeError)
	return ok
}

// looksLikeAppraise reports whether salvage can find Appraise's format
// marker in the (damaged) file at path.
func looksLikeAppraise(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	for _, r := range findRoots(f, st.Size()) {
		w := newPageWalker(f, st.Size(), r.pageSize, r.hwm, nil)
		var metas [][]byte
		w.tree(r.root, 0, func(k, v []byte, isBucket bool) {
			if isBucket && bytes.Equal(k, bucketMeta) {
				metas = append(metas, v)
			}
		})
		if salvageSchema(w, metas) > 0 {
			return true
		}
	}
	return false
}
