package ui

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// fakeLibrary is an in-memory Library for GUI tests: papers are
// Documents built in Go, keyed by the path the test "opens".
type fakeLibrary struct {
	user string // SetUser's name
	// checklists, when set, are the answers Compare compares.
	checklists *fakeChecklists
	mu         sync.Mutex
	files      map[string]fakePDF
	papers     map[appraise.PaperID]appraise.Paper
	docs       map[appraise.PaperID]appraise.Document
	anns       map[string]appraise.Annotation
	tags       []appraise.Tag
	nextID     int
	openGate   chan struct{} // when set, Open waits for it (or for ctx)
	opening    chan struct{} // when set, Open signals here when it starts
	failNext   error         // the next write fails with this
	now        time.Time
	apprs      fakeAppraisals
	// removed papers and when (fake_trash_test.go); indexWork papers
	// to index at start, one per value on indexStep when it is set.
	removed   map[appraise.PaperID]time.Time
	indexWork int
	indexStep chan struct{}
	// pg is the page renderer's state (fake_pages_test.go).
	pg fakePages
}

type fakePDF struct {
	doc      appraise.Document
	password string // empty: not encrypted
	err      error  // extraction error
}

func newFakeLibrary() *fakeLibrary {
	return &fakeLibrary{
		files:  map[string]fakePDF{},
		papers: map[appraise.PaperID]appraise.Paper{},
		docs:   map[appraise.PaperID]appraise.Document{},
		anns:   map[string]appraise.Annotation{},
		tags:   appraise.BuiltInTags(),
		now:    time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC),
	}
}

// addFile makes path open as doc.
func (f *fakeLibrary) addFile(path string, doc appraise.Document) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[path] = fakePDF{doc: doc}
}

func (f *fakeLibrary) addEncrypted(path, password string, doc appraise.Document) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[path] = fakePDF{doc: doc, password: password}
}

func (f *fakeLibrary) addBroken(path string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[path] = fakePDF{err: err}
}

func (f *fakeLibrary) idFor(path string) appraise.PaperID {
	return appraise.PaperID(fmt.Sprintf("%x", sha256.Sum256([]byte(path))))
}

