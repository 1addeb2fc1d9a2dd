package pdfextract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/testpdf"
)

// Opening and repair: files the library refuses but viewers open.

const hello = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET"

func allText(pages []PageGlyphs) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(glyphString(p.Glyphs))
	}
	return b.String()
}

func TestOpenRepairs(t *testing.T) {
	doc := testpdf.NewDoc(hello, "BT /F1 12 Tf 72 700 Td (World) Tj ET")
	tests := []struct {
		name string
		pdf  []byte
	}{
		{"well-formed", doc.Bytes()},
		{"PDF 2.0 header", doc.BytesWith(testpdf.Options{Header: "%PDF-2.0"})},
		{"header followed by a comment on its line", doc.BytesWith(testpdf.Options{Header: "%PDF-1.4 %\xe2\xe3\xcf\xd3 binary"})},
		{"junk before the header", doc.BytesWith(testpdf.Options{Prefix: []byte("Content-Type: application/pdf\r\n\r\n")})},
		{"junk after %%EOF", doc.BytesWith(testpdf.Options{Suffix: []byte("\n<html>a download page</html>\n" + strings.Repeat("x", 300))})},
		{"no %%EOF", doc.BytesWith(testpdf.Options{OmitEOF: true})},
		{"startxref points nowhere", doc.BytesWith(testpdf.Options{StartXrefDelta: 7})},
		{"every xref offset is wrong", doc.BytesWith(testpdf.Options{EntryDelta: 3})},
		{"no xref table", doc.BytesWith(testpdf.Options{OmitXref: true})},
		{"no /Root in the trailer", doc.BytesWith(testpdf.Options{OmitRoot: true})},
		{"xref /Prev points at itself", doc.BytesWith(testpdf.Options{PrevToSelf: true})},
		{"cross-reference stream", doc.BytesWith(testpdf.Options{XrefStream: true})},
		{"cross-reference stream at a wrong offset", doc.BytesWith(testpdf.Options{XrefStream: true, StartXrefDelta: 5})},
		{"header line too short to rewrite in place", append([]byte("%PDF-1\n"), doc.Bytes()[len("%PDF-1.7\n"):]...)},
		{"no startxref", cutLine(t, doc.Bytes(), "startxref", 2)},
		{"startxref past the end of the file", replaceStartxref(t, doc.Bytes(), "99999999")},
		{"startxref not a number", replaceStartxref(t, doc.Bytes(), "abc")},
		{"xref rows garbled", garbleXrefRows(t, doc.Bytes())},
		{"xref table cut short", cutXrefRows(t, doc.Bytes())},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := PageGlyphsOf(tc.pdf, Options{})
			if err != nil {
				t.Fatalf("PageGlyphsOf: %v", err)
			}
			if got := allText(pages); got != "HelloWorld" {
				t.Errorf("text %q from %d pages, want HelloWorld", got, len(pages))
			}
		})
	}
}

func TestOpenRepairsOneMisplacedObject(t *testing.T) {
	doc := testpdf.NewDoc(hello, "BT /F1 12 Tf 72 700 Td (World) Tj ET")
	pdf := doc.Bytes()
	// Move page 2's content stream by inserting bytes before it: the xref
	// still points at the old offset, so only page 2 breaks.
	objs, _ := doc.Offsets()
	at := objs[doc.Contents[1]]
	broken := append(append(bytes.Clone(pdf[:at]), "          "...), pdf[at:]...)
	pages, err := PageGlyphsOf(broken, Options{})
	if err != nil {
		t.Fatalf("PageGlyphsOf: %v", err)
	}
	if got := allText(pages); got != "HelloWorld" {
		t.Errorf("text %q, want HelloWorld", got)
	}
}

