package pdfextract

import (
	"fmt"
	"math"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/appraise"
)

// Page-tree limits: the walk never trusts /Count and stops at these.
const (
	maxPageTreeDepth = 64
	maxPageTreeNodes = 1 << 18
)

// pageRef is a leaf of the page tree with its inherited attributes.
type pageRef struct {
	v      pdf.Value
	res    pdf.Value
	media  pdf.Value
	crop   pdf.Value
	rotate int
}

type inherited struct {
	res, media, crop pdf.Value
	rotate           int
}

type pageWalker struct {
	seen    map[string]bool // Pages nodes by serialised form
	refs    map[string]bool // kids by reference: each object is walked once
	nodes   int
	max     int
	pages   []pageRef
	damaged bool // a kid could not be read
}

// pageWalker walks the page tree depth first, never trusting /Count,
// skipping nodes already seen (cycles) and stopping at the limits.
func (w *pageWalker) full() bool {
	return (w.max > 0 && len(w.pages) >= w.max) || w.nodes >= maxPageTreeNodes
}

func (w *pageWalker) walk(node pdf.Value, in inherited, depth int) {
	if depth > maxPageTreeDepth || w.full() || node.Kind() != pdf.Dict {
		return
	}
	w.nodes++
	if r := node.Key("Resources"); r.Kind() == pdf.Dict {
		in.res = r
	}
	if m := node.Key("MediaBox"); m.Kind() == pdf.Array {
		in.media = m
	}
	if c := node.Key("CropBox"); c.Kind() == pdf.Array {
		in.crop = c
	}
	if r := node.Key("Rotate"); r.Kind() == pdf.Integer || r.Kind() == pdf.Real {
		in.rotate = int(r.Float64())
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && node.Key("Type").Name() != "Pages") {
		w.pages = append(w.pages, pageRef{v: node, res: in.res, media: in.media, crop: in.crop, rotate: in.rotate})
		return
	}
	key := node.String()
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	refs := arrayRefs(kids)
	for i := 0; i < kids.Len() && !w.full(); i++ {
		if i < len(refs) && refs[i] != "" {
			if w.refs[refs[i]] {
				continue // a page or node listed twice: a cycle, or a trick
			}
			w.refs[refs[i]] = true
		}
		w.walkKid(kids, i, in, depth+1)
	}
}

// arrayRefs returns, for each element of an array, the reference it is
// ("12 0 R") or "", read from the array's serialised form without
// resolving anything.
func arrayRefs(a pdf.Value) []string {
	o := parseRaw(newLexer([]byte(a.String())), 0)
	out := make([]string, len(o.arr))
	for i, e := range o.arr {
		if e.isRef() {
			out[i] = fmt.Sprintf("%d %d R", e.ref[0], e.ref[1])
		}
	}
	return out
}

// walkKid walks one kid; a kid the library panics on is skipped.
func (w *pageWalker) walkKid(kids pdf.Value, i int, in inherited, depth int) {
	defer func() {
		if recover() != nil {
			w.damaged = true
		}
	}()
	w.walk(kids.Index(i), in, depth)
}

// rect reads a [x0 y0 x1 y1] box, normalised so x0 < x1 and y0 < y1.
func rect(v pdf.Value) ([4]float64, bool) {
	if v.Len() != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i := range 4 {
		r[i] = v.Index(i).Float64()
		if math.IsNaN(r[i]) || math.IsInf(r[i], 0) {
			return r, false
		}
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	return r, r[2]-r[0] >= 1 && r[3]-r[1] >= 1
}

// pageGeometry returns the matrix from default user space to the page
// space Glyphs use (crop box origin at the top left, y down, /Rotate
// applied) and the page's size in that space. The crop box falls back to
// the media box, and that to US Letter.
func pageGeometry(p pageRef) (matrix, float64, float64) {
	box, ok := rect(p.media)
	if !ok {
		box = [4]float64{0, 0, 612, 792}
	}
	if c, ok := rect(p.crop); ok {
		// The crop box is clipped to the media box.
		c = [4]float64{max(c[0], box[0]), max(c[1], box[1]), min(c[2], box[2]), min(c[3], box[3])}
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			box = c
		}
	}
	w, h := box[2]-box[0], box[3]-box[1]
	flip := matrix{1, 0, 0, -1, -box[0], box[3]}
	switch ((p.rotate%360+360)%360 + 45) / 90 % 4 {
	case 1: // 90° clockwise
		return flip.mul(matrix{0, 1, -1, 0, h, 0}), h, w
	case 2:
		return flip.mul(matrix{-1, 0, 0, -1, w, h}), w, h
	case 3:
		return flip.mul(matrix{0, -1, 1, 0, 0, w}), h, w
	}
	return flip, w, h
}

// pageContent concatenates a page's content streams (one stream or an
// array), a newline between them, up to maxContentBytes. The result lives
// in the cache's reusable buffer: it is valid until the next page.
func (dc *docCache) pageContent(contents pdf.Value) ([]byte, error) {
	switch contents.Kind() {
	case pdf.Stream:
		data, err := dc.readStreamInto(contents, maxContentBytes, dc.content)
		dc.content = data
		return data, err
	case pdf.Array:
		out := dc.content[:0]
		var firstErr error
		for i := 0; i < contents.Len(); i++ {
			// Read each stream after what is already there.
			data, err := dc.readStreamInto(contents.Index(i), int64(maxContentBytes-len(out)), out[len(out):])
			out = append(out, data...) // in place when data was read into out's spare capacity
			out = append(out, '\n')
			if err != nil && firstErr == nil {
				firstErr = err
			}
			if isTooLarge(err) || len(out) >= maxContentBytes {
				dc.content = out
				return out, fmt.Errorf("page content inflates past %d MiB: %w", maxContentBytes>>20, appraise.ErrTooLarge)
			}
		}
		dc.content = out
		return out, firstErr
	}
	return nil, nil
}

// pageGlyphs interprets one page into the cache's glyph array, valid
// until the next page. The error is ErrTooLarge (wrapped) when
// a content stream is over the limit, ErrDamaged when the library panicked
// midway, or a decoding error that cut the content short; the glyphs drawn
// before it are returned in every case.
func (dc *docCache) pageGlyphs(p pageRef, number int) (pg PageGlyphs, err error) {
	m, w, h := pageGeometry(p)
	pg = PageGlyphs{Number: number, Width: w, Height: h}
	ip := newInterp(dc, m, w, h)
	// The glyph array is reused from page to page (see pageSink).
	ip.glyphs = dc.glyphs[:0]
	defer func() {
		dc.glyphs = ip.glyphs[:0]
		if r := recover(); r != nil {
			pg.Glyphs = ip.glyphs
			err = fmt.Errorf("page %d: %s: %w", number, libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	content, err := dc.pageContent(p.v.Key("Contents"))
	if isTooLarge(err) {
		return pg, err
	}
	pageRes := dc.resourcesOf(p.res)
	ip.run(content, pageRes)
	ip.runAnnotations(p, pageRes)
	pg.Glyphs = ip.glyphs
	pg.images = ip.images
	if ip.err != nil {
		return pg, ip.err
	}
	return pg, err
}
