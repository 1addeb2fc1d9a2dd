package pdfextract

import (
	"slices"

	"appraise.app/appraise/internal/appraise"
)

// pageSink takes the pages of one reading of a document, in page order,
// as they are interpreted. add may hold on to the page's glyph array until
// it is done with it and returns the empty array the interpreter fills
// with the next page; finish is called once the reading ends, and returns
// when the sink's work is done (re-raising a panic of that work).
type pageSink interface {
	add(pg PageGlyphs) []Glyph
	finish()
}

// pageCollector keeps every page's glyphs.
type pageCollector struct{ pages []PageGlyphs }

func (c *pageCollector) add(pg PageGlyphs) []Glyph {
	kept := pg
	kept.Glyphs = slices.Clone(pg.Glyphs)
	c.pages = append(c.pages, kept)
	return pg.Glyphs[:0]
}

func (c *pageCollector) finish() {}

// layoutSink starts the layout of each page (see newPageFrags) as it
// comes, so the document's glyphs are never all held at once, and keeps
// what the rest of extraction needs: the pages' sizes, the glyphs of the
// first two pages for the metadata, and whether any glyph carries text.
//
// It works on a goroutine of its own, a page behind the interpreter: two
// glyph arrays take turns, one filled by the interpreter while the other
// is laid out. The results are read after finish.
type layoutSink struct {
	frags    []*pageFrags
	pages    []appraise.Page
	front    []PageGlyphs                          // the first two pages
	text     bool                                  // some glyph carries non-blank text (see hasText)
	images   int                                   // images the pages drew
	damaged  bool                                  // some page could not be read completely
	panicked any                                   // a panic of the layout goroutine, re-raised by finish
	prepare  func(pg PageGlyphs, i int) *pageFrags // newPageFrags; tests replace it

	work     chan PageGlyphs // pages to lay out
	free     chan []Glyph    // arrays laid out, for the interpreter to refill
	done     chan struct{}   // closed when the goroutine ends
	finished bool
}

// metadataPages is how many pages documentMetadata reads.
const metadataPages = 2

func newLayoutSink() *layoutSink {
	s := &layoutSink{prepare: newPageFrags, work: make(chan PageGlyphs, 1), free: make(chan []Glyph, 2), done: make(chan struct{})}
	s.free <- nil // the second array, made by add
	go s.run()
	return s
}

func (s *layoutSink) add(pg PageGlyphs) []Glyph {
	s.work <- pg
	next := <-s.free
	if next == nil {
		// The second array: as large as the first has grown, rather than
		// grown again from nothing.
		next = make([]Glyph, 0, cap(pg.Glyphs))
	}
	return next[:0]
}

func (s *layoutSink) finish() {
	if !s.finished {
		s.finished = true
		close(s.work)
		<-s.done
	}
	if s.panicked != nil {
		panic(s.panicked)
	}
}

// run lays out the pages it is given, in order, handing each array back.
// After a panic it only hands arrays back: finish re-raises the panic.
func (s *layoutSink) run() {
	defer close(s.done)
	for pg := range s.work {
		if s.panicked == nil {
			s.take(pg)
		}
		s.free <- pg.Glyphs
	}
}

func (s *layoutSink) take(pg PageGlyphs) {
	defer func() {
		if r := recover(); r != nil {
			s.panicked = r
		}
	}()
	s.text = s.text || hasText(pg.Glyphs)
	s.images += pg.images
	s.damaged = s.damaged || pg.damaged
	s.pages = append(s.pages, appraise.Page{Number: pg.Number, Width: pg.Width, Height: pg.Height})
	if len(s.front) < metadataPages {
		c := pg
		c.Glyphs = slices.Clone(pg.Glyphs)
		s.front = append(s.front, c)
	}
	s.frags = append(s.frags, s.prepare(pg, len(s.frags)))
}
