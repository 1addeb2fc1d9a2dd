package pdfextract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"

	"appraise.app/appraise/internal/testpdf"
)

// hostileCase is a malformed PDF built in Go, byte by byte: no third-party
// samples. Every one must end in text or a typed error within the limits,
// with the parent alive (TestHostileFiles, and FuzzExtract's seeds).
type hostileCase struct {
	name string
	pdf  func() []byte
	big  bool // megabytes, or seconds to build: not a fuzz seed
}

const hostileHello = "BT /F1 12 Tf 72 700 Td (Hello hostile world.) Tj ET\n"

func hostileCases() []hostileCase {
	return []hostileCase{
		{"page tree whose kids are itself", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", d.Pages))
			return d.Bytes()
		}, false},
		{"page tree cycle through an intermediate node", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			mid := d.Reserve()
			d.SetObject(mid, fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R %d 0 R] /Count 2 >>", d.Pages, d.Pages, d.PageObjs[0]))
			d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 2 >>", mid))
			return d.Bytes()
		}, false},
		{"huge page count", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 2147483647 >>", d.PageObjs[0]))
			return d.Bytes()
		}, false},
		{"a million kids that are the same page", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			kids := strings.Repeat(fmt.Sprintf("%d 0 R ", d.PageObjs[0]), 1_000_000)
			d.SetObject(d.Pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1000000 >>", kids))
			return d.Bytes()
		}, true},
		{"xref /Prev pointing at itself", func() []byte {
			return testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{PrevToSelf: true})
		}, false},
		{"xref stream /Prev pointing at itself", func() []byte {
			return testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{XrefStream: true, PrevToSelf: true})
		}, false},
		{"object stream /Extends cycle", extendsCycle, false},
		{"unterminated literal string in the content", func() []byte {
			return testpdf.NewDoc("BT /F1 12 Tf 72 700 Td (Hello never closed Tj ET\n").Bytes()
		}, false},
		{"unterminated hex string in the content", func() []byte {
			return testpdf.NewDoc("BT /F1 12 Tf 72 700 Td <48656c6c6f Tj ET\n").Bytes()
		}, false},
		{"unterminated literal string in an object", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetInfo(d.AddObject("<< /Title (Never closed /Author (x) >>"))
			return d.Bytes()
		}, false},
		{"unterminated hex string in an object", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetInfo(d.AddObject("<< /Title <4e657665722 /Author (x) >>"))
			return d.Bytes()
		}, false},
		{"flate bomb as the content stream", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /FlateDecode", zeroBomb(1<<30)))
			return d.Bytes()
		}, true},
		{"flate bomb as the ToUnicode map", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			bomb := d.AddObjectBytes(testpdf.StreamBody("/Filter /FlateDecode", zeroBomb(1<<30)))
			d.SetObject(d.Font, fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode %d 0 R >>", bomb))
			return d.Bytes()
		}, true},
		{"arrays nested a million deep in the page", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
			d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %d 0 R /Contents %d 0 R /Junk %s >>",
				d.Pages, d.Resources, d.Contents[0], deep))
			return d.Bytes()
		}, true},
		{"dictionaries nested a million deep in the catalog", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			deep := strings.Repeat("<< /A ", 1_000_000) + strings.Repeat(">> ", 1_000_000)
			d.SetObject(d.Catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Junk %s >>", d.Pages, deep))
			return d.Bytes()
		}, true},
		{"arrays nested a million deep in the content", func() []byte {
			return testpdf.NewDoc("BT /F1 12 Tf 72 700 Td " + strings.Repeat("[", 1_000_000) + "(x)" + strings.Repeat("]", 1_000_000) + " TJ ET\n").Bytes()
		}, true},
		{"truncated in the middle", func() []byte {
			b := testpdf.NewDoc(hostileHello, hostileHello).Bytes()
			return b[:len(b)/2]
		}, false},
		{"truncated after the header", func() []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog") }, false},
		{"xref offsets all wrong", func() []byte {
			return testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{EntryDelta: 7})
		}, false},
		{"startxref past the end", func() []byte {
			return testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{StartXrefDelta: 1 << 20})
		}, false},
		{"no xref and no trailer root", func() []byte {
			return testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{OmitXref: true, OmitRoot: true})
		}, false},
		{"a million text operators on one page", func() []byte {
			ops := strings.Repeat("1 0 Td (x) Tj\n", 1_000_000)
			d := testpdf.NewDoc(hostileHello)
			d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /FlateDecode", testpdf.Deflate([]byte("BT /F1 1 Tf 0 700 Td\n"+ops+"ET\n"))))
			return d.Bytes()
		}, true},
		{"a million graphics operators on one page", func() []byte {
			ops := strings.Repeat("q 1 0 0 1 0 0 cm Q\n", 1_000_000)
			d := testpdf.NewDoc(hostileHello)
			d.SetObjectBytes(d.Contents[0], testpdf.StreamBody("/Filter /FlateDecode", testpdf.Deflate([]byte(ops+hostileHello))))
			return d.Bytes()
		}, true},
		{"font with a broken ToUnicode map", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange " +
				"2 beginbfrange <20> <7E> [<0041> <00 <48> <FFFFFFFF> <0042> endbfrange 99999999 beginbfchar <48> <D800> <65> endcmap"
			tu := d.AddStream("", []byte(cmap))
			d.SetObject(d.Font, fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode %d 0 R >>", tu))
			return d.Bytes()
		}, false},
		{"Type0 font whose descendant and ToUnicode are garbage", func() []byte {
			d := testpdf.NewDoc("BT /F1 12 Tf 72 700 Td <00480065006c006c006f> Tj ET\n")
			tu := d.AddStream("", []byte("begincmap 1 beginbfrange <0000> <FFFF> <0000"))
			desc := d.AddObject("<< /Type /Font /Subtype /CIDFontType2 /W [0 [1 2 3 [4 5 [6]]] 99999999999 99999999999 1000] /DW -5 >>")
			d.SetObject(d.Font, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
			return d.Bytes()
		}, false},
		{"form XObject that draws itself", func() []byte {
			d := testpdf.NewDoc("/X1 Do\n" + hostileHello)
			form := d.Reserve()
			d.SetObjectBytes(form, testpdf.StreamBody(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 %d 0 R >> >>", form), []byte("/X1 Do /X1 Do\n")))
			d.SetObject(d.Resources, fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", d.Font, form))
			return d.Bytes()
		}, false},
		{"inline image without an end", func() []byte {
			return testpdf.NewDoc(hostileHello + "BI /W 100 /H 100 /BPC 8 /CS /G ID " + strings.Repeat("\x00\xff", 5000)).Bytes()
		}, true},
		{"stream whose length runs past the end", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			d.SetObjectBytes(d.Contents[0], []byte("<< /Length 999999999 >>\nstream\n"+hostileHello+"endstream"))
			return d.Bytes()
		}, false},
		{"object that is a reference to itself", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			self := d.Reserve()
			d.SetObject(self, fmt.Sprintf("%d 0 R", self))
			d.SetObject(d.Catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Metadata %d 0 R >>", d.Pages, self))
			d.SetObject(d.PageObjs[0], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox %d 0 R /Resources %d 0 R /Contents %d 0 R >>",
				d.Pages, self, d.Resources, d.Contents[0]))
			return d.Bytes()
		}, false},
		{"not a PDF at all", func() []byte { return []byte("GIF89a this is a picture, honestly") }, false},
		{"empty file", func() []byte { return nil }, false},
		{"encrypted with an unknown filter", func() []byte {
			d := testpdf.NewDoc(hostileHello)
			enc := d.AddObject("<< /Filter /Nonsense /V 9 /R 9 /O <00> /U <00> /P -4 >>")
			return d.BytesWith(testpdf.Options{TrailerExtra: fmt.Sprintf("/Encrypt %d 0 R /ID [<01> <01>]", enc)})
		}, false},
		{"tiny file defining object 2147483647", hugeObjectNumber, false},
		{"xref table subsection at object 2147483646", hugeXrefSubsection, false},
		{"xref stream with /Size 2147483647", hugeXrefStreamSize, false},
	}
}