func (f *fakeLibrary) Open(ctx context.Context, path, password string) (appraise.OpenedPaper, error) {
	if f.opening != nil {
		f.opening <- struct{}{}
	}
	if f.openGate != nil {
		select {
		case <-f.openGate:
		case <-ctx.Done():
			return appraise.OpenedPaper{}, fmt.Errorf("extract %s: %w", path, appraise.ErrExtractionCancelled)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.files[path]
	if !ok {
		return appraise.OpenedPaper{}, fmt.Errorf("open %s: no such file", path)
	}
	if file.err != nil {
		return appraise.OpenedPaper{}, fmt.Errorf("extract %s: %w", path, file.err)
	}
	if file.password != "" && password != file.password {
		if password == "" {
			return appraise.OpenedPaper{}, fmt.Errorf("extract %s: %w", path, appraise.ErrNeedsPassword)
		}
		return appraise.OpenedPaper{}, fmt.Errorf("extract %s: %w", path, appraise.ErrWrongPassword)
	}
	id := f.idFor(path)
	p, known := f.papers[id]
	if !known {
		p = appraise.Paper{ID: id, Meta: file.doc.Meta, Added: f.now, Pages: len(file.doc.Pages),
			ExtractorVersion: file.doc.ExtractorVersion}
	}
	p.Path = path
	p.LastOpened = f.now
	f.papers[id] = p
	f.docs[id] = file.doc
	return appraise.OpenedPaper{Paper: p, Doc: file.doc, Annotations: f.live(id), FromCache: known, ExtractMillis: 42}, nil
}

func (f *fakeLibrary) OpenKnown(_ context.Context, id appraise.PaperID) (appraise.OpenedPaper, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.papers[id]
	if !ok {
		return appraise.OpenedPaper{}, fmt.Errorf("paper %s: %w", id, appraise.ErrNotFound)
	}
	p.LastOpened = f.now
	f.papers[id] = p
	return appraise.OpenedPaper{Paper: p, Doc: f.docs[id], Annotations: f.live(id), FromCache: true}, nil
}

// live lists a paper's live annotations in text order; f.mu is held.
func (f *fakeLibrary) live(id appraise.PaperID) []appraise.Annotation {
	var out []appraise.Annotation
	for _, a := range f.anns {
		if a.Paper == id && a.Deleted.IsZero() {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Anchor.Start != out[j].Anchor.Start {
			return out[i].Anchor.Start < out[j].Anchor.Start
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func (f *fakeLibrary) Papers() ([]appraise.PaperSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []appraise.PaperSummary
	for id, p := range f.papers {
		if _, gone := f.removed[id]; gone {
			continue
		}
		counts := map[string]int{}
		for _, a := range f.live(id) {
			for _, t := range a.Tags {
				counts[t]++
			}
		}
		out = append(out, appraise.PaperSummary{Paper: p, Counts: counts})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Paper.ID < out[j].Paper.ID })
	return out, nil
}

func (f *fakeLibrary) Search(q string) ([]appraise.SearchHit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q = strings.ToLower(q)
	var out []appraise.SearchHit
	for _, a := range f.anns {
		if !a.Deleted.IsZero() {
			continue
		}
		title := f.papers[a.Paper].Meta.Title
		if strings.Contains(strings.ToLower(a.Anchor.Exact), q) {
			out = append(out, appraise.SearchHit{Paper: a.Paper, PaperTitle: title, Annotation: a.ID, Field: "quote", Snippet: a.Anchor.Exact})
		} else if strings.Contains(strings.ToLower(a.Note), q) {
			out = append(out, appraise.SearchHit{Paper: a.Paper, PaperTitle: title, Annotation: a.ID, Field: "note", Snippet: a.Note})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Annotation < out[j].Annotation })
	return append(out, f.textHits(q)...), nil
}

func (f *fakeLibrary) Tags() ([]appraise.Tag, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.tags), nil
}

func (f *fakeLibrary) fail() error {
	err := f.failNext
	f.failNext = nil
	return err
}

func (f *fakeLibrary) Annotate(n appraise.NewAnnotation) (appraise.Annotation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return appraise.Annotation{}, err
	}
	doc, ok := f.docs[n.Paper]
	if !ok {
		return appraise.Annotation{}, fmt.Errorf("annotate %s: %w", n.Paper, appraise.ErrNotFound)
	}
	runes := []rune(doc.Text)
	if n.End <= n.Start || n.Start < 0 || n.End > len(runes) {
		return appraise.Annotation{}, appraise.ErrEmptyQuote
	}
	f.nextID++
	a := appraise.Annotation{
		ID: fmt.Sprintf("ann-%03d", f.nextID), Paper: n.Paper, Tags: slices.Clone(n.Tags), Note: n.Note,
		Author: n.Author, Created: f.now, Modified: f.now,
		Anchor: appraise.Anchor{Start: n.Start, End: n.End, Exact: string(runes[n.Start:n.End]),
			ExtractorVersion: doc.ExtractorVersion, Page: pageAt(doc, n.Start)},
	}
	f.anns[a.ID] = a
	return a, nil
}

func pageAt(d appraise.Document, off int) int {
	for i := len(d.Blocks) - 1; i >= 0; i-- {
		if d.Blocks[i].Start <= off {
			return d.Blocks[i].Page
		}
	}
	return 1
}

func (f *fakeLibrary) UpdateAnnotation(a appraise.Annotation) (appraise.Annotation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return appraise.Annotation{}, err
	}
	old, ok := f.anns[a.ID]
	if !ok || !old.Deleted.IsZero() {
		return appraise.Annotation{}, fmt.Errorf("update %s: %w", a.ID, appraise.ErrNotFound)
	}
	old.Tags, old.Note, old.Status, old.Modified = slices.Clone(a.Tags), a.Note, a.Status, f.now
	f.anns[a.ID] = old
	return old, nil
}

func (f *fakeLibrary) DeleteAnnotation(id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	a, ok := f.anns[id]
	if !ok || !a.Deleted.IsZero() {
		return fmt.Errorf("delete %s: %w", id, appraise.ErrNotFound)
	}
	a.Deleted = f.now
	f.anns[id] = a
	return nil
}

func (f *fakeLibrary) RestoreAnnotation(id string) (appraise.Annotation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.anns[id]
	if !ok || a.Deleted.IsZero() {
		return appraise.Annotation{}, fmt.Errorf("restore %s: %w", id, appraise.ErrNotFound)
	}
	a.Deleted = time.Time{}
	f.anns[id] = a
	return a, nil
}

func (f *fakeLibrary) SavePaper(p appraise.Paper) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail(); err != nil {
		return err
	}
	if _, ok := f.papers[p.ID]; !ok {
		return fmt.Errorf("save paper %s: %w", p.ID, appraise.ErrNotFound)
	}
	f.papers[p.ID] = p
	return nil
}

func (f *fakeLibrary) Export(id appraise.PaperID, format appraise.ExportFormat, filter appraise.ExportFilter, w io.Writer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	fmt.Fprintf(w, "format=%s tags=%v author=%q bom=%v\n", format, filter.Tags, filter.Author, filter.BOM)
	if p, ok := f.papers[id]; ok { // the stored card, as a real export reads it
		ap := p.Appraisal
		fmt.Fprintf(w, "title=%q design=%q sample=%q setting=%q bottom=%q\n", p.Meta.Title, ap.Design, ap.SampleSize, ap.Setting, ap.BottomLine)
		for _, c := range f.appr(id).Checklists {
			for _, a := range c.Answers {
				fmt.Fprintf(w, "%s item %d answer=%q comment=%q not_reported=%v evidence=%v\n", c.Instrument, a.Item, a.Answer, a.Comment, a.NotReported, a.Evidence)
			}
		}
	}
	for _, a := range f.live(id) {
		fmt.Fprintf(w, "%s\t%s\t%s\n", strings.Join(a.Tags, ","), a.Anchor.Exact, a.Note)
	}
	return nil
}

func (f *fakeLibrary) ExportLibrary(format appraise.ExportFormat, filter appraise.ExportFilter, w io.Writer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	fmt.Fprintf(w, "library format=%s tags=%v author=%q bom=%v papers=%d\n", format, filter.Tags, filter.Author, filter.BOM, len(f.papers))
	return nil
}

func (f *fakeLibrary) ExportLibraryMarkdown(dir string, filter appraise.ExportFilter) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var names []string
	for id, p := range f.papers {
		name := string(id) + ".md"
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+p.Meta.Title+"\n"), 0o644); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}

// liveAnns returns a paper's live annotations (for assertions).
func (f *fakeLibrary) liveAnns(id appraise.PaperID) []appraise.Annotation {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.live(id)
}

// putAnnotation stores an annotation as if made earlier.
func (f *fakeLibrary) putAnnotation(a appraise.Annotation) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.anns[a.ID] = a
}

func (f *fakeLibrary) paper(id appraise.PaperID) appraise.Paper {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.papers[id]
}
