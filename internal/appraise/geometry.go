package appraise

import (
	"context"
	"image"
	"sort"
	"time"
)

// Where the text is printed: the seam between the extracted text and the
// page view, the page selection and the annotated-PDF export. Every
// position comes from the extractor's own glyphs (Document.Lines), so an
// offset range maps to boxes without matching text a second time.

// Line is one printed line of the document: where its text sits in
// Document.Text and where its glyphs are on the page.
type Line struct {
	Page  int `json:"p"` // 1-based
	Start int `json:"s"` // code points into Document.Text
	End   int `json:"e"` // exclusive; text joined to the next line is not included
	// Rect is the line's box (ascent to descent of its glyphs) in the
	// coordinates of Rect: points, top-left origin of the page's crop box,
	// after /Rotate.
	Rect Rect `json:"r"`
	// Edges are x positions in points: Edges[i] is the left edge of code
	// point Start+i and Edges[End-Start] the right edge of the last, so
	// len(Edges) == End-Start+1 and they never decrease. Characters the
	// extractor wrote without a glyph of their own (a space, the brackets
	// around a citation mark) take the edges of their neighbours.
	Edges []float32 `json:"x"`
}

// PageRect is a box on one page (1-based), in Rect's coordinates.
type PageRect struct {
	Page int  `json:"page"`
	Rect Rect `json:"rect"`
}

// SpanRects returns the boxes covering the text [start, end) as printed:
// one per line it touches, in text order, each as tall as its line and as
// wide as the covered characters. Text with no line (block separators)
// has no box. Lines must be sorted by Start, as the extractor writes them.
func (d Document) SpanRects(start, end int) []PageRect {
	if end <= start || len(d.Lines) == 0 {
		return nil
	}
	i := sort.Search(len(d.Lines), func(i int) bool { return d.Lines[i].End > start })
	var out []PageRect
	for ; i < len(d.Lines) && d.Lines[i].Start < end; i++ {
		l := d.Lines[i]
		s, e := max(start, l.Start), min(end, l.End)
		if e <= s {
			continue
		}
		r := l.Rect
		if len(l.Edges) == l.End-l.Start+1 {
			r.X0, r.X1 = float64(l.Edges[s-l.Start]), float64(l.Edges[e-l.Start])
		}
		if r.X1 <= r.X0 {
			continue
		}
		out = append(out, PageRect{Page: l.Page, Rect: r})
	}
	return out
}

// OffsetAt returns the offset into Document.Text of the character boundary
// nearest to the point (x, y) on page (points, Rect's coordinates): on the
// line under the point, else the nearest line of that page. ok is false
// when the page has no text line.
func (d Document) OffsetAt(page int, x, y float64) (offset int, ok bool) {
	best, bestDist := -1, 0.0
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Page != page {
			continue
		}
		dist := distance(l.Rect, x, y)
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
		if dist == 0 {
			break
		}
	}
	if best < 0 {
		return 0, false
	}
	l := d.Lines[best]
	if len(l.Edges) != l.End-l.Start+1 {
		if x < (l.Rect.X0+l.Rect.X1)/2 {
			return l.Start, true
		}
		return l.End, true
	}
	// The boundary nearest x: the first edge at or right of x, or the one
	// before it when that is closer.
	k := sort.Search(len(l.Edges), func(k int) bool { return float64(l.Edges[k]) >= x })
	if k == len(l.Edges) {
		k--
	} else if k > 0 && x-float64(l.Edges[k-1]) < float64(l.Edges[k])-x {
		k--
	}
	return l.Start + k, true
}

// distance is how far (x, y) lies from r; 0 inside it. Vertical distance
// weighs more, so a point between two lines picks the line it is beside.
func distance(r Rect, x, y float64) float64 {
	dx, dy := 0.0, 0.0
	if x < r.X0 {
		dx = r.X0 - x
	} else if x > r.X1 {
		dx = x - r.X1
	}
	if y < r.Y0 {
		dy = r.Y0 - y
	} else if y > r.Y1 {
		dy = y - r.Y1
	}
	return dx + 4*dy
}

// RenderRequest asks for one page of a PDF drawn as an image.
type RenderRequest struct {
	Path     string
	Password string
	Page     int     // 1-based
	Scale    float64 // device pixels per point
}

// Highlight is one highlight annotation to write into a PDF: an
// annotation's text on one page.
type Highlight struct {
	ID       string    // written as /NM: the annotation's id
	Page     int       // 1-based
	Quads    []Rect    // the quoted text's line boxes, Rect's coordinates
	Color    [3]uint8  // RGB of the annotation's first tag
	Contents string    // tags and note
	Author   string    // written as /T
	Modified time.Time // written as /M
}

// Renderer draws PDF pages and writes annotated copies of PDFs. It parses
// untrusted bytes: implementations isolate it (a worker process with time
// and memory limits) and return an error, never panic or hang, whatever
// the file holds.
type Renderer interface {
	// RenderPage draws one page at the requested scale. The image is the
	// page's crop box after /Rotate, Scale pixels per point.
	RenderPage(ctx context.Context, req RenderRequest) (*image.RGBA, error)
	// WriteHighlights writes a copy of the PDF at src to dst with one
	// highlight annotation per entry of hs. dst is written atomically; src
	// is never changed. Encrypted PDFs are refused with ErrExportEncrypted.
	WriteHighlights(ctx context.Context, src, dst string, hs []Highlight) error
}
