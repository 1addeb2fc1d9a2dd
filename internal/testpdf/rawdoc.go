package testpdf

import (
	"fmt"
	"strings"
)

// Doc is a small well-formed document built on a Raw: a catalog, a page
// tree and pages sharing one resource dictionary with Helvetica as /F1.
// Its object numbers are exported so tests can replace any part (a page
// tree cycle, a huge /Count, a bad content stream) with SetObject before
// calling Bytes or BytesWith.
type Doc struct {
	*Raw
	Catalog   int   // /Type /Catalog
	Pages     int   // the root /Type /Pages node
	Font      int   // Helvetica, WinAnsiEncoding
	Resources int   // << /Font << /F1 Font 0 R >> >>
	PageObjs  []int // each /Type /Page, in order
	Contents  []int // each page's content stream, in order
}

// Letter is the US Letter page size in points that Doc pages use.
const (
	LetterWidth  = 612.0
	LetterHeight = 792.0
)

// NewDoc returns a document with one page per content stream (at least one
// page: no argument gives one empty page).
func NewDoc(contents ...string) *Doc {
	d := &Doc{Raw: New()}
	d.Catalog = d.Reserve()
	d.Pages = d.Reserve()
	d.Font = d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	d.Resources = d.AddObject(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", d.Font))
	d.SetObject(d.Catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", d.Pages))
	d.SetRoot(d.Catalog)
	if len(contents) == 0 {
		contents = []string{""}
	}
	for _, c := range contents {
		d.AddPage(c, "")
	}
	return d
}

// AddPage appends a page drawing content; extra is added to the page
// dictionary (e.g. "/Rotate 90"). It returns the page's object number.
func (d *Doc) AddPage(content, extra string) int {
	cs := d.AddStream("", []byte(content))
	pg := d.AddObject(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %d 0 R /Contents %d 0 R%s >>",
		d.Pages, LetterWidth, LetterHeight, d.Resources, cs, spaced(extra)))
	d.PageObjs = append(d.PageObjs, pg)
	d.Contents = append(d.Contents, cs)
	d.SetObject(d.Pages, d.pagesBody())
	return pg
}

func (d *Doc) pagesBody() string {
	kids := make([]string, len(d.PageObjs))
	for i, p := range d.PageObjs {
		kids[i] = fmt.Sprintf("%d 0 R", p)
	}
	return fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(d.PageObjs))
}

func spaced(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return " " + s
}

// TextAt returns content-stream operators that show s (WinAnsi bytes) in
// font /F1 at size with its baseline starting at (x, y) in PDF user space
// (origin bottom-left).
func TextAt(x, y, size float64, s string) string {
	return fmt.Sprintf("BT /F1 %g Tf %g %g Td %s Tj ET\n", size, x, y, LiteralString(s))
}

// Lines returns operators that show each line (bytes in the font's
// encoding) with font res at size, the first baseline at (x, y) in user
// space, the next ones leading points lower (set with TL, moved with T*).
func Lines(res string, size, x, y, leading float64, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /%s %g Tf %g TL %g %g Td", res, size, leading, x, y)
	for i, ln := range lines {
		if i > 0 {
			b.WriteString(" T*")
		}
		fmt.Fprintf(&b, " %s Tj", LiteralString(ln))
	}
	b.WriteString(" ET\n")
	return b.String()
}
