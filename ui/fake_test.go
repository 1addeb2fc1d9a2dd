package ui

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// fakeLibrary is an in-memory Library for GUI tests: papers are
// Documents built in Go, keyed by the path the test "opens".
type fakeLibrary struct {
	mu       sync.Mutex
	files    map[string]fakePDF
	papers   map[appraise.PaperID]appraise.Paper
	docs     map[appraise.PaperID]appraise.Document
	anns     map[string]appraise.Annotation
	tags     []appraise.Tag
	nextID   int
	openGate chan struct{} // when set, Open waits for it (or for ctx)
	opening  chan struct{} // when set, Open signals here when it starts
	calls    []string
	failNext error // the next write fails with this
	now      time.Time
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
	f.calls = append(f.calls, "open "+path)
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
	return out, nil
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
	f.calls = append(f.calls, "annotate "+a.ID+" "+strings.Join(a.Tags, ","))
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
	f.calls = append(f.calls, "update "+a.ID+" "+strings.Join(old.Tags, ",")+" "+old.Note)
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
	f.calls = append(f.calls, "delete "+id)
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
	f.calls = append(f.calls, "restore "+id)
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
	f.calls = append(f.calls, fmt.Sprintf("save paper pos=%d", p.ReadingPos))
	return nil
}

func (f *fakeLibrary) Export(id appraise.PaperID, format appraise.ExportFormat, filter appraise.ExportFilter, w io.Writer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	fmt.Fprintf(w, "format=%s tags=%v author=%q\n", format, filter.Tags, filter.Author)
	for _, a := range f.live(id) {
		fmt.Fprintf(w, "%s\t%s\t%s\n", strings.Join(a.Tags, ","), a.Anchor.Exact, a.Note)
	}
	return nil
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

// docBuilder writes a Document the way the extractor does: blocks in
// reading order separated by a blank line, one passage per sentence.
type docBuilder struct {
	sb   strings.Builder
	n    int // code points written
	doc  appraise.Document
	page int
}

func newDocBuilder(title string, authors ...string) *docBuilder {
	b := &docBuilder{page: 1}
	b.doc.ExtractorVersion = "fake-1"
	b.doc.Meta = appraise.Metadata{Title: title, Authors: authors, Year: 2024, Journal: "Journal of Tests", DOI: "10.1234/test.5678"}
	b.doc.Pages = []appraise.Page{{Number: 1, Width: 612, Height: 792}}
	return b
}

// newPage starts the next page.
func (b *docBuilder) newPage() {
	b.page++
	b.doc.Pages = append(b.doc.Pages, appraise.Page{Number: b.page, Width: 612, Height: 792})
}

// add appends a block of the sentences, each one passage.
func (b *docBuilder) add(kind appraise.BlockKind, sentences ...string) {
	if len(b.doc.Blocks) > 0 {
		b.sb.WriteString("\n\n")
		b.n += 2
	}
	idx := len(b.doc.Blocks)
	start := b.n
	for i, s := range sentences {
		if i > 0 {
			b.sb.WriteString(" ")
			b.n++
		}
		ps := b.n
		b.sb.WriteString(s)
		b.n += utf8.RuneCountInString(s)
		b.doc.Passages = append(b.doc.Passages, appraise.Passage{
			ID: fmt.Sprintf("b%d.s%d", idx, i), Block: idx, Page: b.page, Start: ps, End: b.n})
	}
	b.doc.Blocks = append(b.doc.Blocks, appraise.Block{Index: idx, Kind: kind, Page: b.page,
		BBox: appraise.Rect{X0: 72, Y0: 72, X1: 540, Y1: 120}, Start: start, End: b.n})
}

func (b *docBuilder) build() appraise.Document {
	b.doc.Text = b.sb.String()
	return b.doc
}

// sentencePool is clinical-paper prose for generated documents.
var sentencePool = []string{
	"We enrolled 1,204 adults presenting to three emergency departments with acute chest pain.",
	"Patients were randomised to high-sensitivity troponin testing at zero and one hour or to standard care.",
	"The primary outcome was a composite of death or myocardial infarction at thirty days.",
	"Median age was 61 years (IQR 52–70), and 43% of participants were women.",
	"Follow-up was complete for 97.8% of the cohort.",
	"The rapid pathway reduced time to discharge by a median of 3.2 hours (95% CI 2.6 to 3.8).",
	"Adverse events did not differ between the groups (risk ratio 0.94, 95% CI 0.71 to 1.25).",
	"Because allocation could not be concealed from clinicians, performance bias cannot be excluded.",
	"The trial was not powered to detect differences in mortality alone.",
	"Patients with renal failure on dialysis were excluded, limiting generalisability to that group.",
	"Data were analysed by intention to treat using mixed-effects logistic regression.",
	"Missing outcomes were handled by multiple imputation under a missing-at-random assumption.",
	"These findings suggest that an early rule-out strategy is safe in low-risk patients.",
	"Sensitivity analyses excluding protocol violations gave similar results.",
	"Recruitment took place between March 2019 and November 2021, interrupted by the pandemic.",
}

// genDoc builds a paper of about n paragraphs: a title, headings every few
// paragraphs, captions, several pages and references at the end.
func genDoc(title string, n int) appraise.Document {
	b := newDocBuilder(title, "Okafor A", "Lindqvist M", "Haddad R")
	b.add(appraise.KindTitle, title)
	b.add(appraise.KindOther, "Okafor A, Lindqvist M, Haddad R. Journal of Tests 2024.")
	heads := []string{"Introduction", "Methods", "Participants", "Outcomes", "Statistical analysis", "Results", "Discussion", "Limitations", "Conclusions"}
	for i := 0; i < n; i++ {
		if i%8 == 0 {
			b.add(appraise.KindHeading, heads[(i/8)%len(heads)])
		}
		k := 2 + (i*7)%4
		var ss []string
		for j := 0; j < k; j++ {
			ss = append(ss, sentencePool[(i*5+j*3)%len(sentencePool)])
		}
		b.add(appraise.KindParagraph, ss...)
		if i%11 == 10 {
			b.add(appraise.KindCaption, fmt.Sprintf("Figure %d. Time to discharge by study arm.", i/11+1), "Error bars show 95% confidence intervals.")
		}
		if i%6 == 5 {
			b.newPage()
		}
	}
	b.add(appraise.KindHeading, "References")
	for i := 1; i <= 3; i++ {
		b.add(appraise.KindReference, fmt.Sprintf("%d. Author X, Author Y. A reference title number %d. Lancet. 20%02d;1:1–9.", i, i, 10+i))
	}
	return b.build()
}
