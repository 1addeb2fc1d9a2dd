package pdfextract

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// Interpreter tests: one-page documents built with testpdf, whose content
// streams exercise one operator or feature each. /F1 is Helvetica with
// WinAnsiEncoding and no /Widths, so widths come from the standard-14
// metrics: A 667, V 667, a 556, b 556, space 278 (per 1000 em).

func firstPage(tb testing.TB, pdf []byte) PageGlyphs {
	tb.Helper()
	pages, err := PageGlyphsOf(pdf, Options{})
	if err != nil {
		tb.Fatalf("PageGlyphsOf: %v", err)
	}
	if len(pages) == 0 {
		tb.Fatal("no pages")
	}
	return pages[0]
}

func glyphString(gs []Glyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Text)
	}
	return b.String()
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

// wantGlyph checks the glyph with text t (the first one) has the given
// position; NaN skips a field.
type wantGlyph struct {
	text       string
	x, y, w, s float64
}

func checkGlyphs(t *testing.T, got []Glyph, want []wantGlyph) {
	t.Helper()
	for _, w := range want {
		var g *Glyph
		for i := range got {
			if got[i].Text == w.text {
				g = &got[i]
				break
			}
		}
		if g == nil {
			t.Errorf("no glyph %q in %q", w.text, glyphString(got))
			continue
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"x", g.X, w.x}, {"y", g.Y, w.y}, {"w", g.W, w.w}, {"size", g.Size, w.s}} {
			if !math.IsNaN(c.want) && !near(c.got, c.want) {
				t.Errorf("glyph %q: %s = %.3f, want %.3f", w.text, c.name, c.got, c.want)
			}
		}
	}
}

var nan = math.NaN()

