package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// memStore is an in-memory appraise.Store with the real one's rules that
// matter here (it keeps every version put, for checking history).
type memStore struct {
	mu       sync.Mutex
	papers   map[appraise.PaperID]appraise.Paper
	docs     map[string]appraise.Document
	anns     map[string]appraise.Annotation
	puts     map[string][]appraise.Annotation // every version saved
	tags     []appraise.Tag
	docPuts  int
	docReads int // extractions found and returned by Document

	appraisals    map[appraise.PaperID][]byte // JSON, as the real store keeps them
	appraisalPuts int
	instruments   map[appraise.InstrumentID]appraise.Instrument
	members       map[string][]byte // paper NUL author key → JSON
}

func newMemStore() *memStore {
	return &memStore{papers: map[appraise.PaperID]appraise.Paper{}, docs: map[string]appraise.Document{},
		anns: map[string]appraise.Annotation{}, puts: map[string][]appraise.Annotation{}, tags: appraise.BuiltInTags()}
}

func (m *memStore) PutPaper(p appraise.Paper) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.papers[p.ID] = p
	return nil
}

func (m *memStore) Paper(id appraise.PaperID) (appraise.Paper, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.papers[id]
	if !ok {
		return p, fmt.Errorf("paper %s: %w", id, appraise.ErrNotFound)
	}
	return p, nil
}

func (m *memStore) Papers() ([]appraise.PaperSummary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []appraise.PaperSummary
	for _, p := range m.papers {
		c := map[string]int{}
		for _, a := range m.anns {
			if a.Paper == p.ID && a.Deleted.IsZero() {
				for _, t := range a.Tags {
					c[t]++
				}
			}
		}
		out = append(out, appraise.PaperSummary{Paper: p, Counts: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Paper.ID < out[j].Paper.ID })
	return out, nil
}

func (m *memStore) PutDocument(id appraise.PaperID, d appraise.Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs[string(id)+"|"+d.ExtractorVersion] = d
	m.docPuts++
	return nil
}

func (m *memStore) Document(id appraise.PaperID, v string) (appraise.Document, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[string(id)+"|"+v]
	if !ok {
		return d, appraise.ErrNotFound
	}
	m.docReads++
	return d, nil
}

func (m *memStore) PutAnnotation(a appraise.Annotation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.papers[a.Paper]; !ok {
		return appraise.ErrNotFound
	}
	m.anns[a.ID] = a
	m.puts[a.ID] = append(m.puts[a.ID], a)
	return nil
}

func (m *memStore) Annotation(id string) (appraise.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.anns[id]
	if !ok {
		return a, fmt.Errorf("annotation %s: %w", id, appraise.ErrNotFound)
	}
	return a, nil
}

func (m *memStore) Annotations(paper appraise.PaperID) ([]appraise.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []appraise.Annotation
	for _, a := range m.anns {
		if a.Paper == paper && a.Deleted.IsZero() {
			out = append(out, a)
		}
	}
	sortTextOrder(out)
	return out, nil
}

func (m *memStore) DeleteAnnotation(id string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.anns[id]
	if !ok {
		return appraise.ErrNotFound
	}
	a.Deleted = at
	m.anns[id] = a
	return nil
}

func (m *memStore) RestoreAnnotation(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.anns[id]
	if !ok {
		return appraise.ErrNotFound
	}
	a.Deleted = time.Time{}
	m.anns[id] = a
	return nil
}

func (m *memStore) Trash() ([]appraise.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []appraise.Annotation
	for _, a := range m.anns {
		if !a.Deleted.IsZero() {
			out = append(out, a)
		}
	}
	return out, nil
}

func (m *memStore) EmptyTrash() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for id, a := range m.anns {
		if !a.Deleted.IsZero() {
			delete(m.anns, id)
			n++
		}
	}
	return n, nil
}

func (m *memStore) Tags() ([]appraise.Tag, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.tags), nil
}

func (m *memStore) PutTag(t appraise.Tag) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, k := range m.tags {
		if k.Name == t.Name {
			m.tags[i] = t
			return nil
		}
	}
	m.tags = append(m.tags, t)
	return nil
}

func (m *memStore) RenameTag(o, n string) error { return fmt.Errorf("not used") }
func (m *memStore) MergeTag(f, i string) error  { return fmt.Errorf("not used") }
func (m *memStore) Search(q string, limit int) ([]appraise.SearchHit, error) {
	return nil, fmt.Errorf("not used")
}
func (m *memStore) Close() error { return nil }

// fakeExtractor returns prepared Documents by file content.
type fakeExtractor struct {
	mu      sync.Mutex
	version string
	docs    map[string]appraise.Document // by file content
	err     error
	calls   int
}

func (f *fakeExtractor) Version() string { return f.version }

func (f *fakeExtractor) Extract(ctx context.Context, path string, opt appraise.ExtractOptions) (appraise.Document, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.err != nil {
		return appraise.Document{}, f.err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return appraise.Document{}, err
	}
	d, ok := f.docs[string(data)]
	if !ok {
		return appraise.Document{}, appraise.ErrNotPDF
	}
	d.ExtractorVersion = f.version
	return d, nil
}

// docOf builds a Document from paragraphs joined by "\n\n", one passage
// per paragraph.
func docOf(title string, paragraphs ...string) appraise.Document {
	d := appraise.Document{Meta: appraise.Metadata{Title: title}, Pages: []appraise.Page{{Number: 1}, {Number: 2}}}
	var text []rune
	for i, p := range paragraphs {
		if i > 0 {
			text = append(text, '\n', '\n')
		}
		start := len(text)
		text = append(text, []rune(p)...)
		d.Blocks = append(d.Blocks, appraise.Block{Index: i, Kind: appraise.KindParagraph, Page: 1, Start: start, End: len(text)})
		d.Passages = append(d.Passages, appraise.Passage{ID: fmt.Sprintf("b%d.s0", i), Block: i, Page: 1, Start: start, End: len(text)})
	}
	d.Text = string(text)
	return d
}

// fixture is a library over fakes with one PDF file on disk.
type fixture struct {
	lib   *Library
	store *memStore
	ex    *fakeExtractor
	pdf   string // path of the paper's file
	now   time.Time
	ids   int
}

var trialParagraphs = []string{
	"Inhaled budesonide for children with asthma: a randomised trial",
	"We enrolled 120 children with moderate asthma from three clinics.",
	"Exacerbations fell by a third. Exacerbations fell by a third in the first month.",
	"The trial was small and follow-up lasted only twelve weeks.",
}

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	f := &fixture{store: newMemStore(), now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	f.pdf = filepath.Join(tb.TempDir(), "trial.pdf")
	content := "%PDF-1.7 trial paper bytes"
	if err := os.WriteFile(f.pdf, []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
	f.ex = &fakeExtractor{version: "v1", docs: map[string]appraise.Document{content: docOf("Budesonide trial", trialParagraphs...)}}
	f.lib = New(Config{Store: f.store, Extractor: f.ex, AppVersion: "test",
		Now:   func() time.Time { return f.now },
		NewID: func() string { f.ids++; return fmt.Sprintf("ann-%d", f.ids) }})
	return f
}

func (f *fixture) open(tb testing.TB) appraise.OpenedPaper {
	tb.Helper()
	op, err := f.lib.Open(context.Background(), f.pdf, "")
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return op
}

func spanOf(tb testing.TB, d appraise.Document, s string) (int, int) {
	tb.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		tb.Fatalf("%q not in the text", s)
	}
	start := len([]rune(d.Text[:i]))
	return start, start + len([]rune(s))
}
