package pdfextract

import (
	"errors"
	"fmt"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/segment"
)

// Options tune one in-process extraction.
type Options struct {
	// Password is tried after the empty user password; an owner password
	// works too.
	Password string
	// MaxPages limits extraction to the first MaxPages pages; 0 means all.
	MaxPages int
}

// ExtractBytes turns PDF bytes into a Document: open (repairing the
// cross-reference table when needed), interpret every page into glyphs,
// lay them out into blocks in reading order, split the blocks into
// passages, and read the bibliographic metadata. Layout runs on other
// goroutines alongside interpretation; all are joined before it returns.
// Errors wrap the typed extraction errors of internal/appraise. It never
// panics; it does not guard against hangs or memory exhaustion in the PDF
// library, which is why the app calls it in a child process (see
// Isolated).
func ExtractBytes(data []byte, opt Options) (doc appraise.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = appraise.Document{}, fmt.Errorf("extract: %s: %w", libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	d, sink, err := openAndInterpret(data, opt, func() pageSink { return newLayoutSink() })
	if err != nil {
		return appraise.Document{}, err
	}
	ls := sink.(*layoutSink)
	if !ls.text {
		return appraise.Document{}, noTextError(len(ls.pages), ls.images, ls.damaged)
	}
	blocks, text, lines := layoutFrags(ls.frags)
	doc = appraise.Document{
		ExtractorVersion: Version,
		Pages:            ls.pages,
		Blocks:           blocks,
		Text:             text,
		Lines:            lines,
	}
	// Passages and metadata read the blocks and text, and nothing else the
	// other touches.
	inParallel(2, func(i int) {
		if i == 0 {
			doc.Passages = segment.Passages(text, blocks)
		} else {
			doc.Meta = documentMetadata(d, ls.front, blocks, text)
		}
	})
	return doc, nil
}

// PageGlyphsOf returns every page's glyphs (the first opt.MaxPages when
// set), for the tests of the glyph stage and of layout. Pages without text
// are included with no glyphs; ErrNoTextLayer is not raised here.
func PageGlyphsOf(data []byte, opt Options) (pages []PageGlyphs, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("glyphs: %s: %w", libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	_, sink, err := openAndInterpret(data, opt, func() pageSink { return &pageCollector{} })
	if sink == nil {
		return nil, err
	}
	return sink.(*pageCollector).pages, err
}

// openAndInterpret opens the document and interprets its pages into a
// sink made by newSink. When the file opened as it was but pages turned
// out damaged (objects not where the cross-reference table says), it is
// read again, into a new sink, with a rebuilt table and the reading with
// more glyphs wins. The sink is nil only when the file did not open.
func openAndInterpret(data []byte, opt Options, newSink func() pageSink) (*document, pageSink, error) {
	d, err := openDocument(data, opt.Password)
	if err != nil {
		return nil, nil, err
	}
	sink, glyphs, damaged, err := readInto(d, opt.MaxPages, newSink)
	if err == nil && !damaged {
		return d, sink, nil
	}
	if errors.Is(err, appraise.ErrTooLarge) || d.repaired {
		return d, sink, err
	}
	if d2, err2 := repairDocument(d.data); err2 == nil {
		sink2, glyphs2, _, err3 := readInto(d2, opt.MaxPages, newSink)
		if err3 == nil && (err != nil || glyphs2 > glyphs) {
			return d2, sink2, nil
		}
		if errors.Is(err3, appraise.ErrTooLarge) {
			return d2, sink2, err3
		}
	}
	return d, sink, err
}

// readInto interprets d's pages into a new sink and finishes the sink
// (waits for the work it does on its own) whatever happens.
func readInto(d *document, maxPages int, newSink func() pageSink) (sink pageSink, glyphs int, damaged bool, err error) {
	sink = newSink()
	defer sink.finish()
	glyphs, damaged, err = interpretAll(d, maxPages, sink)
	return sink, glyphs, damaged, err
}

// interpretAll interprets every page into sink and counts the glyphs.
// damaged reports that a page (or the page tree) could not be read
// completely; err is set only when nothing usable came out, or for
// ErrTooLarge.
func interpretAll(d *document, maxPages int, sink pageSink) (glyphs int, damaged bool, err error) {
	refs, damaged, err := pageRefsOf(d)
	if err != nil {
		return 0, true, err
	}
	if maxPages > 0 && len(refs) > maxPages {
		refs = refs[:maxPages]
	}
	dc := newDocCache()
	if !encrypted(d.r) {
		dc.raw = d.data
	}
	for i, ref := range refs {
		pg, perr := dc.pageGlyphs(ref, i+1)
		pg.damaged = perr != nil
		glyphs += len(pg.Glyphs)
		dc.glyphs = sink.add(pg)
		switch {
		case perr == nil:
		case errors.Is(perr, appraise.ErrTooLarge):
			return glyphs, true, perr
		default:
			damaged = true
		}
	}
	return glyphs, damaged, nil
}

// pageRefsOf lists the document's pages; no page at all is ErrDamaged.
func pageRefsOf(d *document) (refs []pageRef, damaged bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			refs, damaged, err = nil, true, fmt.Errorf("page tree: %s: %w", libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	w := pageWalker{seen: map[string]bool{}, refs: map[string]bool{}}
	root := d.r.Trailer().Key("Root").Key("Pages")
	w.walk(root, inherited{}, 0)
	if len(w.pages) == 0 {
		return nil, true, fmt.Errorf("page tree has no pages: %w", appraise.ErrDamaged)
	}
	return w.pages, w.damaged, nil
}

// noTextError says why a document of pages pages gave no text: damaged
// when a page (or the page tree) could not be read, as the missing text
// may be in what could not be read; scanned (no text layer) when pages
// draw images; otherwise there is nothing to read at all (blank pages,
// or pages drawn only with lines and shapes).
func noTextError(pages, images int, damaged bool) error {
	switch {
	case damaged:
		return fmt.Errorf("extract: %d pages, no text, some pages unreadable: %w", pages, appraise.ErrDamaged)
	case images > 0:
		return fmt.Errorf("extract: %d pages, %d images, no text: %w", pages, images, appraise.ErrNoTextLayer)
	default:
		return fmt.Errorf("extract: %d pages, no text, no images: %w", pages, appraise.ErrNoTextNoImages)
	}
}

// hasText reports whether any glyph carries non-blank text (an invisible
// OCR layer counts: it is the text of a scanned paper).
func hasText(glyphs []Glyph) bool {
	for _, g := range glyphs {
		if strings.TrimSpace(g.Text) != "" {
			return true
		}
	}
	return false
}