func TestTextOperators(t *testing.T) {
	tests := []struct {
		name    string
		content string
		text    string
		want    []wantGlyph
	}{
		{"Td places the baseline, widths advance", "BT /F1 10 Tf 100 700 Td (AV) Tj ET", "AV",
			[]wantGlyph{{"A", 100, 92, 6.67, 10}, {"V", 106.67, 92, 6.67, 10}}},
		{"Tc adds to every advance", "BT /F1 10 Tf 2 Tc 100 700 Td (AV) Tj ET", "AV",
			[]wantGlyph{{"V", 108.67, 92, 6.67, nan}}},
		{"Tw widens the space character only", "BT /F1 10 Tf 5 Tw 100 700 Td (a b) Tj ET", "a b",
			[]wantGlyph{{" ", 105.56, nan, 2.78, nan}, {"b", 113.34, nan, nan, nan}}},
		{"Tz scales advances and widths", "BT /F1 10 Tf 50 Tz 100 700 Td (AV) Tj ET", "AV",
			[]wantGlyph{{"A", 100, nan, 3.335, 10}, {"V", 103.335, nan, nan, nan}}},
		{"TJ numbers move the next glyph back", "BT /F1 10 Tf 100 700 Td [(A) 500 (V)] TJ ET", "AV",
			[]wantGlyph{{"V", 101.67, nan, nan, nan}}},
		{"TL and T* start the next line", "BT /F1 10 Tf 12 TL 100 700 Td (A) Tj T* (V) Tj ET", "AV",
			[]wantGlyph{{"V", 100, 104, nan, nan}}},
		{"TD sets the leading for later T*", "BT /F1 10 Tf 100 700 Td (a) Tj 0 -20 TD (b) Tj T* (A) Tj ET", "abA",
			[]wantGlyph{{"b", 100, 112, nan, nan}, {"A", 100, 132, nan, nan}}},
		{"quote moves to the next line and shows", "BT /F1 10 Tf 14 TL 100 700 Td (a) Tj (b) ' ET", "ab",
			[]wantGlyph{{"b", 100, 106, nan, nan}}},
		{"double quote sets word and char spacing", "BT /F1 10 Tf 14 TL 100 700 Td 7 1 (a b) \" ET", "a b",
			[]wantGlyph{{"a", 100, 106, nan, nan}, {" ", 106.56, nan, nan, nan}, {"b", 117.34, nan, nan, nan}}},
		{"Ts raises the glyph", "BT /F1 10 Tf 100 700 Td 3 Ts (A) Tj ET", "A",
			[]wantGlyph{{"A", 100, 89, nan, 10}}},
		{"Tm sets the text matrix and scales the size", "BT /F1 1 Tf 12 0 0 12 50 500 Tm (A) Tj ET", "A",
			[]wantGlyph{{"A", 50, 292, 8.004, 12}}},
		{"cm scales, Q restores", "q 2 0 0 2 0 0 cm BT /F1 10 Tf 10 300 Td (A) Tj ET Q BT /F1 10 Tf 10 300 Td (V) Tj ET", "AV",
			[]wantGlyph{{"A", 20, 192, 13.34, 20}, {"V", 10, 492, 6.67, 10}}},
		{"BT resets the text matrix", "BT /F1 10 Tf 100 700 Td ET BT /F1 10 Tf 0 700 Td (A) Tj ET", "A",
			[]wantGlyph{{"A", 0, 92, nan, nan}}},
		{"a missing font falls back to Helvetica metrics", "BT /F9 10 Tf 100 700 Td (AV) Tj ET", "AV",
			[]wantGlyph{{"V", 106.67, 92, nan, nan}}},
		{"text before any Tf still shows", "BT 100 700 Td (A) Tj ET", "A", nil},
		{"glyphs far off the page are dropped", "BT /F1 10 Tf -500 700 Td (A) Tj 500 0 Td (V) Tj ET", "V", nil},
		{"unfiltered inline image is skipped by its size, EI inside it too",
			"BT /F1 10 Tf 100 700 Td BI /W 10 /H 1 /BPC 8 /CS /G ID  EI (V) Tj\nEI (A) Tj ET", "A", nil},
		{"filtered inline image ends at an EI followed by operators",
			"BT /F1 10 Tf 100 700 Td BI /W 4 /H 4 /F /Fl ID x\x9c EI \x02\x03(V) Tj EI\n(A) Tj ET", "A", nil},
		{"unknown operators and stray tokens are ignored", "foo 1 2 bar ] >> BT /F1 10 Tf 100 700 Td (A) Tj ET", "A", nil},
		{"an unclosed array ends at the next operator", "BT /F1 10 Tf 100 700 Td [(A) 50 TJ (V) Tj ET", "AV", nil},
		{"an unterminated hex string ends the stream", "BT /F1 10 Tf 100 700 Td (A) Tj <4142", "A", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pg := firstPage(t, testpdf.NewDoc(tc.content).Bytes())
			if got := glyphString(pg.Glyphs); got != tc.text {
				t.Fatalf("text = %q, want %q", got, tc.text)
			}
			checkGlyphs(t, pg.Glyphs, tc.want)
			for i, g := range pg.Glyphs {
				if g.Seq != i {
					t.Errorf("glyph %d has Seq %d", i, g.Seq)
				}
			}
		})
	}
}

func TestRenderModeAndStyle(t *testing.T) {
	d := testpdf.NewDoc("BT /F1 10 Tf 100 700 Td 3 Tr (A) Tj 0 Tr (V) Tj 7 Tr (a) Tj ET")
	pg := firstPage(t, d.Bytes())
	if got := glyphString(pg.Glyphs); got != "AVa" {
		t.Fatalf("text %q, want AVa: invisible glyphs are emitted too", got)
	}
	want := map[string]bool{"A": true, "V": false, "a": true}
	for _, g := range pg.Glyphs {
		if g.Invisible != want[g.Text] {
			t.Errorf("glyph %q Invisible = %v, want %v", g.Text, g.Invisible, want[g.Text])
		}
		if !g.Upright || g.Font != "Helvetica" || g.Bold || g.Italic {
			t.Errorf("glyph %q: upright %v font %q bold %v italic %v", g.Text, g.Upright, g.Font, g.Bold, g.Italic)
		}
	}
}

