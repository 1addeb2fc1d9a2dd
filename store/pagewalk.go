package store

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// pageWalker reads the B+trees of a bbolt file that may be damaged, with
// reads of its own: it never maps the file, bounds every offset by the
// page it is in and the page by the file, visits a page at most once (a
// damaged pointer cannot make it loop) and stops after a fixed amount of
// work. What it cannot read it counts and skips.
type pageWalker struct {
	r        io.ReaderAt
	pageSize int
	pages    uint64 // pages that may be read: 0..pages-1
	seen     map[uint64]bool
	budget   int // pages left to read
	elems    int // elements left to visit: a file cannot hold more
	bad      int // pages that could not be read or made no sense
	progress func(done, total int)
	done     int
	told     int // the percentage last told
}

// maxWalkDepth bounds the nesting of branch pages and buckets; bbolt's
// trees of a library are a few levels deep.
const maxWalkDepth = 32

// maxPageSpan bounds one page with its overflow, so a damaged overflow
// count cannot make the walker allocate without end (the largest value
// stored is a deflated extraction of a few MB).
const maxPageSpan = 256 << 20

var (
	errBadPage = errors.New("bad page")
	// errSeen: a page already walked, from another tree of the file
	// (an older meta page's) that shares it, or through a damaged pointer.
	errSeen = errors.New("page already read")
)

func newPageWalker(r io.ReaderAt, size int64, pageSize int, hwm uint64, progress func(done, total int)) *pageWalker {
	pages := uint64(size) / uint64(pageSize)
	if hwm > 0 && hwm < pages {
		pages = hwm
	}
	return &pageWalker{r: r, pageSize: pageSize, pages: pages, seen: map[uint64]bool{},
		budget: int(min(pages, 1<<40)) + 16, progress: progress, done: 2, told: -1,
		elems: int(min(pages*uint64(pageSize)/leafElementSize, 1<<40)) + 1024}
}

