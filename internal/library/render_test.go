package library

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// fakeRenderer records what it was asked to draw and write.
type fakeRenderer struct {
	mu       sync.Mutex
	renders  []appraise.RenderRequest
	writes   [][]appraise.Highlight
	src, dst string
	err      error
}

func (r *fakeRenderer) RenderPage(ctx context.Context, req appraise.RenderRequest) (*image.RGBA, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.renders = append(r.renders, req)
	if r.err != nil {
		return nil, r.err
	}
	return image.NewRGBA(image.Rect(0, 0, int(100*req.Scale), int(140*req.Scale))), nil
}

func (r *fakeRenderer) WriteHighlights(ctx context.Context, src, dst string, hs []appraise.Highlight) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, hs)
	r.src, r.dst = src, dst
	return r.err
}

// withLines gives d line boxes: each block's text in lines of at most 30
// code points, 6 points a character, the first two blocks on page 1 and
// the rest on page 2.
func withLines(d appraise.Document) appraise.Document {
	d.Lines = nil
	for i, b := range d.Blocks {
		page := 1
		if i >= 2 {
			page = 2
		}
		for k, s := 0, b.Start; s < b.End; k, s = k+1, s+30 {
			e := min(s+30, b.End)
			y := 100 + 40*float64(i) + 14*float64(k)
			l := appraise.Line{Page: page, Start: s, End: e, Rect: appraise.Rect{X0: 72, Y0: y, X1: 72 + 6*float64(e-s), Y1: y + 12}}
			for j := 0; j <= e-s; j++ {
				l.Edges = append(l.Edges, float32(72+6*j))
			}
			d.Lines = append(d.Lines, l)
		}
	}
	return d
}

// newRenderFixture is a fixture whose extractions have line boxes and
// whose library has a fake renderer.
func newRenderFixture(tb testing.TB) (*fixture, *fakeRenderer) {
	tb.Helper()
	f := newFixture(tb)
	for k, d := range f.ex.docs {
		f.ex.docs[k] = withLines(d)
	}
	r := &fakeRenderer{}
	f.lib.renderer = r
	return f, r
}

func TestRenderPageDrawsThePapersFile(t *testing.T) {
	f, r := newRenderFixture(t)
	op := f.open(t)
	img, err := f.lib.RenderPage(context.Background(), op.Paper.ID, 2, 1.5)
	if err != nil {
		t.Fatal(err)
	}
	if img.Rect.Dx() != 150 || len(r.renders) != 1 {
		t.Fatalf("image %v after %d renders", img.Rect, len(r.renders))
	}
	if got := r.renders[0]; got.Path != f.pdf || got.Page != 2 || got.Scale != 1.5 {
		t.Errorf("asked for %+v", got)
	}
}

