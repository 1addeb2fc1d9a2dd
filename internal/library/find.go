package library

import (
	"context"
	"errors"
	"fmt"

	"appraise.app/appraise/internal/appraise"
)

// errNoTextIndex: the store keeps no full-text index.
var errNoTextIndex = errors.New("this library has no full-text index")

// Find searches titles, annotations and the papers' full text (see
// appraise.SearchQuery); a store without a text index searches titles and
// annotations only.
func (l *Library) Find(q appraise.SearchQuery) ([]appraise.SearchHit, error) {
	if q.Limit <= 0 {
		q.Limit = searchLimit
	}
	if ti, ok := l.store.(appraise.TextIndex); ok {
		return ti.Find(q)
	}
	hits, err := l.store.Search(q.Text, q.Limit)
	if err != nil || q.Paper == "" {
		return hits, err
	}
	var out []appraise.SearchHit
	for _, h := range hits {
		if h.Paper == q.Paper {
			out = append(out, h)
		}
	}
	return out, nil
}

// TextIndexMissing lists the papers whose text is not indexed yet.
func (l *Library) TextIndexMissing() ([]appraise.PaperID, error) {
	ti, ok := l.store.(appraise.TextIndex)
	if !ok {
		return nil, nil
	}
	return ti.TextIndexMissing()
}

// BuildTextIndex indexes the text of every paper that is not indexed yet
// (a library made before the index existed), one paper per commit, calling
// progress after each with how many are done out of how many. It stops
// when ctx is cancelled; what is indexed by then stays indexed.
func (l *Library) BuildTextIndex(ctx context.Context, progress func(done, total int)) error {
	ti, ok := l.store.(appraise.TextIndex)
	if !ok {
		return errNoTextIndex
	}
	missing, err := ti.TextIndexMissing()
	if err != nil {
		return err
	}
	for i, id := range missing {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := ti.IndexText(id); err != nil {
			return fmt.Errorf("build the search index: %w", err)
		}
		if progress != nil {
			progress(i+1, len(missing))
		}
	}
	return nil
}
