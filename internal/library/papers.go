package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// Papers lists the library's papers with counts per tag, the most recently
// opened first.
func (l *Library) Papers() ([]appraise.PaperSummary, error) { return l.store.Papers() }

// Paper returns one paper.
func (l *Library) Paper(id appraise.PaperID) (appraise.Paper, error) { return l.store.Paper(id) }

// SavePaper saves what the user edits about a paper: its metadata, the
// appraisal, the reading position and view. What the library knows itself (when
// it was added and opened, its pages, path and extractor) stays.
func (l *Library) SavePaper(p appraise.Paper) error {
	cur, err := l.store.Paper(p.ID)
	if err != nil {
		return err
	}
	cur.Meta, cur.Appraisal, cur.ReadingPos, cur.View = p.Meta, p.Appraisal, p.ReadingPos, p.View
	return l.store.PutPaper(cur)
}

// minPrefix is the shortest id prefix PaperByRef accepts.
const minPrefix = 6

// prefixStore is a store that finds papers by id prefix itself.
type prefixStore interface {
	PapersWithPrefix(prefix string) ([]appraise.PaperID, error)
}

// PaperByRef finds a paper in the library by what a user may type: its
// id, an unambiguous prefix of at least six hex digits, or the path of its
// PDF (hashed: the file may have moved). Anything else is
// appraise.ErrNotFound with a hint.
func (l *Library) PaperByRef(ref string) (appraise.Paper, error) {
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		id, err := HashFile(context.Background(), ref)
		if err != nil {
			return appraise.Paper{}, err
		}
		p, err := l.store.Paper(id)
		if errors.Is(err, appraise.ErrNotFound) {
			return appraise.Paper{}, fmt.Errorf("%s is not in the library (import it first): %w", ref, appraise.ErrNotFound)
		}
		return p, err
	}
	id := strings.ToLower(strings.TrimSpace(ref))
	if !isHex(id) || len(id) < minPrefix {
		if strings.HasSuffix(id, ".pdf") {
			return appraise.Paper{}, fmt.Errorf("no file %s: %w", ref, appraise.ErrNotFound)
		}
		return appraise.Paper{}, fmt.Errorf("%q is neither a PDF nor a paper id (at least %d hex digits): %w", ref, minPrefix, appraise.ErrNotFound)
	}
	if len(id) == 64 {
		return l.store.Paper(appraise.PaperID(id))
	}
	matches, err := l.papersWithPrefix(id)
	if err != nil {
		return appraise.Paper{}, err
	}
	switch len(matches) {
	case 0:
		return appraise.Paper{}, fmt.Errorf("no paper id starts with %s: %w", id, appraise.ErrNotFound)
	case 1:
		return l.store.Paper(matches[0])
	}
	return appraise.Paper{}, fmt.Errorf("%d papers' ids start with %s; give more of the id: %w", len(matches), id, appraise.ErrNotFound)
}

func (l *Library) papersWithPrefix(prefix string) ([]appraise.PaperID, error) {
	if ps, ok := l.store.(prefixStore); ok {
		return ps.PapersWithPrefix(prefix)
	}
	all, err := l.store.Papers()
	if err != nil {
		return nil, err
	}
	var out []appraise.PaperID
	for _, s := range all {
		if strings.HasPrefix(string(s.Paper.ID), prefix) {
			out = append(out, s.Paper.ID)
		}
	}
	return out, nil
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// searchLimit is how many hits Search returns.
const searchLimit = 100

// Search finds papers by title, annotations by quote or note, and
// passages of the papers' text (see Find).
func (l *Library) Search(query string) ([]appraise.SearchHit, error) {
	return l.Find(appraise.SearchQuery{Text: query})
}