// hugeObjectNumber is a file of a few hundred bytes whose page tree is
// object 2147483647: a reader whose cross-reference table is indexed by
// object number allocates gigabytes for it.
func hugeObjectNumber() []byte {
	return withXrefTable("%PDF-1.4\n",
		"1 0 obj\n<< /Type /Catalog /Pages 2147483647 0 R >>\nendobj\n",
		"2147483647 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
}

// hugeXrefSubsection declares one object in a subsection starting at
// 2147483646.
func hugeXrefSubsection() []byte {
	d := testpdf.NewDoc(hostileHello).Bytes()
	i := bytes.Index(d, []byte("\nxref\n"))
	j := bytes.Index(d, []byte("trailer"))
	return append(append(bytes.Clone(d[:i]), fmt.Sprintf("\nxref\n0 1\n0000000000 65535 f \n2147483646 1\n%010d 00000 n \n", 9)...), d[j:]...)
}

// hugeXrefStreamSize is a document whose cross-reference stream claims
// 2147483647 entries.
func hugeXrefStreamSize() []byte {
	b := testpdf.NewDoc(hostileHello).BytesWith(testpdf.Options{XrefStream: true})
	return bytes.Replace(b, []byte("/Type /XRef /Size "), []byte("/Type /XRef /Size 2147483647 /OldSize "), 1)
}

// withXrefTable joins a header and object definitions and appends a
// classic cross-reference table (objects 0 and 1 only) and trailer.
func withXrefTable(header string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	first := b.Len()
	for _, o := range objs {
		b.WriteString(o)
	}
	at := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", first, at)
	return b.Bytes()
}

// zeroBomb is n zero bytes, zlib-compressed (about n/1000 bytes).
func zeroBomb(n int) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	chunk := make([]byte, 1<<20)
	for written := 0; written < n; written += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	return b.Bytes()
}

