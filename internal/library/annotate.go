package library

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"appraise.app/appraise/internal/anchor"
	"appraise.app/appraise/internal/appraise"
)

// Annotate tags the span [n.Start, n.End) of a paper's text and returns
// the saved annotation. Whitespace at the span's ends is left out.
func (l *Library) Annotate(n appraise.NewAnnotation) (appraise.Annotation, error) {
	tags, err := l.checkTags(n.Tags)
	if err != nil {
		return appraise.Annotation{}, err
	}
	p, err := l.store.Paper(n.Paper)
	if err != nil {
		return appraise.Annotation{}, err
	}
	doc, err := l.document(p)
	if err != nil {
		return appraise.Annotation{}, fmt.Errorf("annotate paper %s: %w", p.ID, err)
	}
	anc, err := anchor.New(doc, n.Start, n.End)
	if err != nil {
		return appraise.Annotation{}, fmt.Errorf("annotate paper %s: %w", p.ID, err)
	}
	now := l.now()
	a := appraise.Annotation{
		ID: l.newID(), Paper: p.ID, Tags: tags, Note: strings.TrimSpace(n.Note), Author: strings.TrimSpace(n.Author),
		Created: now, Modified: now, Anchor: anc,
	}
	if err := l.store.PutAnnotation(a); err != nil {
		return appraise.Annotation{}, err
	}
	return a, nil
}

