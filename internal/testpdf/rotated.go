package testpdf

import "fmt"

// Rotated is one US-Letter page with /Rotate 90: a viewer turns it a
// quarter clockwise and shows it in landscape, 792 points wide and 612
// high. Its text is drawn along the page's y axis (text matrix
// 0 1 -1 0 x y), so it reads normally, left to right, once rotated — the
// way landscape tables are usually set. The truth is the text as read on
// the rotated page: a heading and a paragraph.
func Rotated() (pdf []byte, truthText string) {
	heading := "Table 2 is printed in landscape"
	para := []string{
		"This page is stored upright with a rotation of ninety degrees, so a viewer turns it",
		"clockwise before showing it. Read that way, these lines run from left to right",
		"across the long side of the sheet, just as a wide table would.",
	}
	// Displayed (landscape) position (dx from the left, dy down from the
	// top) is user space (x = dy, y = dx) on the unrotated page.
	show := func(font string, size, dx, dy float64, s string) string {
		return fmt.Sprintf("BT /%s %g Tf 0 1 -1 0 %g %g Tm %s Tj ET\n", font, size, dy, dx, LiteralString(s))
	}
	content := show("F2", 14, 72, 80, heading)
	for i, ln := range para {
		content += show("F1", 11, 72, 110+float64(i)*15, ln)
	}
	d := NewDoc()
	bold := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", d.Font, bold))
	d.SetObjectBytes(d.Contents[0], StreamBody("", []byte(content)))
	d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Rotate 90 "+
		"/Resources %d 0 R /Contents %d 0 R >>", d.Pages, LetterWidth, LetterHeight, d.Resources, d.Contents[0]))

	var t truth
	t.add(heading)
	t.add(para...)
	return d.Bytes(), t.String()
}