// Objects inside an object stream that no xref entry describes are found
// by the repair scan, which reads the object stream.
func TestRepairReadsObjectStreams(t *testing.T) {
	r := testpdf.New()
	font := r.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	content := r.AddStream("", []byte(hello))
	// Objects 10 (catalog), 11 (pages), 12 (page) live in an object stream.
	objs := []string{
		"<< /Type /Catalog /Pages 11 0 R >>",
		"<< /Type /Pages /Kids [12 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 11 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, content),
	}
	var header, body strings.Builder
	for i, o := range objs {
		fmt.Fprintf(&header, "%d %d ", 10+i, body.Len())
		body.WriteString(o + "\n")
	}
	data := header.String() + "\n" + body.String()
	r.AddFlateStream(fmt.Sprintf("/Type /ObjStm /N 3 /First %d", header.Len()+1), []byte(data))
	pdf := r.Bytes() // no /Root: the trailer knows nothing of the catalog
	pages, err := PageGlyphsOf(pdf, Options{})
	if err != nil {
		t.Fatalf("PageGlyphsOf: %v", err)
	}
	if got := allText(pages); got != "Hello" {
		t.Errorf("text %q, want Hello", got)
	}
}

func TestOpenErrors(t *testing.T) {
	doc := testpdf.NewDoc(hello)
	cycle := testpdf.NewDoc(hello)
	cycle.SetObject(cycle.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", cycle.Pages))
	tests := []struct {
		name string
		pdf  []byte
		want error
	}{
		{"empty file", nil, appraise.ErrNotPDF},
		{"a text file", []byte("Dear colleague, please find the paper attached."), appraise.ErrNotPDF},
		{"header after the first kilobyte", append(bytes.Repeat([]byte(" "), 2000), doc.Bytes()...), appraise.ErrNotPDF},
		{"a PDF header and nothing else", []byte("%PDF-1.7\n"), appraise.ErrDamaged},
		{"objects but no catalog", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Font >>\nendobj\n"), appraise.ErrDamaged},
		{"page tree that only contains itself", cycle.Bytes(), appraise.ErrDamaged},
		{"truncated in the middle of the first object", doc.BytesWith(testpdf.Options{Truncate: 40}), appraise.ErrDamaged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PageGlyphsOf(tc.pdf, Options{})
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestPageTreeIsWalkedSafely(t *testing.T) {
	t.Run("a kid pointing back at the root is skipped", func(t *testing.T) {
		d := testpdf.NewDoc(hello)
		d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", d.PageObjs[0], d.Pages))
		pages, err := PageGlyphsOf(d.Bytes(), Options{})
		if err != nil || len(pages) != 1 || allText(pages) != "Hello" {
			t.Errorf("got %d pages %q, %v; want the one real page", len(pages), allText(pages), err)
		}
	})
	t.Run("a huge /Count is not trusted", func(t *testing.T) {
		d := testpdf.NewDoc(hello)
		d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 2000000000 >>", d.PageObjs[0]))
		pages, err := PageGlyphsOf(d.Bytes(), Options{})
		if err != nil || len(pages) != 1 {
			t.Errorf("got %d pages, %v", len(pages), err)
		}
	})
	t.Run("MaxPages stops early", func(t *testing.T) {
		pages, err := PageGlyphsOf(testpdf.NewDoc(hello, hello, hello).Bytes(), Options{MaxPages: 2})
		if err != nil || len(pages) != 2 {
			t.Errorf("got %d pages, %v; want 2", len(pages), err)
		}
	})
	t.Run("a missing kid is skipped", func(t *testing.T) {
		d := testpdf.NewDoc(hello)
		d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [999 0 R %d 0 R] /Count 2 >>", d.PageObjs[0]))
		pages, err := PageGlyphsOf(d.Bytes(), Options{})
		if err != nil || allText(pages) != "Hello" {
			t.Errorf("got %q, %v", allText(pages), err)
		}
	})
}

func TestContentStreamLimits(t *testing.T) {
	t.Run("a flate bomb in the content stream is too large", func(t *testing.T) {
		d := testpdf.NewDoc()
		bomb := bytes.Repeat([]byte(" "), maxContentBytes+1024)
		d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /FlateDecode", testpdf.Deflate(bomb)))
		_, err := PageGlyphsOf(d.Bytes(), Options{})
		if !errors.Is(err, appraise.ErrTooLarge) {
			t.Errorf("error %v, want ErrTooLarge", err)
		}
	})
	t.Run("a corrupt flate stream keeps what decoded", func(t *testing.T) {
		d := testpdf.NewDoc()
		var filler strings.Builder
		for i := range 4000 {
			fmt.Fprintf(&filler, "%d %d m\n", i*7919%10007, i*104729%1009)
		}
		z := testpdf.Deflate([]byte(hello + "\n" + filler.String() + "BT /F1 12 Tf 72 600 Td (Lost) Tj ET"))
		d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /FlateDecode", z[:len(z)/2]))
		pages, err := PageGlyphsOf(d.Bytes(), Options{})
		if err != nil || allText(pages) != "Hello" {
			t.Errorf("got %q, %v; want Hello", allText(pages), err)
		}
	})
	t.Run("an unsupported filter gives an empty page, not a failure", func(t *testing.T) {
		d := testpdf.NewDoc(hello, hello)
		d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /JBIG2Decode", []byte("xx")))
		pages, err := PageGlyphsOf(d.Bytes(), Options{})
		if err != nil || len(pages) != 2 || allText(pages) != "Hello" {
			t.Errorf("got %d pages %q, %v", len(pages), allText(pages), err)
		}
	})
}

func TestExtractBytesTypedErrors(t *testing.T) {
	tests := []struct {
		name string
		pdf  []byte
		want error
	}{
		{"blank pages say there is nothing to read", testpdf.NewDoc("", "").Bytes(), appraise.ErrNoTextNoImages},
		{"vector drawing only says there is nothing to read", testpdf.NewDoc("0 0 m 100 100 l S", "").Bytes(), appraise.ErrNoTextNoImages},
		{"a page image without text looks scanned", imagePageDoc(t), appraise.ErrNoTextLayer},
		{"an inline image without text looks scanned", testpdf.NewDoc("q 100 0 0 100 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q\n").Bytes(), appraise.ErrNoTextLayer},
		{"a corrupt Flate stream is damaged, not scanned", corruptContentDoc(t, "/Filter /FlateDecode", "x\x9c\xff\xfe garbage that is not deflate"), appraise.ErrDamaged},
		{"an unknown filter is damaged, not scanned", corruptContentDoc(t, "/Filter /NoSuchDecode", "BT /F1 12 Tf (Hello) Tj ET"), appraise.ErrDamaged},
		{"a file truncated inside its only page's content is damaged, not scanned", truncatedDoc(t), appraise.ErrDamaged},
		{"not a PDF", []byte("GIF89a"), appraise.ErrNotPDF},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ExtractBytes(tc.pdf, Options{})
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestObjectStreamExtendsCycles(t *testing.T) {
	stm := func(num int, extends string) string {
		return fmt.Sprintf("%d 0 obj\n<< /Type /ObjStm /N 1 /First 4 %s /Length 10 >>\nstream\n9 0 <<>>\nendstream\nendobj\n", num, extends)
	}
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"no /Extends", stm(5, ""), false},
		{"a stream extending itself", stm(5, "/Extends 5 0 R"), true},
		{"two streams extending each other", stm(5, "/Extends 6 0 R") + stm(6, "/Extends 5 0 R"), true},
		{"a chain", stm(5, "/Extends 6 0 R") + stm(6, "/Extends 7 0 R") + stm(7, ""), false},
		{"two chains joining", stm(5, "/Extends 7 0 R") + stm(6, "/Extends 7 0 R") + stm(7, "/Extends 8 0 R") + stm(8, ""), false},
		{"a chain running into a loop", stm(5, "/Extends 6 0 R") + stm(6, "/Extends 7 0 R") + stm(7, "/Extends 6 0 R"), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := objStmExtendsCycle([]byte("%PDF-1.5\n" + tc.data)); got != tc.want {
				t.Errorf("objStmExtendsCycle = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPageListedManyTimesIsReadOnce(t *testing.T) {
	d := testpdf.NewDoc(hello)
	kids := strings.Repeat(fmt.Sprintf("%d 0 R ", d.PageObjs[0]), 5000)
	d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 5000 >>", kids))
	pages, err := PageGlyphsOf(d.Bytes(), Options{})
	if err != nil || len(pages) != 1 {
		t.Errorf("got %d pages, %v; want the page once", len(pages), err)
	}
}

func TestStreamDataIsTheObjectsOwn(t *testing.T) {
	const file = "1 0 obj\n<< /Type /ObjStm /N 1 /First 4 >>\nendobj\n" +
		"2 0 obj\n<< /Length 3 >>\r\nstream\r\nabc\nendstream\nendobj\n" +
		"3 0 obj\n<< /Length 3 /Nested << /A [1 2] >> >> stream\ndef\nendstream\nendobj\n"
	data := []byte(file)
	tests := []struct {
		name, obj string
		want      string // the bytes the data starts with; "" for no stream
	}{
		{"a dictionary without a stream has none, whatever follows it", "1 0 obj", ""},
		{"CR LF after the keyword", "2 0 obj", "abc"},
		{"keyword on the dictionary's line", "3 0 obj", "def"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at, ok := streamData(data, strings.Index(file, tc.obj))
			if tc.want == "" {
				if ok {
					t.Errorf("found stream data at %d (%.10q)", at, file[at:])
				}
				return
			}
			if !ok || !strings.HasPrefix(file[at:], tc.want) {
				t.Errorf("stream data at %d, %v; want the %q that follows the keyword", at, ok, tc.want)
			}
		})
	}
}

// imagePageDoc is a one-page document whose page draws a 1×1 image
// XObject and no text: a scan without OCR.
func imagePageDoc(tb testing.TB) []byte {
	tb.Helper()
	d := testpdf.NewDoc("q 500 0 0 700 50 50 cm /Im1 Do Q\n")
	img := d.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", []byte{0})
	d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>", d.Font, img))
	return d.Bytes()
}

// corruptContentDoc is a one-page document whose content stream has the
// given filter entry and data that filter cannot decode.
func corruptContentDoc(tb testing.TB, filter, data string) []byte {
	tb.Helper()
	d := testpdf.NewDoc("")
	d.SetObjectBytes(d.Contents[0], testpdf.StreamBody(filter, []byte(data)))
	return d.Bytes()
}

// truncatedDoc is a one-page document with text, cut off in the middle
// of its content stream.
func truncatedDoc(tb testing.TB) []byte {
	tb.Helper()
	b := testpdf.NewDoc(testpdf.TextAt(72, 700, 12, "Hello, this page has text")).Bytes()
	i := bytes.Index(b, []byte("BT /F1"))
	if i < 0 {
		tb.Fatal("no content stream")
	}
	return b[:i+3]
}

// cutLine removes n lines starting at the last line that begins with
// prefix.
func cutLine(tb testing.TB, data []byte, prefix string, n int) []byte {
	tb.Helper()
	i := bytes.LastIndex(data, []byte("\n"+prefix))
	if i < 0 {
		tb.Fatalf("no %q line", prefix)
	}
	j := i + 1
	for range n {
		k := bytes.IndexByte(data[j:], '\n')
		if k < 0 {
			j = len(data)
			break
		}
		j += k + 1
	}
	return append(bytes.Clone(data[:i+1]), data[j:]...)
}

// replaceStartxref replaces the offset after the last startxref.
func replaceStartxref(tb testing.TB, data []byte, off string) []byte {
	tb.Helper()
	i := bytes.LastIndex(data, []byte("startxref\n"))
	if i < 0 {
		tb.Fatal("no startxref")
	}
	i += len("startxref\n")
	j := i + bytes.IndexByte(data[i:], '\n')
	return append(append(bytes.Clone(data[:i]), off...), data[j:]...)
}

// garbleXrefRows overwrites the rows of the xref table with junk of the
// same length.
func garbleXrefRows(tb testing.TB, data []byte) []byte {
	tb.Helper()
	i := bytes.LastIndex(data, []byte("\nxref\n"))
	j := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 || j < i {
		tb.Fatal("no xref table")
	}
	out := bytes.Clone(data)
	rows := i + len("\nxref\n0 99\n")
	for k := rows; k < j; k++ {
		if out[k] != '\n' {
			out[k] = 'z'
		}
	}
	return out
}

// cutXrefRows drops every row of the xref table after the first two.
func cutXrefRows(tb testing.TB, data []byte) []byte {
	tb.Helper()
	i := bytes.LastIndex(data, []byte("\nxref\n"))
	j := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 || j < i {
		tb.Fatal("no xref table")
	}
	keep := i + len("\nxref\n")
	for range 3 {
		keep += bytes.IndexByte(data[keep:], '\n') + 1
	}
	return append(bytes.Clone(data[:keep]), data[j:]...)
}