// AnnotateQuote tags a passage given by its text, as typed or pasted from
// the PDF: line breaks, runs of spaces, hyphenation and ligatures need not
// match. The stored quote is the paper's own text. A quote that does not
// occur is appraise.ErrQuoteNotFound; one that occurs more than once needs
// occurrence (1-based), else appraise.ErrQuoteAmbiguous.
func (l *Library) AnnotateQuote(paper appraise.PaperID, quote string, occurrence int, tags []string, note, author string) (appraise.Annotation, error) {
	if _, err := l.checkTags(tags); err != nil {
		return appraise.Annotation{}, err
	}
	p, err := l.store.Paper(paper)
	if err != nil {
		return appraise.Annotation{}, err
	}
	doc, err := l.document(p)
	if err != nil {
		return appraise.Annotation{}, fmt.Errorf("annotate paper %s: %w", p.ID, err)
	}
	spans, err := anchor.FindQuote(doc, quote)
	if err != nil {
		return appraise.Annotation{}, err
	}
	var s anchor.Span
	switch {
	case len(spans) == 0:
		return appraise.Annotation{}, fmt.Errorf("%w: %q", appraise.ErrQuoteNotFound, shorten(quote))
	case occurrence > len(spans) || occurrence < 0:
		return appraise.Annotation{}, fmt.Errorf("%w: %q occurs %s, so there is no occurrence %d",
			appraise.ErrQuoteNotFound, shorten(quote), times(len(spans)), occurrence)
	case occurrence > 0:
		s = spans[occurrence-1]
	case len(spans) > 1:
		return appraise.Annotation{}, fmt.Errorf("%w: %q occurs %s (choose 1–%d)",
			appraise.ErrQuoteAmbiguous, shorten(quote), times(len(spans)), len(spans))
	default:
		s = spans[0]
	}
	return l.Annotate(appraise.NewAnnotation{Paper: p.ID, Start: s.Start, End: s.End, Tags: tags, Note: note, Author: author})
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// shorten keeps error messages readable for long quotes.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// checkTags validates tag names, checks they exist and drops repeats.
func (l *Library) checkTags(tags []string) ([]string, error) {
	if len(tags) == 0 {
		return nil, fmt.Errorf("%w: an annotation needs at least one tag", appraise.ErrInvalidTag)
	}
	known, err := l.store.Tags()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range tags {
		if err := appraise.ValidateTagName(t); err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(known, func(k appraise.Tag) bool { return k.Name == t }) {
			return nil, fmt.Errorf("%w: there is no tag %q (add it first)", appraise.ErrInvalidTag, t)
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// UpdateAnnotation saves a's tags, note and author over the stored
// annotation (its anchor and times are the library's). Setting Status to
// Attached on an annotation that needs review confirms the guessed place:
// the anchor is rebuilt from the text there.
func (l *Library) UpdateAnnotation(a appraise.Annotation) (appraise.Annotation, error) {
	tags, err := l.checkTags(a.Tags)
	if err != nil {
		return appraise.Annotation{}, err
	}
	cur, err := l.store.Annotation(a.ID)
	if err != nil {
		return appraise.Annotation{}, err
	}
	if !cur.Deleted.IsZero() {
		return appraise.Annotation{}, fmt.Errorf("annotation %s is in the trash; restore it first: %w", a.ID, appraise.ErrNotFound)
	}
	cur.Tags, cur.Note, cur.Author = tags, strings.TrimSpace(a.Note), strings.TrimSpace(a.Author)
	if cur.Status == appraise.NeedsReview && a.Status == appraise.Attached {
		if err := l.confirm(&cur); err != nil {
			return appraise.Annotation{}, err
		}
	}
	cur.Modified = l.now()
	if err := l.store.PutAnnotation(cur); err != nil {
		return appraise.Annotation{}, err
	}
	return cur, nil
}

// confirm attaches an annotation at its guessed place.
func (l *Library) confirm(a *appraise.Annotation) error {
	p, err := l.store.Paper(a.Paper)
	if err != nil {
		return err
	}
	doc, err := l.document(p)
	if err != nil {
		return err
	}
	if a.Anchor.ExtractorVersion != doc.ExtractorVersion {
		return fmt.Errorf("confirm annotation %s: its guess is for another extraction; open the paper first", a.ID)
	}
	anc, err := anchor.New(doc, a.Anchor.Start, a.Anchor.End)
	if err != nil {
		return fmt.Errorf("confirm annotation %s: %w", a.ID, err)
	}
	a.Anchor, a.Status = anc, appraise.Attached
	return nil
}

// DeleteAnnotation moves an annotation to the trash.
func (l *Library) DeleteAnnotation(id string) error {
	return l.store.DeleteAnnotation(id, l.now())
}

// RestoreAnnotation brings an annotation back from the trash. The restore
// is a new version (its modified time is now), so that a bundle carrying
// the earlier deletion does not delete it again; restoring a live one
// changes nothing.
func (l *Library) RestoreAnnotation(id string) (appraise.Annotation, error) {
	a, err := l.store.Annotation(id)
	if err != nil || a.Deleted.IsZero() {
		return a, err
	}
	a.Deleted, a.Modified = time.Time{}, l.now()
	if err := l.store.PutAnnotation(a); err != nil {
		return appraise.Annotation{}, fmt.Errorf("restore annotation %s: %w", id, err)
	}
	return a, nil
}

// Trash lists trashed annotations, the most recently deleted first.
func (l *Library) Trash() ([]appraise.Annotation, error) { return l.store.Trash() }

// EmptyTrash destroys the trashed annotations and returns how many.
func (l *Library) EmptyTrash() (int, error) { return l.store.EmptyTrash() }

// Annotations lists a paper's live annotations in text order, only those
// with one of tags when any are given.
func (l *Library) Annotations(paper appraise.PaperID, tags ...string) ([]appraise.Annotation, error) {
	as, err := l.store.Annotations(paper)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		if _, err := l.store.Paper(paper); errors.Is(err, appraise.ErrNotFound) {
			return nil, err
		}
	}
	return filter(as, appraise.ExportFilter{Tags: tags}), nil
}

// filter keeps the annotations with any of f.Tags (all when none) by
// f.Author (any when empty; case and surrounding space ignored).
func filter(as []appraise.Annotation, f appraise.ExportFilter) []appraise.Annotation {
	var out []appraise.Annotation
	for _, a := range as {
		if len(f.Tags) > 0 && !slices.ContainsFunc(f.Tags, a.HasTag) {
			continue
		}
		if f.Author != "" && !strings.EqualFold(strings.TrimSpace(f.Author), strings.TrimSpace(a.Author)) {
			continue
		}
		out = append(out, a)
	}
	return out
}

func sortTextOrder(as []appraise.Annotation) {
	sort.SliceStable(as, func(i, j int) bool {
		a, b := as[i], as[j]
		if a.Anchor.Start != b.Anchor.Start {
			return a.Anchor.Start < b.Anchor.Start
		}
		return a.Anchor.End < b.Anchor.End
	})
}
