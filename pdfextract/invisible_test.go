package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// Invisible text (render mode 3): an OCR layer under a scan is the page's
// text even when the page also prints something visible; an invisible copy
// drawn under visible text is not read twice.
func TestInvisibleTextIsRead(t *testing.T) {
	ocr := "BT 3 Tr " + strings.TrimPrefix(testpdf.Lines("F1", 11, 72, 700, 14,
		"The scanned page holds the whole body of the paper in an",
		"invisible text layer that optical character recognition made."), "BT ")
	banner := testpdf.TextAt(72, 40, 7, "Downloaded from example.org on 4 May 2024")
	dupVisible := testpdf.TextAt(72, 600, 11, "Visible sentence printed once.")
	dupHidden := "BT 3 Tr /F1 11 Tf 72 600 Td (Visible sentence printed once.) Tj ET\n"
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"OCR layer with a visible banner", ocr + banner,
			"The scanned page holds the whole body of the paper in an invisible text layer that optical character recognition made.\n\nDownloaded from example.org on 4 May 2024"},
		{"OCR layer alone", ocr,
			"The scanned page holds the whole body of the paper in an invisible text layer that optical character recognition made."},
		{"invisible copy under visible text is read once", dupVisible + dupHidden,
			"Visible sentence printed once."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ExtractBytes(testpdf.NewDoc(tt.content).Bytes(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("got  %q\nwant %q", doc.Text, tt.want)
			}
		})
	}
}
