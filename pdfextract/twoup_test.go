package pdfextract

import (
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// twoUpDoc: a portrait sheet shown with /Rotate 270 as landscape, holding
// two logical pages side by side, each a heading and lines of text.
func twoUpDoc() []byte {
	var c strings.Builder
	show := func(dx, dyTop, size float64, s string) {
		ux, uy := 612-dyTop, 792-dx
		fmt.Fprintf(&c, "BT /F1 %g Tf 0 -1 1 0 %g %g Tm %s Tj ET\n", size, ux, uy, testpdf.LiteralString(s))
	}
	left := []string{"Patients were recruited from three clinics in the", "north of the region over two years, and each gave", "written consent before the first visit. The clinics", "serve a mixed urban and rural population of about", "two hundred thousand people, most of whom live", "within an hour of the nearest hospital, and the", "staff of each clinic screened every adult who came", "in with symptoms of depression during those years."}
	right := []string{"The primary outcome was the change in the score", "at twelve weeks, measured by a rater who did not", "know which treatment each patient received. The", "secondary outcomes were the rate of remission, the", "number of visits to a doctor for any reason, and", "the patients' own ratings of their quality of life", "at twelve and at twenty-four weeks, collected by", "post with a stamped envelope for the reply."}
	show(40, 60, 14, "Methods")
	for i, l := range left {
		show(40, 90+float64(i)*14, 10, l)
	}
	show(436, 60, 14, "Outcomes")
	for i, l := range right {
		show(436, 90+float64(i)*14, 10, l)
	}
	show(190, 580, 9, "12")
	show(586, 580, 9, "13")
	d := testpdf.NewDoc()
	d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("", []byte(c.String())))
	d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Rotate 270 /Resources %d 0 R /Contents %d 0 R >>", d.Pages, d.Resources, d.Contents[0]))
	return d.Bytes()
}

// A sheet turned by /Rotate 270 that prints two pages side by side reads
// as its two pages in order: each page's heading, then its text; the page
// numbers at their feet are furniture.
func TestTwoUpRotatedSheetReadsPageByPage(t *testing.T) {
	doc, err := ExtractBytes(twoUpDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(doc.Text, "\n\n")
	want := []string{"Methods", "Patients were recruited", "Outcomes", "The primary outcome"}
	if len(blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %q", len(blocks), len(want), doc.Text)
	}
	for i, w := range want {
		if !strings.HasPrefix(blocks[i], w) {
			t.Errorf("block %d = %.40q…, want it to start %q", i, blocks[i], w)
		}
	}
	if !strings.HasSuffix(blocks[1], "with symptoms of depression during those years.") {
		t.Errorf("left page's text is not whole: %q", blocks[1])
	}
}
