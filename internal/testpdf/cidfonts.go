package testpdf

import (
	"fmt"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// CIDFonts is one page set in the Go fonts embedded as TrueType through
// fpdf's UTF-8 support: Type0 fonts with Identity-H encoding, CIDFontType2
// descendants with /W widths and a ToUnicode CMap. The text is full of
// what a WinAnsi font cannot show: Greek letters, µ, ≥, ±, en dashes,
// typographic quotes and accented names.
func CIDFonts() (pdf []byte, truthText string) {
	f := newFpdf()
	f.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
	f.AddUTF8FontFromBytes("gobold", "", gobold.TTF)
	if err := f.Error(); err != nil {
		panic(fmt.Sprintf("testpdf: Go fonts: %v", err))
	}
	f.AddPage()
	var t truth
	head := face{"gobold", "", 13, 17}
	body := face{"goregular", "", 10.5, 14}
	y := 90.0
	put := func(fc face, text string, gap float64) {
		lines := wrap(f, fc, text, 440)
		y = drawLines(f, fc, 72, y, lines) + gap
		t.add(lines...)
	}
	put(head, "β-blocker withdrawal in patients aged ≥ 65 years", 6)
	put(body, "Søren Ødegård, Zoë Müller and José Núñez", 12)
	put(body, "Patients received 2.5 µg/kg of the study drug; plasma levels of α-synuclein were "+
		"measured at 0, 6 and 12 hours. Mean systolic pressure fell by 12 ± 4 mmHg, and the effect "+
		"lasted 6–8 hours in most of the cohort.", 8)
	put(body, "Nurses described the infusion as “easy to manage” and none reported a reaction above "+
		"grade 2. Body temperature stayed below 37.5 °C throughout.", 0)
	return output(f), t.String()
}