func TestRotatedTextIsNotUpright(t *testing.T) {
	pg := firstPage(t, testpdf.NewDoc("BT /F1 10 Tf 0 1 -1 0 50 100 Tm (AV) Tj ET").Bytes())
	if len(pg.Glyphs) != 2 {
		t.Fatalf("got %d glyphs", len(pg.Glyphs))
	}
	a, v := pg.Glyphs[0], pg.Glyphs[1]
	if a.Upright || v.Upright {
		t.Errorf("text drawn upwards is marked upright")
	}
	// Reading upwards: the second glyph is 6.67 pt above the first.
	if !near(a.X, 50) || !near(a.Y, 692) || !near(v.Y, 692-6.67) || !near(a.Size, 10) {
		t.Errorf("A at (%.2f, %.2f) size %.2f, V at y %.2f", a.X, a.Y, a.Size, v.Y)
	}
}

func TestPageGeometry(t *testing.T) {
	content := "BT /F1 10 Tf 100 700 Td (A) Tj ET"
	tests := []struct {
		name         string
		extra        string
		w, h, x, y   float64
		glyphUpright bool
	}{
		{"no rotation", "", 612, 792, 100, 92, true},
		{"rotate 90 turns the page clockwise", "/Rotate 90", 792, 612, 700, 100, false},
		{"rotate 180", "/Rotate 180", 612, 792, 512, 700, false},
		{"rotate 270", "/Rotate 270", 792, 612, 92, 512, false},
		{"rotate -90 is 270", "/Rotate -90", 792, 612, 92, 512, false},
		{"crop box moves the origin", "/CropBox [50 100 562 742]", 512, 642, 50, 42, true},
		{"crop box is clipped to the media box", "/CropBox [-50 -50 1000 1000]", 612, 792, 100, 92, true},
		{"a degenerate crop box is ignored", "/CropBox [10 10 10 10]", 612, 792, 100, 92, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testpdf.New()
			cat, pages := d.Reserve(), d.Reserve()
			font := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
			cs := d.AddStream("", []byte(content))
			pg := d.AddObject(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] %s /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, tc.extra, font, cs))
			d.SetObject(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
			d.SetObject(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
			d.SetRoot(cat)
			p := firstPage(t, d.Bytes())
			if !near(p.Width, tc.w) || !near(p.Height, tc.h) {
				t.Errorf("page %gx%g, want %gx%g", p.Width, p.Height, tc.w, tc.h)
			}
			if len(p.Glyphs) != 1 {
				t.Fatalf("got %d glyphs", len(p.Glyphs))
			}
			g := p.Glyphs[0]
			if !near(g.X, tc.x) || !near(g.Y, tc.y) || g.Upright != tc.glyphUpright {
				t.Errorf("glyph at (%.2f, %.2f) upright %v, want (%g, %g) %v", g.X, g.Y, g.Upright, tc.x, tc.y, tc.glyphUpright)
			}
		})
	}
}

func TestInheritedPageAttributes(t *testing.T) {
	d := testpdf.New()
	cat, pages, mid := d.Reserve(), d.Reserve(), d.Reserve()
	font := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	cs := d.AddStream("", []byte("BT /F1 10 Tf 100 100 Td (A) Tj ET"))
	pg := d.AddObject(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", mid, cs))
	d.SetObject(mid, fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 /Rotate 90 >>", pages, pg))
	d.SetObject(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /MediaBox [0 0 300 400] /Resources << /Font << /F1 %d 0 R >> >> >>", mid, font))
	d.SetObject(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	d.SetRoot(cat)
	p := firstPage(t, d.Bytes())
	if p.Width != 400 || p.Height != 300 || glyphString(p.Glyphs) != "A" {
		t.Errorf("page %gx%g with %q, want 400x300 with the inherited font", p.Width, p.Height, glyphString(p.Glyphs))
	}
}

func TestContentsArrayIsOneStream(t *testing.T) {
	d := testpdf.NewDoc()
	a := d.AddStream("", []byte("BT /F1 10 Tf 100 700 Td (A) Tj"))
	b := d.AddFlateStream("", []byte("(V) Tj ET"))
	d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %d 0 R /Contents [%d 0 R %d 0 R] >>", d.Pages, d.Resources, a, b))
	pg := firstPage(t, d.Bytes())
	if got := glyphString(pg.Glyphs); got != "AV" {
		t.Errorf("text %q, want AV across the two streams", got)
	}
}
