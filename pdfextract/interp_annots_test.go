package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// annotatedDoc is a one-page PDF whose content prints a footer line and
// whose annotations are built by annots (given the document, returning
// the /Annots array's elements).
func annotatedDoc(annots func(d *testpdf.Doc) []int) []byte {
	d := testpdf.NewDoc(testpdf.TextAt(72, 40, 9, "Certificate footer printed on the page."))
	var refs []string
	for _, n := range annots(d) {
		refs = append(refs, fmt.Sprintf("%d 0 R", n))
	}
	d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %d 0 R /Contents %d 0 R /Annots [%s] >>",
		d.Pages, d.Resources, d.Contents[0], strings.Join(refs, " ")))
	return d.Bytes()
}

// appearance adds a Form XObject drawing text at (2, 5) in Helvetica 10
// inside bbox, and returns its number.
func appearance(d *testpdf.Doc, bbox, text string) int {
	return d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [%s] /Resources %d 0 R", bbox, d.Resources),
		[]byte("/Tx BMC BT /F1 10 Tf 2 5 Td "+testpdf.LiteralString(text)+" Tj ET EMC\n"))
}

func TestAnnotationTextIsRead(t *testing.T) {
	tests := []struct {
		name   string
		annots func(d *testpdf.Doc) []int
		want   string
	}{
		{"a FreeText comment", func(d *testpdf.Doc) []int {
			ap := appearance(d, "0 0 300 20", "A comment typed on the page.")
			return []int{d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /Rect [72 600 372 620] /Contents (A comment typed on the page.) /AP << /N %d 0 R >> >>", ap))}
		}, "A comment typed on the page.\n\nCertificate footer printed on the page."},
		{"a text field filling the body, its type inherited", func(d *testpdf.Doc) []int {
			ap := appearance(d, "0 0 200 20", "This certifies that the holder completed the course.")
			parent := d.AddObject("<< /FT /Tx /T (body) >>")
			return []int{d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /Widget /Parent %d 0 R /Rect [72 500 472 540] /AP << /N %d 0 R >> >>", parent, ap))}
		}, "This certifies that the holder completed the course.\n\nCertificate footer printed on the page."},
		{"a choice field's appearance picked by its state", func(d *testpdf.Doc) []int {
			on := appearance(d, "0 0 300 20", "Chosen option text.")
			off := appearance(d, "0 0 300 20", "Other state text.")
			return []int{d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Ch /AS /On /Rect [72 600 372 620] /AP << /N << /On %d 0 R /Off %d 0 R >> >> >>", on, off))}
		}, "Chosen option text.\n\nCertificate footer printed on the page."},
		{"hidden annotations, check boxes and links are not read", func(d *testpdf.Doc) []int {
			hidden := appearance(d, "0 0 300 20", "Hidden comment.")
			check := appearance(d, "0 0 20 20", "4")
			link := appearance(d, "0 0 300 20", "Link text.")
			return []int{
				d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /F 2 /Rect [72 600 372 620] /AP << /N %d 0 R >> >>", hidden)),
				d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [72 560 92 580] /AP << /N %d 0 R >> >>", check)),
				d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [72 520 372 540] /AP << /N %d 0 R >> >>", link)),
			}
		}, "Certificate footer printed on the page."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(annotatedDoc(tt.annots), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("got  %q\nwant %q", doc.Text, tt.want)
			}
		})
	}
}

func TestAppearanceFillsTheAnnotationRect(t *testing.T) {
	pdf := annotatedDoc(func(d *testpdf.Doc) []int {
		ap := appearance(d, "0 0 200 20", "Scaled")
		return []int{d.AddObject(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /Rect [100 500 500 540] /AP << /N %d 0 R >> >>", ap))}
	})
	pages, err := PageGlyphsOf(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range pages[0].Glyphs {
		if g.Text == "S" {
			// BBox 200×20 onto a 400×40 rect: twice the size, text origin
			// (2, 5) lands at (104, 510) in user space, y = 792-510 on the page.
			if abs(g.X-104) > 0.01 || abs(g.Y-282) > 0.01 || abs(g.Size-20) > 0.01 {
				t.Errorf("S at (%.2f, %.2f) size %.2f, want (104, 282) size 20", g.X, g.Y, g.Size)
			}
			return
		}
	}
	t.Fatal("no S drawn")
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
