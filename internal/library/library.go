package library

import (
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"appraise.app/appraise/internal/appraise"
)

// Config is what a Library is built from. Store and Extractor are
// required; the others have defaults.
type Config struct {
	Store     appraise.Store
	Extractor appraise.Extractor
	// Now is the clock for timestamps; nil means time.Now.
	Now func() time.Time
	// NewID makes annotation ids; nil means random (version 4) UUIDs,
	// unique across machines so annotations can travel in bundles.
	NewID func() string
	// AppVersion is recorded in exports.
	AppVersion string
	// Renderer draws pages and writes annotated PDFs; nil leaves the page
	// view and the annotated PDF unavailable (appraise.ErrNoRenderer).
	Renderer appraise.Renderer
	// User is the name the user annotates under (see SetUser).
	User string
}

// Library is the use-case layer over one store.
type Library struct {
	store      appraise.Store
	extractor  appraise.Extractor
	now        func() time.Time
	newID      func() string
	appVersion string
	renderer   appraise.Renderer

	mu   sync.Mutex
	docs []cachedDoc // the most recently used extractions, newest last
	// checked remembers PDFs found to be their paper's file, so paging
	// through a paper does not hash it for every page.
	checked map[string]checkedPDF
	// passwords are the passwords papers were opened with this session,
	// so their pages can be drawn; never stored.
	passwords map[appraise.PaperID]string
	user      string // under mu
}

// cachedDoc is an extraction kept in memory so annotating does not
// decompress it from the store every time.
type cachedDoc struct {
	paper appraise.PaperID
	doc   appraise.Document
}

// docCacheSize is how many extractions stay in memory.
const docCacheSize = 4

// New builds a Library.
func New(cfg Config) *Library {
	l := &Library{store: cfg.Store, extractor: cfg.Extractor, now: cfg.Now, newID: cfg.NewID, appVersion: cfg.AppVersion,
		renderer: cfg.Renderer, user: strings.TrimSpace(cfg.User)}
	if l.now == nil {
		l.now = time.Now
	}
	if l.newID == nil {
		l.newID = uuid.NewString
	}
	return l
}

// batchStore is a store that saves several annotations in one commit.
type batchStore interface {
	PutAnnotations(as []appraise.Annotation) error
}

// putAnnotations saves as together when the store can, else one by one.
func (l *Library) putAnnotations(as []appraise.Annotation) error {
	if len(as) == 0 {
		return nil
	}
	if b, ok := l.store.(batchStore); ok {
		return b.PutAnnotations(as)
	}
	for _, a := range as {
		if err := l.store.PutAnnotation(a); err != nil {
			return err
		}
	}
	return nil
}

func (l *Library) remember(id appraise.PaperID, d appraise.Document) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, c := range l.docs {
		if c.paper == id {
			l.docs = append(l.docs[:i], l.docs[i+1:]...)
			break
		}
	}
	l.docs = append(l.docs, cachedDoc{id, d})
	if len(l.docs) > docCacheSize {
		l.docs = l.docs[1:]
	}
}

func (l *Library) recall(id appraise.PaperID, version string) (appraise.Document, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.docs {
		if c.paper == id && c.doc.ExtractorVersion == version {
			return c.doc, true
		}
	}
	return appraise.Document{}, false
}

// document returns the extraction a paper's annotations are anchored in:
// the one by the version the paper was last opened with.
func (l *Library) document(p appraise.Paper) (appraise.Document, error) {
	return l.cachedDocument(p.ID, p.ExtractorVersion)
}

// cachedDocument returns a paper's extraction by version from memory, else
// from the store (and keeps it in memory).
func (l *Library) cachedDocument(id appraise.PaperID, version string) (appraise.Document, error) {
	if d, ok := l.recall(id, version); ok {
		return d, nil
	}
	d, err := l.store.Document(id, version)
	if err != nil {
		return appraise.Document{}, err
	}
	l.remember(id, d)
	return d, nil
}
