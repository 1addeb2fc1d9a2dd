package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"appraise.app/appraise/internal/anchor"
	"appraise.app/appraise/internal/appraise"
)

// errPDFGone: the paper's PDF is no longer where it was opened from, or
// is another file now. It is an appraise.ErrNotFound.
var errPDFGone = fmt.Errorf("the paper's PDF is not where it was: %w", appraise.ErrNotFound)

// openError says which file could not be opened, naming it once: by its
// name, where err does not already (an extractor's typed error does; an
// *fs.PathError names the whole path, which is dropped).
func openError(path string, err error) error {
	name := filepath.Base(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("open %s: %w", name, pe.Err)
	}
	if strings.Contains(err.Error(), name) {
		return err
	}
	return fmt.Errorf("open %s: %w", name, err)
}

// Open opens the PDF at path: the cached extraction when the library has
// one by the current extractor, else a fresh extraction (typed extraction
// errors come back wrapped). A new paper is added; a known one gets its
// path and last-opened time updated. Annotations anchored by another
// extractor version are re-anchored and saved.
func (l *Library) Open(ctx context.Context, path, password string) (appraise.OpenedPaper, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	id, err := HashFile(ctx, path)
	if err != nil {
		return appraise.OpenedPaper{}, err
	}
	return l.OpenHashed(ctx, path, id, password)
}

// OpenHashed is Open for a PDF whose id (HashFile) the caller has just
// computed, so a caller can hash a large file before taking the library.
func (l *Library) OpenHashed(ctx context.Context, path string, id appraise.PaperID, password string) (appraise.OpenedPaper, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p, err := l.store.Paper(id)
	isNew := errors.Is(err, appraise.ErrNotFound)
	if err != nil && !isNew {
		return appraise.OpenedPaper{}, openError(path, err)
	}
	if isNew {
		now := l.now()
		p = appraise.Paper{ID: id, Added: now}
	}
	p.Path = path
	if !isNew {
		if err := l.unremove(id); err != nil {
			return appraise.OpenedPaper{}, fmt.Errorf("open %s: %w", path, err)
		}
	}
	if password != "" {
		l.rememberPassword(id, password)
	}
	return l.open(ctx, p, isNew, true, password)
}

// OpenKnown opens a paper already in the library. Without a cached
// extraction by the current extractor it extracts the PDF again from where
// it was last opened, provided the file there is still the same paper.
func (l *Library) OpenKnown(ctx context.Context, id appraise.PaperID) (appraise.OpenedPaper, error) {
	p, err := l.store.Paper(id)
	if err != nil {
		return appraise.OpenedPaper{}, err
	}
	return l.open(ctx, p, false, false, "")
}

// open opens p. pathHashed says p.Path was just hashed to p.ID, so an
// extraction need not check the file again.
func (l *Library) open(ctx context.Context, p appraise.Paper, isNew, pathHashed bool, password string) (appraise.OpenedPaper, error) {
	out := appraise.OpenedPaper{}
	version := l.extractor.Version()
	doc, err := l.cachedDocument(p.ID, version)
	switch {
	case err == nil:
		out.FromCache = true
	case errors.Is(err, appraise.ErrNotFound):
		doc, out.ExtractMillis, err = l.extract(ctx, p, pathHashed, password)
		if errors.Is(err, errPDFGone) && p.ExtractorVersion != "" {
			// The PDF moved or changed: show the extraction the
			// annotations are anchored in rather than nothing.
			if old, oerr := l.cachedDocument(p.ID, p.ExtractorVersion); oerr == nil {
				doc, err, out.FromCache = old, nil, true
			}
		}
		if err != nil {
			return appraise.OpenedPaper{}, err
		}
	default:
		return appraise.OpenedPaper{}, err
	}

	p.LastOpened = l.now()
	p.Pages = len(doc.Pages)
	p.ExtractorVersion = doc.ExtractorVersion
	fillMeta(&p.Meta, doc.Meta)
	if p.ReadingPos >= len(doc.Blocks) {
		p.ReadingPos = 0
	}
	if err := l.store.PutPaper(p); err != nil {
		return appraise.OpenedPaper{}, err
	}
	if !out.FromCache {
		if err := l.store.PutDocument(p.ID, doc); err != nil {
			return appraise.OpenedPaper{}, err
		}
	}
	l.remember(p.ID, doc)

	anns, err := l.store.Annotations(p.ID)
	if err != nil {
		return appraise.OpenedPaper{}, err
	}
	if !isNew {
		if anns, err = l.reanchor(doc, anns); err != nil {
			return appraise.OpenedPaper{}, err
		}
	}
	out.Paper, out.Doc, out.Annotations = p, doc, anns
	return out, nil
}

