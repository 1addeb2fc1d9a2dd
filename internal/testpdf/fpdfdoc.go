package testpdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// newFpdf returns an fpdf document in points on US Letter with automatic
// page breaks off and fixed dates, so output is the same on every run.
func newFpdf() *fpdf.Fpdf {
	f := fpdf.New("P", "pt", "Letter", "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	stamp := time.Date(2024, time.January, 15, 12, 0, 0, 0, time.UTC)
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	return f
}

// output finishes the document. fpdf errors here come from this package's
// own fixed input, so they are bugs: panic with the reason.
func output(f *fpdf.Fpdf) []byte {
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		panic(fmt.Sprintf("testpdf: fpdf: %v", err))
	}
	return b.Bytes()
}

// face is a font and size for fpdf.
type face struct {
	family, style string
	size, leading float64
}

// wrap breaks text into lines no wider than width in the face, at spaces
// (no hyphenation, so every line end is a word boundary).
func wrap(f *fpdf.Fpdf, fc face, text string, width float64) []string {
	f.SetFont(fc.family, fc.style, fc.size)
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && f.GetStringWidth(try) > width {
			lines = append(lines, cur)
			try = w
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// drawLines draws lines left-aligned at x, the first baseline at y, and
// returns the baseline after the last line.
func drawLines(f *fpdf.Fpdf, fc face, x, y float64, lines []string) float64 {
	f.SetFont(fc.family, fc.style, fc.size)
	for _, ln := range lines {
		f.Text(x, y, ln)
		y += fc.leading
	}
	return y
}
