package library

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// checkedPDF is a file version found to hash to its paper's id.
type checkedPDF struct {
	size    int64
	modTime time.Time
	id      appraise.PaperID
}

// RenderPage draws page (1-based) of a paper's PDF at scale device pixels
// per point, from the file the paper was opened from. A file that is gone
// or is no longer the paper's PDF is refused with a sentence, since its
// pages would not match the text and annotations.
func (l *Library) RenderPage(ctx context.Context, id appraise.PaperID, page int, scale float64) (*image.RGBA, error) {
	if l.renderer == nil {
		return nil, appraise.ErrNoRenderer
	}
	p, err := l.store.Paper(id)
	if err != nil {
		return nil, err
	}
	if err := l.checkPDF(ctx, p); err != nil {
		return nil, err
	}
	return l.renderer.RenderPage(ctx, appraise.RenderRequest{Path: p.Path, Password: l.password(id), Page: page, Scale: scale})
}

// checkPDF checks that the file at p.Path is still p's PDF: hashed once
// per version of the file (size and modification time).
func (l *Library) checkPDF(ctx context.Context, p appraise.Paper) error {
	if p.Path == "" {
		return fmt.Errorf("paper %s: no PDF file is known for it: %w", p.ID, appraise.ErrNoSuchFile)
	}
	st, err := os.Stat(p.Path)
	if err != nil {
		return inputError(p.Path, err)
	}
	l.mu.Lock()
	c, ok := l.checked[p.Path]
	l.mu.Unlock()
	if ok && c.size == st.Size() && c.modTime.Equal(st.ModTime()) && c.id == p.ID {
		return nil
	}
	got, err := HashFile(ctx, p.Path)
	if err != nil {
		return err
	}
	if got != p.ID {
		return fmt.Errorf("%s: %w", filepath.Base(p.Path), appraise.ErrPaperFileChanged)
	}
	l.mu.Lock()
	if l.checked == nil {
		l.checked = map[string]checkedPDF{}
	}
	l.checked[p.Path] = checkedPDF{size: st.Size(), modTime: st.ModTime(), id: p.ID}
	l.mu.Unlock()
	return nil
}

func (l *Library) rememberPassword(id appraise.PaperID, password string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.passwords == nil {
		l.passwords = map[appraise.PaperID]string{}
	}
	l.passwords[id] = password
}

func (l *Library) password(id appraise.PaperID) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.passwords[id]
}

// AnnotatedPDF is what an annotated-PDF export wrote.
type AnnotatedPDF struct {
	Highlights  int // highlight annotations written: one per annotation and page it spans
	Annotations int // annotations that got at least one highlight
	// Unplaced counts annotations left out because their text has no
	// position on the page: orphaned annotations, and text the extraction
	// has no line boxes for.
	Unplaced int
}

// ExportAnnotatedPDF writes a copy of a paper's PDF to dst with one
// highlight annotation per annotation (narrowed by f exactly as Export
// does) and page it spans, and returns how many highlights it wrote. The
// original is never changed; dst is written atomically.
func (l *Library) ExportAnnotatedPDF(ctx context.Context, id appraise.PaperID, f appraise.ExportFilter, dst string) (int, error) {
	r, err := l.ExportAnnotatedPDFDetail(ctx, id, f, dst)
	return r.Highlights, err
}

// ExportAnnotatedPDFDetail is ExportAnnotatedPDF reporting what was left
// out.
func (l *Library) ExportAnnotatedPDFDetail(ctx context.Context, id appraise.PaperID, f appraise.ExportFilter, dst string) (AnnotatedPDF, error) {
	if l.renderer == nil {
		return AnnotatedPDF{}, appraise.ErrNoRenderer
	}
	p, err := l.store.Paper(id)
	if err != nil {
		return AnnotatedPDF{}, err
	}
	if err := l.checkPDF(ctx, p); err != nil {
		return AnnotatedPDF{}, err
	}
	doc, err := l.documentWithLines(ctx, p)
	if err != nil {
		return AnnotatedPDF{}, err
	}
	as, err := l.store.Annotations(id)
	if err != nil {
		return AnnotatedPDF{}, err
	}
	tags, err := l.store.Tags()
	if err != nil {
		return AnnotatedPDF{}, err
	}
	hs, r := highlights(doc, filter(as, f), tagColours(tags))
	if err := l.renderer.WriteHighlights(ctx, p.Path, dst, hs); err != nil {
		return AnnotatedPDF{}, err
	}
	return r, nil
}