// extract reads the paper's PDF at p.Path, checking (unless pathHashed)
// that it is still the same file the paper was made from.
func (l *Library) extract(ctx context.Context, p appraise.Paper, pathHashed bool, password string) (appraise.Document, int64, error) {
	if p.Path == "" {
		return appraise.Document{}, 0, fmt.Errorf("open paper %s: no extraction by %s and no known PDF: %w", p.ID, l.extractor.Version(), errPDFGone)
	}
	if !pathHashed {
		if err := samePDF(ctx, p); err != nil {
			return appraise.Document{}, 0, err
		}
	}
	start := time.Now()
	doc, err := l.extractor.Extract(ctx, p.Path, appraise.ExtractOptions{Password: password})
	if err != nil {
		return appraise.Document{}, 0, openError(p.Path, err)
	}
	if doc.ExtractorVersion == "" {
		doc.ExtractorVersion = l.extractor.Version()
	}
	return doc, max(1, time.Since(start).Milliseconds()), nil
}

// samePDF checks that the file at p.Path is still the paper's PDF.
func samePDF(ctx context.Context, p appraise.Paper) error {
	id, err := HashFile(ctx, p.Path)
	switch {
	case err != nil:
		return fmt.Errorf("open paper %s: %w (%v)", p.ID, errPDFGone, err)
	case id != p.ID:
		return fmt.Errorf("open paper %s: the PDF at %s has changed since it was added: %w", p.ID, p.Path, errPDFGone)
	}
	return nil
}

// fillMeta fills what the user has not recorded from what was extracted;
// what the user edited stays.
func fillMeta(m *appraise.Metadata, from appraise.Metadata) {
	if m.Title == "" {
		m.Title = from.Title
	}
	if len(m.Authors) == 0 {
		m.Authors = from.Authors
	}
	if m.Journal == "" {
		m.Journal = from.Journal
	}
	if m.Year == 0 {
		m.Year = from.Year
	}
	if m.DOI == "" {
		m.DOI = from.DOI
	}
}

// reanchor re-attaches the annotations anchored by another extractor
// version (and retries orphans) in doc, saves those that changed in one
// commit (the store keeps their earlier versions) and returns all of them
// in text order.
func (l *Library) reanchor(doc appraise.Document, anns []appraise.Annotation) ([]appraise.Annotation, error) {
	var r *anchor.Reattacher
	var changed []appraise.Annotation
	for i, a := range anns {
		if a.Anchor.ExtractorVersion == doc.ExtractorVersion {
			continue
		}
		if r == nil {
			r = anchor.NewReattacher(doc)
		}
		res := r.Reattach(a.Anchor)
		if res.Anchor == a.Anchor && res.Status == a.Status {
			continue
		}
		a.Anchor, a.Status = res.Anchor, res.Status
		anns[i] = a
		changed = append(changed, a)
	}
	if err := l.putAnnotations(changed); err != nil {
		return nil, fmt.Errorf("save re-anchored annotations: %w", err)
	}
	sortTextOrder(anns)
	return anns, nil
}
