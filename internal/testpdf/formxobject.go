package testpdf

import "fmt"

// FormXObject is one page where most of the text sits inside form
// XObjects painted with Do: the page draws a line of its own, then form
// /Fm1 (placed by a cm translation, with its own /Resources and a font the
// page does not have), which itself paints a nested form /Fm2 for its last
// line, then the page draws a closing line below. Reading order is top to
// bottom.
func FormXObject() (pdf []byte, truthText string) {
	first := "Text drawn directly on the page comes first."
	formLines := []string{
		"This paragraph lives inside a form XObject, drawn by the Do operator",
		"with resources of its own, and the next line comes from a nested form",
	}
	nestedLine := "inside it, moved down by the form's own matrix."
	last := "Text after the forms closes the page."

	d := NewDoc()
	times := d.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
	inner := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 468 60] /Matrix [1 0 0 1 0 -30] "+
		"/Resources << /Font << /T1 %d 0 R >> >>", times),
		[]byte(Lines("T1", 12, 0, 36, 15, nestedLine)))
	outer := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 -10 468 60] "+
		"/Resources << /Font << /T1 %d 0 R >> /XObject << /Fm2 %d 0 R >> >>", times, inner),
		[]byte(Lines("T1", 12, 0, 36, 15, formLines...)+"q /Fm2 Do Q\n"))
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Fm1 %d 0 R >> >>", d.Font, outer))
	content := TextAt(72, 700, 12, first) + "q 1 0 0 1 72 620 cm /Fm1 Do Q\n" + TextAt(72, 540, 12, last)
	d.SetObjectBytes(d.Contents[0], StreamBody("", []byte(content)))

	var t truth
	t.add(first)
	t.add(append(formLines, nestedLine)...)
	t.add(last)
	return d.Bytes(), t.String()
}