func TestRenderPageRefusesAFileThatIsNotThePaper(t *testing.T) {
	f, r := newRenderFixture(t)
	op := f.open(t)
	if _, err := f.lib.RenderPage(context.Background(), op.Paper.ID, 1, 1); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.pdf, []byte("%PDF-1.7 another paper now"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.lib.RenderPage(context.Background(), op.Paper.ID, 1, 1); !errors.Is(err, appraise.ErrPaperFileChanged) {
		t.Errorf("changed file: got %v, want ErrPaperFileChanged", err)
	}
	if err := os.Remove(f.pdf); err != nil {
		t.Fatal(err)
	}
	if _, err := f.lib.RenderPage(context.Background(), op.Paper.ID, 1, 1); !errors.Is(err, appraise.ErrNoSuchFile) {
		t.Errorf("missing file: got %v, want ErrNoSuchFile", err)
	}
	if _, err := f.lib.ExportAnnotatedPDF(context.Background(), op.Paper.ID, appraise.ExportFilter{}, filepath.Join(t.TempDir(), "x.pdf")); !errors.Is(err, appraise.ErrNoSuchFile) {
		t.Errorf("export of a missing file: got %v, want ErrNoSuchFile", err)
	}
	if len(r.renders) != 1 || len(r.writes) != 0 {
		t.Errorf("the renderer was asked %d/%d times, want only for the paper's own file", len(r.renders), len(r.writes))
	}
}

func TestWithoutARendererPagesAndPDFExportSaySo(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	if _, err := f.lib.RenderPage(context.Background(), op.Paper.ID, 1, 1); !errors.Is(err, appraise.ErrNoRenderer) {
		t.Errorf("RenderPage: got %v, want ErrNoRenderer", err)
	}
	if _, err := f.lib.ExportAnnotatedPDF(context.Background(), op.Paper.ID, appraise.ExportFilter{}, filepath.Join(t.TempDir(), "x.pdf")); !errors.Is(err, appraise.ErrNoRenderer) {
		t.Errorf("ExportAnnotatedPDF: got %v, want ErrNoRenderer", err)
	}
}

func TestExportAnnotatedPDFOneHighlightPerAnnotationAndPage(t *testing.T) {
	f, r := newRenderFixture(t)
	op := f.open(t)
	ctx := context.Background()
	// Across the page break: the end of block 1 (page 1) and the start of
	// block 2 (page 2).
	s1, _ := spanOf(t, op.Doc, "three clinics.")
	_, e1 := spanOf(t, op.Doc, "Exacerbations fell by a third.")
	across, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s1, End: e1, Tags: []string{appraise.TagClaim, appraise.TagPopulation}, Note: "small sample", Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	s2, e2 := spanOf(t, op.Doc, "follow-up lasted only twelve weeks")
	short, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s2, End: e2, Tags: []string{appraise.TagLimitation}, Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	s3, e3 := spanOf(t, op.Doc, "We enrolled 120 children")
	if _, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s3, End: e3, Tags: []string{appraise.TagPopulation}, Author: "ben"}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "out.pdf")

	n, err := f.lib.ExportAnnotatedPDF(ctx, op.Paper.ID, appraise.ExportFilter{Author: "Ana"}, dst)
	if err != nil {
		t.Fatal(err)
	}
	if r.src != f.pdf || r.dst != dst {
		t.Errorf("wrote %s → %s, want %s → %s", r.src, r.dst, f.pdf, dst)
	}
	hs := r.writes[0]
	if n != 3 || len(hs) != 3 {
		t.Fatalf("%d highlights reported, %d written; want 3 (ben's left out by the filter, ana's first over two pages)", n, len(hs))
	}
	wantQuads := func(a appraise.Annotation, page int) int {
		k := 0
		for _, pr := range op.Doc.SpanRects(a.Anchor.Start, a.Anchor.End) {
			if pr.Page == page {
				k++
			}
		}
		return k
	}
	tests := []struct {
		h        appraise.Highlight
		a        appraise.Annotation
		page     int
		colour   [3]uint8
		contents string
	}{
		{hs[0], across, 1, [3]uint8{0x27, 0xae, 0x60}, "claim, population — small sample"},
		{hs[1], across, 2, [3]uint8{0x27, 0xae, 0x60}, "claim, population — small sample"},
		{hs[2], short, 2, [3]uint8{0xe6, 0x7e, 0x22}, "limitation"},
	}
	for i, tt := range tests {
		h := tt.h
		if h.ID != tt.a.ID || h.Page != tt.page || h.Color != tt.colour || h.Contents != tt.contents || h.Author != "ana" || !h.Modified.Equal(tt.a.Modified) {
			t.Errorf("highlight %d: %+v", i, h)
		}
		if len(h.Quads) == 0 || len(h.Quads) != wantQuads(tt.a, tt.page) {
			t.Errorf("highlight %d: %d quads, want one per line on page %d (%d)", i, len(h.Quads), tt.page, wantQuads(tt.a, tt.page))
		}
	}
}

func TestExportAnnotatedPDFFindsLineBoxesForAnOldExtraction(t *testing.T) {
	f := newFixture(t) // extractions without line boxes, as before they existed
	r := &fakeRenderer{}
	f.lib.renderer = r
	op := f.open(t)
	s, e := spanOf(t, op.Doc, "We enrolled 120 children")
	if _, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s, End: e, Tags: []string{appraise.TagPopulation}}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "out.pdf")

	// The extractor now gives line boxes for the same text.
	for k, d := range f.ex.docs {
		f.ex.docs[k] = withLines(d)
	}
	got, err := f.lib.ExportAnnotatedPDFDetail(context.Background(), op.Paper.ID, appraise.ExportFilter{}, dst)
	if err != nil {
		t.Fatal(err)
	}
	if got != (AnnotatedPDF{Highlights: 1, Annotations: 1}) {
		t.Errorf("got %+v, want the annotation placed", got)
	}
	if d, err := f.store.Document(op.Paper.ID, "v1"); err != nil || len(d.Lines) == 0 {
		t.Errorf("the fresh extraction with line boxes was not kept: %v", err)
	}
}

func TestExportAnnotatedPDFCountsWhatItCannotPlace(t *testing.T) {
	f := newFixture(t) // no line boxes, and re-extracting gives none either
	f.lib.renderer = &fakeRenderer{}
	op := f.open(t)
	s, e := spanOf(t, op.Doc, "We enrolled 120 children")
	if _, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s, End: e, Tags: []string{appraise.TagPopulation}}); err != nil {
		t.Fatal(err)
	}
	got, err := f.lib.ExportAnnotatedPDFDetail(context.Background(), op.Paper.ID, appraise.ExportFilter{}, filepath.Join(t.TempDir(), "out.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if got != (AnnotatedPDF{Unplaced: 1}) {
		t.Errorf("got %+v, want the one annotation counted as not placed", got)
	}
}

func TestExportAnnotatedPDFPassesTheRenderersRefusal(t *testing.T) {
	f, r := newRenderFixture(t)
	r.err = &os.PathError{Op: "x", Path: "y", Err: appraise.ErrExportEncrypted}
	op := f.open(t)
	_, err := f.lib.ExportAnnotatedPDF(context.Background(), op.Paper.ID, appraise.ExportFilter{}, filepath.Join(t.TempDir(), "out.pdf"))
	if !errors.Is(err, appraise.ErrExportEncrypted) {
		t.Errorf("got %v, want ErrExportEncrypted", err)
	}
}
