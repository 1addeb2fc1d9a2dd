package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"appraise.app/appraise/internal/testpdf"
)

// withResources builds a one-page document whose page resources are
// replaced by res(d), which may add the objects it names.
func withResources(content string, res func(d *testpdf.Doc) string) []byte {
	d := testpdf.NewDoc(content)
	d.SetObject(d.Resources, res(d))
	return d.Bytes()
}

func TestFormXObjects(t *testing.T) {
	tests := []struct {
		name    string
		content string
		res     func(d *testpdf.Doc) string
		want    string
		xs      []float64
	}{
		{"form matrix and its own resources",
			"q 1 0 0 1 10 0 cm /X1 Do Q BT /F1 10 Tf 100 600 Td (V) Tj ET",
			func(d *testpdf.Doc) string {
				times := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>")
				form := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 50 0] /Resources << /Font << /F1 %d 0 R >> >>", times),
					[]byte("BT /F1 10 Tf 100 700 Td (a) Tj ET"))
				return fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form)
			},
			"aV", []float64{160, 100}},
		{"a form without resources uses the page's",
			"/X1 Do",
			func(d *testpdf.Doc) string {
				form := d.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]", []byte("BT /F1 10 Tf 100 700 Td (AV) Tj ET"))
				return fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form)
			},
			"AV", []float64{100, 106.67}},
		{"a form drawn twice shows twice",
			"/X1 Do q 1 0 0 1 0 -20 cm /X1 Do Q",
			func(d *testpdf.Doc) string {
				form := d.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]", []byte("BT /F1 10 Tf 100 700 Td (A) Tj ET"))
				return fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form)
			},
			"AA", []float64{100, 100}},
		{"a form that draws itself stops at the cycle",
			"/X1 Do",
			func(d *testpdf.Doc) string {
				form := d.Reserve()
				d.SetObjectBytes(form, testpdf.StreamBody(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form),
					[]byte("BT /F1 10 Tf 100 700 Td (A) Tj ET /X1 Do")))
				return fmt.Sprintf("<< /XObject << /X1 %d 0 R >> >>", form)
			},
			"A", nil},
		{"images and unknown XObjects draw no text",
			"/Im1 Do /Nope Do BT /F1 10 Tf 100 700 Td (A) Tj ET",
			func(d *testpdf.Doc) string {
				img := d.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", []byte{0})
				return fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>", d.Font, img)
			},
			"A", nil},
		{"the graphics state dictionary can set the font",
			"BT /GS1 gs 100 700 Td (A) Tj ET",
			func(d *testpdf.Doc) string {
				return fmt.Sprintf("<< /ExtGState << /GS1 << /Font [%d 0 R 20] >> >> >>", d.Font)
			},
			"A", []float64{100}},
		{"text state set inside a form does not leak out",
			"BT /F1 10 Tf 100 700 Td (A) Tj ET /X1 Do BT 100 680 Td (V) Tj ET",
			func(d *testpdf.Doc) string {
				times := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>")
				form := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F2 %d 0 R >> >>", times),
					[]byte("BT /F2 30 Tf 300 300 Td (a) Tj ET"))
				return fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form)
			},
			"AaV", []float64{100, 300, 100}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pg := firstPage(t, withResources(tc.content, tc.res))
			if got := glyphString(pg.Glyphs); got != tc.want {
				t.Fatalf("text = %q, want %q", got, tc.want)
			}
			for i, x := range tc.xs {
				if !near(pg.Glyphs[i].X, x) {
					t.Errorf("glyph %d (%q) at x %.2f, want %.2f", i, pg.Glyphs[i].Text, pg.Glyphs[i].X, x)
				}
			}
		})
	}
}

func TestFormNestingIsBounded(t *testing.T) {
	const chain = 30
	pdf := withResources("/X0 Do", func(d *testpdf.Doc) string {
		nums := make([]int, chain)
		for i := range nums {
			nums[i] = d.Reserve()
		}
		for i, n := range nums {
			next := ""
			if i+1 < chain {
				next = fmt.Sprintf("/XObject << /X%d %d 0 R >>", i+1, nums[i+1])
			}
			content := fmt.Sprintf("BT /F1 10 Tf 100 %d Td (A) Tj ET /X%d Do", 700-i*12, i+1)
			d.SetObjectBytes(n, testpdf.StreamBody(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> %s >>", d.Font, next), []byte(content)))
		}
		return fmt.Sprintf("<< /XObject << /X0 %d 0 R >> >>", nums[0])
	})
	pg := firstPage(t, pdf)
	if got := glyphString(pg.Glyphs); got != strings.Repeat("A", maxFormDepth) {
		t.Errorf("got %d glyphs through %d nested forms, want %d (the nesting limit)", len(pg.Glyphs), chain, maxFormDepth)
	}
}

// A content stream that names more fonts, XObjects or graphics states than
// the caches keep still runs, and the caches stop growing.
func TestResourceNameCachesAreBounded(t *testing.T) {
	const names = 3 * maxCachedNames
	tests := []struct {
		name string
		op   string // one use of name %d
		size func(r *resources) int
	}{
		{"fonts", "/F%d 10 Tf", func(r *resources) int { return len(r.fonts) }},
		{"XObjects", "/X%d Do", func(r *resources) int { return len(r.xobjs) }},
		{"graphics states", "/GS%d gs", func(r *resources) int { return len(r.gsFonts) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var content strings.Builder
			for i := range names {
				fmt.Fprintf(&content, tc.op+"\n", i)
			}
			content.WriteString("BT /F1 10 Tf 100 700 Td (A) Tj ET")
			dc := newDocCache()
			res := dc.resourcesOf(pdf.Value{})
			ip := newInterp(dc, identity, 612, 792)
			ip.run([]byte(content.String()), res)
			if got := glyphString(ip.glyphs); got != "A" {
				t.Errorf("text %q after %d names, want A", got, names)
			}
			if n := tc.size(res); n > maxCachedNames {
				t.Errorf("%d names cached, want at most %d", n, maxCachedNames)
			}
		})
	}
}
