package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's on-disk format, as far as this package reads it itself (see
// salvage.go and checkMetaPages). bbolt writes its structures in the
// machine's byte order; every platform Appraise is built for is
// little-endian.
const (
	boltMagic         = 0xED0CDAED
	boltVersion       = 2
	pageHeaderSize    = 16 // id u64, flags u16, count u16, overflow u32
	branchElementSize = 16 // pos u32, ksize u32, pgid u64
	leafElementSize   = 16 // flags u32, pos u32, ksize u32, vsize u32
	metaSize          = 64 // magic, version, pageSize, flags u32; root, sequence, freelist, pgid, txid, checksum u64
	metaSumLen        = 56 // the checksum covers the meta up to itself
	bucketHeaderSize  = 16 // root pgid u64, sequence u64
	flagBranch        = 0x01
	flagLeaf          = 0x02
	flagMeta          = 0x04
	flagFreelist      = 0x10
	flagBucket        = 0x01 // a leaf element that is a nested bucket
	noFreelist        = ^uint64(0)
	minPageSize       = 512
	maxPageSize       = 64 << 10
)

var le = binary.LittleEndian

// boltMeta is one decoded meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64 // page of the root bucket
	freelist uint64
	pgid     uint64 // high-water mark: pages 0..pgid-1 exist
	txid     uint64
}

// errShortFile: the file ends before the pages its meta page says it has;
// bbolt would fault (SIGBUS) touching them.
var errShortFile = errors.New("the file is shorter than its pages claim (it was cut off)")

// decodeMeta decodes and validates the meta page in page (its header
// included); ok is false when it is not a valid meta.
func decodeMeta(page []byte) (boltMeta, error) {
	if len(page) < pageHeaderSize+metaSize {
		return boltMeta{}, errors.New("meta page cut off")
	}
	if le.Uint16(page[8:])&flagMeta == 0 {
		return boltMeta{}, errors.New("not a meta page")
	}
	m := page[pageHeaderSize : pageHeaderSize+metaSize]
	if le.Uint32(m[0:]) != boltMagic {
		return boltMeta{}, errors.New("no bbolt marker")
	}
	if le.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, fmt.Errorf("bbolt format version %d", le.Uint32(m[4:]))
	}
	h := fnv.New64a()
	h.Write(m[:metaSumLen])
	if h.Sum64() != le.Uint64(m[metaSumLen:]) {
		return boltMeta{}, errors.New("meta page checksum mismatch")
	}
	meta := boltMeta{
		pageSize: le.Uint32(m[8:]),
		root:     le.Uint64(m[16:]),
		freelist: le.Uint64(m[32:]),
		pgid:     le.Uint64(m[40:]),
		txid:     le.Uint64(m[48:]),
	}
	ps := meta.pageSize
	switch {
	case ps < minPageSize || ps > maxPageSize || ps&(ps-1) != 0:
		return boltMeta{}, fmt.Errorf("page size %d", ps)
	case meta.pgid < 2 || meta.root < 2 || meta.root >= meta.pgid:
		return boltMeta{}, fmt.Errorf("root page %d outside the %d pages", meta.root, meta.pgid)
	case meta.freelist != noFreelist && (meta.freelist < 2 || meta.freelist >= meta.pgid):
		return boltMeta{}, fmt.Errorf("freelist page %d outside the %d pages", meta.freelist, meta.pgid)
	}
	return meta, nil
}

// readMetas reads both meta pages of f with bounds-checked reads and
// returns the valid ones, newest (highest txid) first.
func readMetas(f io.ReaderAt, size int64) []boltMeta {
	var out []boltMeta
	first := make([]byte, pageHeaderSize+metaSize)
	n, _ := f.ReadAt(first, 0)
	m0, err0 := decodeMeta(first[:n])
	if err0 == nil {
		out = append(out, m0)
	}
	// The second meta page starts one page in; when the first is unusable
	// its page size is unknown, so try every size bbolt could have used.
	sizes := []uint32{m0.pageSize}
	if err0 != nil {
		sizes = sizes[:0]
		for ps := uint32(minPageSize); ps <= maxPageSize; ps *= 2 {
			sizes = append(sizes, ps)
		}
	}
	for _, ps := range sizes {
		if int64(ps)+int64(len(first)) > size {
			break
		}
		buf := make([]byte, len(first))
		n, _ := f.ReadAt(buf, int64(ps))
		if m1, err := decodeMeta(buf[:n]); err == nil && m1.pageSize == ps {
			out = append(out, m1)
			break
		}
	}
	if len(out) == 2 && out[1].txid > out[0].txid {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

// checkMetaPages is the cheap check made before bbolt maps a file: it
// reads the meta pages itself and refuses a file bbolt could not open
// safely: no valid meta page, or shorter than the pages the meta bbolt
// would use (the valid one with the highest txid) says it has. Touching a
// missing page of a mapped file is a fault no recover() catches.
func checkMetaPages(path string) (boltMeta, error) {
	f, err := os.Open(path)
	if err != nil {
		return boltMeta{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return boltMeta{}, err
	}
	if !st.Mode().IsRegular() {
		return boltMeta{}, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	metas := readMetas(f, st.Size())
	if len(metas) == 0 {
		return boltMeta{}, errors.New("no valid bbolt meta page")
	}
	if len(metas) == 1 {
		// bbolt would quietly fall back to the other one, a transaction
		// older: the last acknowledged change would be gone unseen.
		return metas[0], errors.New("one of its two meta pages is damaged")
	}
	m := metas[0]
	if need := m.pgid * uint64(m.pageSize); need/uint64(m.pageSize) != m.pgid || uint64(st.Size()) < need {
		return m, fmt.Errorf("%w: %d bytes of %d", errShortFile, st.Size(), m.pgid*uint64(m.pageSize))
	}
	if err := checkFreelist(newPageWalker(f, st.Size(), int(m.pageSize), m.pgid, nil), m); err != nil {
		return m, err
	}
	return m, nil
}
