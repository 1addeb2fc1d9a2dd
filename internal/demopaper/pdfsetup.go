package demopaper

import (
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// family is the font family name registered with fpdf for the Go fonts.
const family = "go"

// fixedDate stamps the PDF's creation and modification dates, so that the
// output is the same bytes on every run.
func fixedDate() time.Time { return time.Date(2023, time.June, 12, 9, 0, 0, 0, time.UTC) }

// newPDF returns an fpdf document in points on A4 with the four Go faces
// registered as UTF-8 (Identity-H) fonts and every source of run-to-run
// difference pinned down.
func newPDF() (*fpdf.Fpdf, error) {
	f := fpdf.New("P", "pt", "A4", "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreationDate(fixedDate())
	f.SetModificationDate(fixedDate())
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	for _, face := range []struct {
		st  style
		ttf []byte
	}{{regular, goregular.TTF}, {bold, gobold.TTF}, {italic, goitalic.TTF}, {boldItalic, gobolditalic.TTF}} {
		f.AddUTF8FontFromBytes(family, face.st.fpdfStyle(), face.ttf)
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("set up PDF fonts: %w", err)
	}
	return f, nil
}

// measurer measures text in the same fonts on a page-less document, so that
// measuring never writes font changes into a page's content stream.
type measurer struct{ f *fpdf.Fpdf }

func newMeasurer() (*measurer, error) {
	f, err := newPDF()
	if err != nil {
		return nil, err
	}
	return &measurer{f}, nil
}

// width is the advance width of s in points.
func (m *measurer) width(s string, st style, size float64) float64 {
	m.f.SetFont(family, st.fpdfStyle(), size)
	return m.f.GetStringWidth(s)
}
