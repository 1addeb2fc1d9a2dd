package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// The trash and the text index of fakeLibrary.

func (f *fakeLibrary) RemovePaper(id appraise.PaperID) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.papers[id]
	if !ok {
		return 0, fmt.Errorf("remove %s: %w", id, appraise.ErrNotFound)
	}
	if f.removed == nil {
		f.removed = map[appraise.PaperID]time.Time{}
	}
	at := f.now
	f.removed[id] = at
	n := 0
	for k, a := range f.anns {
		if a.Paper == p.ID && a.Deleted.IsZero() {
			a.Deleted = at
			f.anns[k] = a
			n++
		}
	}
	return n, nil
}

func (f *fakeLibrary) RestorePaper(id appraise.PaperID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	at, ok := f.removed[id]
	if !ok {
		return nil
	}
	delete(f.removed, id)
	for k, a := range f.anns {
		if a.Paper == id && a.Deleted.Equal(at) {
			a.Deleted = time.Time{}
			f.anns[k] = a
		}
	}
	return nil
}

func (f *fakeLibrary) TrashContents() (appraise.TrashContents, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var t appraise.TrashContents
	for id, at := range f.removed {
		n := 0
		for _, a := range f.anns {
			if a.Paper == id && a.Deleted.Equal(at) {
				n++
			}
		}
		t.Papers = append(t.Papers, appraise.RemovedPaper{Paper: f.papers[id], Removed: at, Annotations: n})
	}
	for _, a := range f.anns {
		if a.Deleted.IsZero() {
			continue
		}
		if at, ok := f.removed[a.Paper]; ok && at.Equal(a.Deleted) {
			continue
		}
		t.Annotations = append(t.Annotations, appraise.TrashedAnnotation{Annotation: a, PaperTitle: f.papers[a.Paper].Meta.Title})
	}
	sort.Slice(t.Papers, func(i, j int) bool { return t.Papers[i].Paper.ID < t.Papers[j].Paper.ID })
	sort.Slice(t.Annotations, func(i, j int) bool { return t.Annotations[i].ID < t.Annotations[j].ID })
	return t, nil
}

func (f *fakeLibrary) EmptyTrash() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for k, a := range f.anns {
		if !a.Deleted.IsZero() {
			delete(f.anns, k)
			n++
		}
	}
	for id := range f.removed {
		delete(f.papers, id)
		delete(f.docs, id)
		delete(f.removed, id)
		n++
	}
	return n, nil
}

// BuildTextIndex reports indexWork papers done one by one, each after a
// value arrives on indexStep when that is set.
func (f *fakeLibrary) BuildTextIndex(ctx context.Context, progress func(done, total int)) error {
	for i := range f.indexWork {
		if f.indexStep != nil {
			select {
			case <-f.indexStep:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		progress(i+1, f.indexWork)
	}
	return nil
}

// textHits finds q in the papers' text like the real index: the first
// match per paper, with its page, a snippet and the count.
func (f *fakeLibrary) textHits(q string) []appraise.SearchHit {
	var out []appraise.SearchHit
	for id, d := range f.docs {
		if _, gone := f.removed[id]; gone {
			continue
		}
		lower := []rune(strings.ToLower(d.Text))
		var at []int
		for i := 0; i+len([]rune(q)) <= len(lower); i++ {
			if string(lower[i:i+len([]rune(q))]) == q {
				at = append(at, i)
			}
		}
		if len(at) == 0 {
			continue
		}
		page := 1
		for _, p := range d.Passages {
			if p.Start <= at[0] {
				page = p.Page
			}
		}
		rs := []rune(d.Text)
		out = append(out, appraise.SearchHit{Paper: id, PaperTitle: f.papers[id].Meta.Title, Field: "text",
			Snippet: "…" + string(rs[max(0, at[0]-20):min(len(rs), at[0]+30)]) + "…", Page: page,
			Start: at[0], End: at[0] + len([]rune(q)), Matches: len(at)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Paper < out[j].Paper })
	return out
}
