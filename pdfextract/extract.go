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
// passages, and read the bibliographic metadata. Errors wrap the typed
// extraction errors of internal/appraise. It never panics; it does not
// guard against hangs or memory exhaustion in the PDF library, which is
// why the app calls it in a child process (see Isolated).
func ExtractBytes(data []byte, opt Options) (doc appraise.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = appraise.Document{}, fmt.Errorf("extract: %s: %w", libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	d, pages, err := openAndInterpret(data, opt)
	if err != nil {
		return appraise.Document{}, err
	}
	if !hasText(pages) {
		return appraise.Document{}, fmt.Errorf("extract: %d pages, no text: %w", len(pages), appraise.ErrNoTextLayer)
	}
	blocks, text := layoutPages(pages)
	doc = appraise.Document{
		ExtractorVersion: Version,
		Pages:            make([]appraise.Page, len(pages)),
		Blocks:           blocks,
		Passages:         segment.Passages(text, blocks),
		Text:             text,
	}
	for i, p := range pages {
		doc.Pages[i] = appraise.Page{Number: p.Number, Width: p.Width, Height: p.Height}
	}
	doc.Meta = documentMetadata(d, pages, blocks, text)
	return doc, nil
}

// PageGlyphsOf returns every page's glyphs (the first opt.MaxPages when
// set), for the evaluation tool and layout tests. Pages without text are
// included with no glyphs; ErrNoTextLayer is not raised here.
func PageGlyphsOf(data []byte, opt Options) (pages []PageGlyphs, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("glyphs: %s: %w", libraryPanic(r), appraise.ErrDamaged)
		}
	}()
	_, pages, err = openAndInterpret(data, opt)
	return pages, err
}

// openAndInterpret opens the document and interprets its pages. When the
// file opened as it was but pages turned out damaged (objects not where
// the cross-reference table says), it is read again with a rebuilt table
// and the reading with more glyphs wins.
func openAndInterpret(data []byte, opt Options) (*document, []PageGlyphs, error) {
	d, err := openDocument(data, opt.Password)
	if err != nil {
		return nil, nil, err
	}
	pages, damaged, err := interpretAll(d, opt.MaxPages)
	if err == nil && !damaged {
		return d, pages, nil
	}
	if errors.Is(err, appraise.ErrTooLarge) || d.repaired {
		return d, pages, err
	}
	if d2, err2 := repairDocument(d.data, opt.Password); err2 == nil {
		pages2, _, err3 := interpretAll(d2, opt.MaxPages)
		if err3 == nil && (err != nil || glyphCount(pages2) > glyphCount(pages)) {
			return d2, pages2, nil
		}
		if errors.Is(err3, appraise.ErrTooLarge) {
			return d2, pages2, err3
		}
	}
	return d, pages, err
}

// interpretAll interprets every page. damaged reports that a page (or the
// page tree) could not be read completely; err is set only when nothing
// usable came out, or for ErrTooLarge.
func interpretAll(d *document, maxPages int) (pages []PageGlyphs, damaged bool, err error) {
	refs, damaged, err := pageRefsOf(d)
	if err != nil {
		return nil, true, err
	}
	if maxPages > 0 && len(refs) > maxPages {
		refs = refs[:maxPages]
	}
	dc := newDocCache()
	if !encrypted(d.r) {
		dc.raw = d.data
	}
	pages = make([]PageGlyphs, 0, len(refs))
	for i, ref := range refs {
		pg, perr := dc.pageGlyphs(ref, i+1)
		pages = append(pages, pg)
		switch {
		case perr == nil:
		case errors.Is(perr, appraise.ErrTooLarge):
			return pages, true, perr
		default:
			damaged = true
		}
	}
	return pages, damaged, nil
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

func glyphCount(pages []PageGlyphs) int {
	n := 0
	for _, p := range pages {
		n += len(p.Glyphs)
	}
	return n
}

// hasText reports whether any glyph carries non-blank text (an invisible
// OCR layer counts: it is the text of a scanned paper).
func hasText(pages []PageGlyphs) bool {
	for _, p := range pages {
		for _, g := range p.Glyphs {
			if strings.TrimSpace(g.Text) != "" {
				return true
			}
		}
	}
	return false
}
