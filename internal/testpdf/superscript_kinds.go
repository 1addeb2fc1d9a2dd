package testpdf

import (
	"fmt"
	"strings"
)

// SuperscriptKinds is one page of Helvetica lines, one block each, whose
// raised small numbers are of every kind a paper prints, written in the
// truth as pdfextract's layout writes them (see Superscripts): exponents
// with a caret ("I^2 = 84%", "12 m^2", "s^-1", "5 × 10^5"), citation,
// footnote and affiliation marks in brackets after a space
// ("2010 [19]", "Gu [1]"). Some exponents sit a little apart from their
// base, as italic letters set them.
func SuperscriptKinds() (pdf []byte, truthText string) {
	const size, sup, rise = 11.0, 7.0, 3.8
	norm := fmt.Sprintf("0 Ts /F1 %g Tf", size)
	raise := fmt.Sprintf("%g Ts /F1 %g Tf", rise, sup)
	type part struct {
		text   string
		raised bool
		gap    float64 // TJ adjustment before it, thousandths of an em (negative moves right)
	}
	lines := [][]part{
		{{"Heterogeneity was high (I", false, 0}, {"2", true, -300}, {" = 84%) across the trials.", false, 0}},
		{{"The test gave Chi", false, 0}, {"2", true, -250}, {" = 5.87 with two degrees of freedom.", false, 0}},
		{{"The scale was first reported in 2010", false, 0}, {"19", true, 0}, {" and validated later.", false, 0}},
		{{"Wenjie Gu", false, 0}, {"1", true, 0}, {", Pei Wang", false, 0}, {"1,2", true, 0}, {" and Ana Li", false, 0}, {"2", true, 0}},
		{{"Each ward had an area of 12 m", false, 0}, {"2", true, 0}, {" or more.", false, 0}},
		{{"The clearance rate was 3 s", false, 0}, {"-1", true, 0}, {" in every sample.", false, 0}},
		{{"A culture grew 5 \xd7 10", false, 0}, {"5", true, 0}, {" colonies per millilitre.", false, 0}},
	}
	var content strings.Builder
	y := 720.0
	for _, ln := range lines {
		fmt.Fprintf(&content, "BT %s 72 %g Td ", norm, y)
		for _, p := range ln {
			if p.raised {
				content.WriteString(raise + " ")
			} else {
				content.WriteString(norm + " ")
			}
			fmt.Fprintf(&content, "[%g %s] TJ ", p.gap, LiteralString(p.text))
		}
		content.WriteString("ET\n")
		y -= 40
	}
	var t truth
	t.add("Heterogeneity was high (I^2 = 84%) across the trials.")
	t.add("The test gave Chi^2 = 5.87 with two degrees of freedom.")
	t.add("The scale was first reported in 2010 [19] and validated later.")
	t.add("Wenjie Gu [1], Pei Wang [1,2] and Ana Li [2]")
	t.add("Each ward had an area of 12 m^2 or more.")
	t.add("The clearance rate was 3 s^-1 in every sample.")
	t.add("A culture grew 5 × 10^5 colonies per millilitre.")
	return NewDoc(content.String()).Bytes(), t.String()
}