// documentWithLines is the extraction p's annotations are anchored in,
// with its line boxes. An extraction cached before line boxes existed has
// none: the PDF is extracted again and its boxes used when its text is
// the same (offsets then agree), and the fresh extraction is kept.
func (l *Library) documentWithLines(ctx context.Context, p appraise.Paper) (appraise.Document, error) {
	doc, err := l.document(p)
	if err != nil {
		return appraise.Document{}, err
	}
	if len(doc.Lines) > 0 || doc.Text == "" || l.extractor.Version() != doc.ExtractorVersion {
		return doc, nil
	}
	fresh, err := l.extractor.Extract(ctx, p.Path, appraise.ExtractOptions{Password: l.password(p.ID)})
	if err != nil {
		return appraise.Document{}, openError(p.Path, err)
	}
	if fresh.Text != doc.Text || len(fresh.Lines) == 0 {
		return doc, nil // the unplaced annotations are counted
	}
	if fresh.ExtractorVersion == "" {
		fresh.ExtractorVersion = doc.ExtractorVersion
	}
	if err := l.store.PutDocument(p.ID, fresh); err != nil {
		return appraise.Document{}, err
	}
	l.remember(p.ID, fresh)
	return fresh, nil
}

// highlights turns annotations into highlights: one per annotation and
// page, its quads the boxes of its text's lines on that page.
func highlights(doc appraise.Document, as []appraise.Annotation, colours map[string][3]uint8) ([]appraise.Highlight, AnnotatedPDF) {
	var hs []appraise.Highlight
	var r AnnotatedPDF
	for _, a := range as {
		var rects []appraise.PageRect
		if a.Status != appraise.Orphaned {
			rects = doc.SpanRects(a.Anchor.Start, a.Anchor.End)
		}
		if len(rects) == 0 {
			r.Unplaced++
			continue
		}
		r.Annotations++
		modified := a.Modified
		if modified.IsZero() {
			modified = a.Created
		}
		colour := defaultHighlight
		if len(a.Tags) > 0 {
			if c, ok := colours[a.Tags[0]]; ok {
				colour = c
			}
		}
		for i := 0; i < len(rects); {
			h := appraise.Highlight{ID: a.ID, Page: rects[i].Page, Color: colour, Contents: highlightContents(a), Author: a.Author, Modified: modified}
			for ; i < len(rects) && rects[i].Page == h.Page; i++ {
				h.Quads = append(h.Quads, rects[i].Rect)
			}
			hs = append(hs, h)
		}
	}
	r.Highlights = len(hs)
	return hs, r
}

// defaultHighlight is the colour of an annotation whose tag has none.
var defaultHighlight = [3]uint8{0xff, 0xd4, 0x00}

// highlightContents is what a viewer shows in the highlight's pop-up:
// "tag, tag — note".
func highlightContents(a appraise.Annotation) string {
	tags := strings.Join(a.Tags, ", ")
	switch {
	case tags == "":
		return a.Note
	case a.Note == "":
		return tags
	}
	return tags + " — " + a.Note
}

// tagColours maps tag names to their RGB colours.
func tagColours(tags []appraise.Tag) map[string][3]uint8 {
	out := make(map[string][3]uint8, len(tags))
	for _, t := range tags {
		if c, err := parseColour(t.Color); err == nil {
			out[t.Name] = c
		}
	}
	return out
}

func parseColour(s string) ([3]uint8, error) {
	if len(s) != 7 || s[0] != '#' {
		return [3]uint8{}, errors.New("not #rrggbb")
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return [3]uint8{}, err
	}
	return [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}