// page reads page id with its overflow pages, checking its header.
func (w *pageWalker) page(id uint64) ([]byte, error) {
	if id < 2 || id >= w.pages {
		return nil, fmt.Errorf("page %d outside the %d pages: %w", id, w.pages, errBadPage)
	}
	if w.seen[id] {
		return nil, errSeen
	}
	w.seen[id] = true
	if w.budget--; w.budget < 0 {
		return nil, fmt.Errorf("page %d: walked more pages than the file has: %w", id, errBadPage)
	}
	var hdr [pageHeaderSize]byte
	if _, err := w.r.ReadAt(hdr[:], int64(id)*int64(w.pageSize)); err != nil {
		return nil, fmt.Errorf("page %d: %v: %w", id, err, errBadPage)
	}
	if le.Uint64(hdr[0:]) != id {
		return nil, fmt.Errorf("page %d says it is page %d: %w", id, le.Uint64(hdr[0:]), errBadPage)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if overflow >= w.pages-id || (overflow+1)*uint64(w.pageSize) > maxPageSpan {
		return nil, fmt.Errorf("page %d: %d overflow pages run past the end: %w", id, overflow, errBadPage)
	}
	buf := make([]byte, (overflow+1)*uint64(w.pageSize))
	if _, err := w.r.ReadAt(buf, int64(id)*int64(w.pageSize)); err != nil {
		return nil, fmt.Errorf("page %d: %v: %w", id, err, errBadPage)
	}
	for i := uint64(1); i <= overflow; i++ {
		w.seen[id+i] = true
	}
	w.tick(int(overflow + 1))
	return buf, nil
}

// tick counts n pages read and tells progress at each whole percent.
func (w *pageWalker) tick(n int) {
	w.done = min(w.done+n, int(w.pages))
	if w.progress == nil || w.pages == 0 {
		return
	}
	if pct := w.done * 100 / int(w.pages); pct != w.told {
		w.told = pct
		w.progress(w.done, int(w.pages))
	}
}

// leafFunc receives one element of a leaf page: a nested bucket (its
// 16-byte header and inline page) when isBucket, else a key and value.
// Both slices belong to the walker's buffer and stay valid.
type leafFunc func(key, value []byte, isBucket bool)

// tree walks the tree rooted at page root and calls fn for every leaf
// element it can read; unreadable pages are counted in w.bad.
func (w *pageWalker) tree(root uint64, depth int, fn leafFunc) {
	if depth > maxWalkDepth {
		w.bad++
		return
	}
	p, err := w.page(root)
	if err == errSeen {
		return
	}
	if err != nil {
		w.bad++
		return
	}
	w.elements(p, depth, fn)
}

// bucket walks a nested bucket given its leaf value: a header and, when
// its root is 0, an inline leaf page.
func (w *pageWalker) bucket(value []byte, depth int, fn leafFunc) {
	if len(value) < bucketHeaderSize {
		w.bad++
		return
	}
	root := le.Uint64(value)
	if root != 0 {
		w.tree(root, depth+1, fn)
		return
	}
	w.elements(value[bucketHeaderSize:], depth+1, fn)
}

// elements reads the elements of a branch or leaf page held in p.
func (w *pageWalker) elements(p []byte, depth int, fn leafFunc) {
	if len(p) < pageHeaderSize {
		w.bad++
		return
	}
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	// Damaged elements may overlap, and an inline bucket may hold
	// another: bound the elements visited by what the file could hold.
	if w.elems -= count; w.elems < 0 {
		w.bad++
		return
	}
	switch flags {
	case flagBranch:
		if pageHeaderSize+count*branchElementSize > len(p) {
			w.bad++
			return
		}
		for i := range count {
			e := p[pageHeaderSize+i*branchElementSize:]
			w.tree(le.Uint64(e[8:]), depth+1, fn)
		}
	case flagLeaf:
		if pageHeaderSize+count*leafElementSize > len(p) {
			w.bad++
			return
		}
		for i := range count {
			at := pageHeaderSize + i*leafElementSize
			e := p[at:]
			eflags, pos, ksize, vsize := le.Uint32(e), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
			start := uint64(at) + pos
			if start+ksize+vsize > uint64(len(p)) {
				w.bad++
				continue
			}
			k, v := p[start:start+ksize], p[start+ksize:start+ksize+vsize]
			fn(k, v, eflags&flagBucket != 0)
		}
	default:
		w.bad++
	}
}

// checkStructure walks every tree of the file at path from its newest
// valid meta page with pageWalker and fails on the first page it cannot
// read, or a freelist that runs past its pages. bbolt's own consistency
// check trusts page pointers and would fault on one pointing past the
// end of the file; after this walk every pointer is known to be inside.
func checkStructure(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	metas := readMetas(f, st.Size())
	if len(metas) == 0 {
		return errors.New("no valid bbolt meta page")
	}
	m := metas[0]
	w := newPageWalker(f, st.Size(), int(m.pageSize), m.pgid, nil)
	var walk leafFunc
	walk = func(_, v []byte, isBucket bool) {
		if isBucket {
			w.bucket(v, 1, walk)
		}
	}
	w.tree(m.root, 0, walk)
	if w.bad > 0 {
		return fmt.Errorf("%d pages of its trees cannot be read", w.bad)
	}
	return checkFreelist(w, m)
}

// checkFreelist reads the freelist page of meta m and checks that its
// ids fit in the page and name pages below the high-water mark: bbolt
// reads it, unchecked, when it opens a file for writing.
func checkFreelist(w *pageWalker, m boltMeta) error {
	if m.freelist != noFreelist {
		p, err := w.page(m.freelist)
		if err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		if le.Uint16(p[8:]) != flagFreelist {
			return errors.New("the freelist page is not one")
		}
		n, at := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
		if n == 0xFFFF { // the count does not fit the header: it is the first id
			if len(p) < pageHeaderSize+8 {
				return errors.New("freelist page cut off")
			}
			n, at = le.Uint64(p[pageHeaderSize:]), at+8
		}
		if n > (uint64(len(p))-at)/8 {
			return fmt.Errorf("freelist of %d pages runs past its page", n)
		}
		for i := range n {
			if id := le.Uint64(p[at+8*i:]); id < 2 || id >= m.pgid {
				return fmt.Errorf("freelist names page %d outside the %d pages", id, m.pgid)
			}
		}
	}
	return nil
}
