package pdfextract

import (
	"fmt"
	"testing"
)

// sinkPages are a few pages of text, each different.
func sinkPages(tb testing.TB, n int) []PageGlyphs {
	tb.Helper()
	var ps []*synthPage
	for i := range n {
		p := newPage(tb, i+1)
		p.paragraph(72, 100, 450, 0, 12, body(), lorem(fmt.Sprint("p", i), 120))
		ps = append(ps, p)
	}
	return pagesOf(ps...)
}

// feed gives pages to s the way interpretAll does: each page is written
// into the array the previous add returned, and that array is scribbled
// over at once, as the interpreter would while the sink still works.
func feed(s pageSink, pages []PageGlyphs) {
	var buf []Glyph
	for _, pg := range pages {
		buf = append(buf[:0], pg.Glyphs...)
		next := s.add(PageGlyphs{Number: pg.Number, Width: pg.Width, Height: pg.Height, Glyphs: buf})
		next = next[:cap(next)]
		for i := range next {
			next[i] = Glyph{Text: "#", X: 1, Y: 1, W: 1, Size: 1, Upright: true}
		}
		buf = next[:0]
	}
}

func TestLayoutSinkLaysOutEveryPageAsGiven(t *testing.T) {
	pages := sinkPages(t, 6)
	s := newLayoutSink()
	feed(s, pages)
	s.finish()
	if len(s.frags) != len(pages) || len(s.pages) != len(pages) || len(s.front) != metadataPages || !s.text {
		t.Fatalf("%d pages laid out, %d sizes, %d front pages, text %v", len(s.frags), len(s.pages), len(s.front), s.text)
	}
	for i, pg := range pages {
		want := newPageFrags(pg, i)
		got := s.frags[i]
		if got.number != want.number || len(got.frags) != len(want.frags) {
			t.Fatalf("page %d: %d fragments, want %d", i+1, len(got.frags), len(want.frags))
		}
		for k := range want.frags {
			if g, w := got.frags[k].plainText(), want.frags[k].plainText(); g != w {
				t.Fatalf("page %d fragment %d: %q, want %q (an array reused too early?)", i+1, k, g, w)
			}
		}
	}
	if got, want := glyphString(s.front[1].Glyphs), glyphString(pages[1].Glyphs); got != want {
		t.Errorf("second page kept for the metadata reads %.40q…, want %.40q…", got, want)
	}
}

func TestLayoutSinkPanicIsRaisedByFinish(t *testing.T) {
	s := newLayoutSink()
	s.prepare = func(pg PageGlyphs, i int) *pageFrags {
		if i == 1 {
			panic("layout broke")
		}
		return newPageFrags(pg, i)
	}
	feed(s, sinkPages(t, 4)) // pages after the panic are taken and dropped
	func() {
		defer func() {
			if r := recover(); r != "layout broke" {
				t.Errorf("finish raised %v, want the layout's panic", r)
			}
		}()
		s.finish()
	}()
	select {
	case <-s.done:
	default:
		t.Error("finish returned before the layout goroutine ended")
	}
}
