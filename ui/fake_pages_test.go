package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/atomicfile"
)

// fakePages is the fake library's page renderer: it draws a white page
// with a grey box over each printed line, so a test can tell where text
// is, and writes a text file in place of an annotated PDF.
type fakePages struct {
	renders []renderCall
	errs    map[int]error // page → the error rendering it gives
	gate    chan struct{} // when set, each render waits for a value (or ctx)
	exports []exportCall  // ExportAnnotatedPDF calls
	cache   map[renderCall]*image.RGBA
}

type renderCall struct {
	page  int
	scale float64
}

type exportCall struct {
	id     appraise.PaperID
	filter appraise.ExportFilter
	dst    string
}

// lineGrey is the colour the fake renderer paints printed lines in.
var lineGrey = color.RGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff}

func (f *fakeLibrary) RenderPage(ctx context.Context, id appraise.PaperID, page int, scale float64) (*image.RGBA, error) {
	f.mu.Lock()
	gate := f.pg.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, fmt.Errorf("render page %d: %w", page, ctx.Err())
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	call := renderCall{page, scale}
	f.pg.renders = append(f.pg.renders, call)
	if err := f.pg.errs[page]; err != nil {
		return nil, fmt.Errorf("render page %d: %w", page, err)
	}
	if img := f.pg.cache[call]; img != nil {
		return img, nil
	}
	doc, ok := f.docs[id]
	if !ok || page < 1 || page > len(doc.Pages) {
		return nil, fmt.Errorf("render page %d of %s: %w", page, id, appraise.ErrNotFound)
	}
	pg := doc.Pages[page-1]
	w, h := int(math.Round(pg.Width*scale)), int(math.Round(pg.Height*scale))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, l := range doc.Lines {
		if l.Page != page {
			continue
		}
		r := image.Rect(int(l.Rect.X0*scale), int(l.Rect.Y0*scale), int(l.Rect.X1*scale), int(l.Rect.Y1*scale))
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				img.SetRGBA(x, y, lineGrey)
			}
		}
	}
	if f.pg.cache == nil {
		f.pg.cache = map[renderCall]*image.RGBA{}
	}
	f.pg.cache[call] = img
	return img, nil
}

func (f *fakeLibrary) ExportAnnotatedPDF(_ context.Context, id appraise.PaperID, filter appraise.ExportFilter, dst string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pg.exports = append(f.pg.exports, exportCall{id, filter, dst})
	n := 0
	var b strings.Builder
	for _, a := range f.live(id) {
		if filter.Author != "" && a.Author != filter.Author {
			continue
		}
		if filter.Tags != nil && !slices.ContainsFunc(a.Tags, func(t string) bool { return slices.Contains(filter.Tags, t) }) {
			continue
		}
		n++
		fmt.Fprintf(&b, "highlight %s %v\n", a.ID, a.Tags)
	}
	err := atomicfile.Write(dst, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	})
	return n, err
}

// renderCalls returns the renders so far.
func (f *fakeLibrary) renderCalls() []renderCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.pg.renders)
}

// failPage makes rendering page fail with err.
func (f *fakeLibrary) failPage(page int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pg.errs == nil {
		f.pg.errs = map[int]error{}
	}
	f.pg.errs[page] = err
}

// Line geometry of withLines: 6 points a character, 14 a line, text from
// x = 72, each page's first line at y = 72.
const (
	fakeCharW  = 6.0
	fakeLineH  = 14.0
	fakeLeft   = 72.0
	fakeTop    = 72.0
	fakePerRow = 70 // characters a line holds
)

// withLines gives doc printed lines as an extractor would: each block's
// text wrapped at spaces into lines of at most fakePerRow characters on
// the block's page, a blank line between blocks, fixed-width glyphs.
func withLines(doc appraise.Document) appraise.Document {
	runes := []rune(doc.Text)
	y := map[int]float64{}
	for _, b := range doc.Blocks {
		if _, ok := y[b.Page]; !ok {
			y[b.Page] = fakeTop
		}
		s := b.Start
		for s < b.End {
			e := min(s+fakePerRow, b.End)
			if e < b.End {
				if sp := strings.LastIndex(string(runes[s:e]), " "); sp > 0 {
					e = s + len([]rune(string(runes[s:e])[:sp]))
				}
			}
			l := appraise.Line{Page: b.Page, Start: s, End: e,
				Rect: appraise.Rect{X0: fakeLeft, Y0: y[b.Page], X1: fakeLeft + float64(e-s)*fakeCharW, Y1: y[b.Page] + fakeLineH - 2}}
			for i := 0; i <= e-s; i++ {
				l.Edges = append(l.Edges, float32(fakeLeft+float64(i)*fakeCharW))
			}
			doc.Lines = append(doc.Lines, l)
			y[b.Page] += fakeLineH
			s = e
			for s < b.End && runes[s] == ' ' {
				s++
			}
		}
		y[b.Page] += fakeLineH
	}
	return doc
}

// textOnly hides the fake library's renderer: a Library without Pages.
type textOnly struct{ Library }
