package testpdf

import "fmt"

// Superscripts is one page of Helvetica text in three blocks with raised,
// smaller glyphs set by text rise (Ts) inside the running text object:
//
//   - citation markers after words ("common¹˒²."), written in the truth as
//     pdfextract's layout writes them: "[1,2]" after a space;
//   - an affiliation marker at the start of a line: "[1] Department …";
//   - an exponent after a number ("10⁵"), written "10^5".
//
// See pdfextract/CONTRACT.md, "demo truth", for the marker convention.
func Superscripts() (pdf []byte, truthText string) {
	const size, sup, rise, lead = 11.0, 7.0, 3.8, 15.0
	norm := fmt.Sprintf("0 Ts /F1 %g Tf", size)
	raise := fmt.Sprintf("%g Ts /F1 %g Tf", rise, sup)
	content := fmt.Sprintf("BT %s %g TL 72 700 Td ", norm, lead) +
		LiteralString("Depression after childbirth is common") + " Tj " + raise + " (1,2) Tj " + norm + " " +
		LiteralString(". Most women prefer a talking") + " Tj T* " +
		LiteralString("treatment") + " Tj " + raise + " (3) Tj " + norm + " " +
		LiteralString(" to medication, and many stop breastfeeding early.") + " Tj ET\n" +
		fmt.Sprintf("BT %s 72 650 Td ", norm) +
		LiteralString("A culture grew 5 \xd7 10") + " Tj " + raise + " (5) Tj " + norm + " " +
		LiteralString(" colonies per millilitre.") + " Tj ET\n" +
		fmt.Sprintf("BT %s 72 610 Td ", raise) + "(1) Tj " + norm + " " +
		LiteralString(" Department of Psychiatry, Example University") + " Tj ET\n"
	d := NewDoc(content)

	var t truth
	t.add("Depression after childbirth is common [1,2]. Most women prefer a talking",
		"treatment [3] to medication, and many stop breastfeeding early.")
	t.add("A culture grew 5 × 10^5 colonies per millilitre.")
	t.add("[1] Department of Psychiatry, Example University")
	return d.Bytes(), t.String()
}