// extendsCycle is a PDF 1.5 file with a cross-reference stream that puts
// the page tree in an object stream which does not hold it and /Extends
// itself: a reader that follows /Extends to find the object loops forever.
func extendsCycle() []byte {
	var b bytes.Buffer
	off := map[int]int{}
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	obj := func(n int, body []byte) {
		off[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}
	obj(1, []byte("<< /Type /Catalog /Pages 2 0 R >>"))
	// Object 2 (the page tree) is said to live in stream 5, which lists only object 9.
	content := []byte(hostileHello)
	obj(3, []byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>"))
	obj(4, testpdf.StreamBody("", content))
	inner := "9 0 << /Nothing true >>"
	obj(5, testpdf.StreamBody("/Type /ObjStm /N 1 /First 4 /Extends 5 0 R", []byte(inner)))
	obj(6, []byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"))
	xrefAt := b.Len()
	var rows bytes.Buffer
	row := func(t byte, f2, f3 int) {
		rows.Write([]byte{t, byte(f2 >> 24), byte(f2 >> 16), byte(f2 >> 8), byte(f2), byte(f3 >> 8), byte(f3)})
	}
	row(0, 0, 0xffff)
	row(1, off[1], 0)
	row(2, 5, 0) // object 2: in object stream 5, index 0
	row(1, off[3], 0)
	row(1, off[4], 0)
	row(1, off[5], 0)
	row(1, off[6], 0)
	row(1, xrefAt, 0)
	obj(7, testpdf.StreamBody("/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R", rows.Bytes()))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes()
}
