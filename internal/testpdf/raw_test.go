package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// xrefEntries parses the classic cross-reference table of a file Raw wrote:
// one subsection from object 0.
func xrefEntries(tb testing.TB, pdf []byte) (offsets []int, free []bool) {
	tb.Helper()
	at := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if at < 0 {
		tb.Fatalf("no xref table in:\n%s", pdf)
	}
	lines := strings.Split(string(pdf[at+len("\nxref\n"):]), "\n")
	var first, count int
	if _, err := fmt.Sscanf(lines[0], "%d %d", &first, &count); err != nil || first != 0 {
		tb.Fatalf("xref subsection header %q: %v", lines[0], err)
	}
	for i := 1; i <= count; i++ {
		line := lines[i] + "\n"
		if len(line) != 20 {
			tb.Errorf("xref entry %d is %d bytes, want 20: %q", i-1, len(line), line)
		}
		off, err := strconv.Atoi(line[:10])
		if err != nil {
			tb.Fatalf("xref entry %q: %v", line, err)
		}
		offsets = append(offsets, off)
		free = append(free, line[17] == 'f')
	}
	return offsets, free
}

func startxref(tb testing.TB, pdf []byte) int {
	tb.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		tb.Fatalf("no startxref in file")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestRawXrefOffsetsPointAtTheirObjects(t *testing.T) {
	d := NewDoc(TextAt(72, 700, 12, "Hello (world)"), TextAt(72, 700, 12, "Second page"))
	missing := d.Reserve() // never set: must be a free entry
	pdf := d.Bytes()

	offsets, free := xrefEntries(t, pdf)
	if len(offsets) != d.Len()+1 {
		t.Fatalf("xref has %d entries, want %d", len(offsets), d.Len()+1)
	}
	for n := 1; n < len(offsets); n++ {
		if n == missing {
			if !free[n] {
				t.Errorf("reserved object %d that was never set is not a free entry", n)
			}
			continue
		}
		want := fmt.Sprintf("%d 0 obj\n", n)
		if !bytes.HasPrefix(pdf[offsets[n]:], []byte(want)) {
			t.Errorf("xref entry %d points at %q, want %q", n, pdf[offsets[n]:offsets[n]+12], want)
		}
	}
	if !free[0] || offsets[0] != missing {
		t.Errorf("free list head = %d (free %v), want the first free object %d", offsets[0], free[0], missing)
	}
	if sx := startxref(t, pdf); !bytes.HasPrefix(pdf[sx:], []byte("xref\n")) {
		t.Errorf("startxref %d points at %q, want the xref keyword", sx, pdf[sx:sx+8])
	}
	if _, xref := d.Offsets(); xref != startxref(t, pdf) {
		t.Errorf("Offsets says xref at %d, file says %d", xref, startxref(t, pdf))
	}
}

func TestRawFileOpensInPoppler(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"classic xref table", Options{}},
		{"cross-reference stream", Options{XrefStream: true, Header: "%PDF-1.5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDoc(TextAt(72, 700, 12, "Hello (world)"), TextAt(72, 700, 12, "Second page"))
			out := pdftotext(t, d.BytesWith(tc.opt))
			if got, want := words(out), words("Hello (world)\fSecond page"); firstDifference(got, want) != "" {
				t.Errorf("pdftotext: %s", firstDifference(got, want))
			}
			if strings.Count(out, "\f") != 2 {
				t.Errorf("pdftotext saw %d pages, want 2", strings.Count(out, "\f"))
			}
		})
	}
}

func TestRawXrefStreamRowsPointAtTheirObjects(t *testing.T) {
	d := NewDoc(TextAt(72, 700, 12, "x"))
	free := d.Reserve()
	pdf := d.BytesWith(Options{XrefStream: true})
	sx := startxref(t, pdf)
	self := d.Len() + 1
	if want := fmt.Sprintf("%d 0 obj\n<< /Length ", self); !bytes.HasPrefix(pdf[sx:], []byte(want)) {
		t.Fatalf("startxref points at %q, want the xref stream object %d", pdf[sx:sx+20], self)
	}
	data := pdf[bytes.Index(pdf[sx:], []byte("stream\n"))+sx+len("stream\n"):]
	for n := 0; n <= self; n++ {
		row := data[n*7 : n*7+7]
		off := int(row[1])<<24 | int(row[2])<<16 | int(row[3])<<8 | int(row[4])
		switch {
		case n == 0 || n == free:
			if row[0] != 0 {
				t.Errorf("row %d has type %d, want 0 (free)", n, row[0])
			}
		case !bytes.HasPrefix(pdf[off:], fmt.Appendf(nil, "%d 0 obj\n", n)):
			t.Errorf("row %d points at %q", n, pdf[off:off+10])
		}
	}
}

func TestRawOptionsBreakTheFileAsAsked(t *testing.T) {
	d := NewDoc(TextAt(72, 700, 12, "x"))
	good := d.Bytes()
	objs, xref := d.Offsets()
	for _, tc := range []struct {
		name  string
		opt   Options
		check func(t *testing.T, pdf []byte)
	}{
		{"header is replaced", Options{Header: "%PDF-2.0"}, func(t *testing.T, pdf []byte) {
			if !bytes.HasPrefix(pdf, []byte("%PDF-2.0\n")) {
				t.Errorf("file starts %q", pdf[:10])
			}
		}},
		{"junk comes before the header and after EOF", Options{Prefix: []byte("JUNK"), Suffix: []byte("TAIL")}, func(t *testing.T, pdf []byte) {
			if !bytes.HasPrefix(pdf, []byte("JUNK%PDF-1.7")) || !bytes.HasSuffix(pdf, []byte("%%EOF\nTAIL")) {
				t.Errorf("file is %q … %q", pdf[:12], pdf[len(pdf)-10:])
			}
			// The prefix shifts every object, the table does not know.
			offsets, _ := xrefEntries(t, pdf)
			if offsets[1] != objs[1] {
				t.Errorf("entry 1 = %d, want the unshifted %d", offsets[1], objs[1])
			}
		}},
		{"xref table is left out", Options{OmitXref: true}, func(t *testing.T, pdf []byte) {
			if bytes.Contains(pdf, []byte("\nxref\n")) {
				t.Error("file still has an xref table")
			}
			if sx := startxref(t, pdf); !bytes.HasPrefix(pdf[sx:], []byte("trailer")) {
				t.Errorf("startxref points at %q", pdf[sx:sx+8])
			}
		}},
		{"startxref is off by the delta", Options{StartXrefDelta: -7}, func(t *testing.T, pdf []byte) {
			if got := startxref(t, pdf); got != xref-7 {
				t.Errorf("startxref = %d, want %d", got, xref-7)
			}
		}},
		{"every entry is off by the delta", Options{EntryDelta: 3}, func(t *testing.T, pdf []byte) {
			offsets, free := xrefEntries(t, pdf)
			for n := 1; n < len(offsets); n++ {
				if !free[n] && offsets[n] != objs[n]+3 {
					t.Errorf("entry %d = %d, want %d", n, offsets[n], objs[n]+3)
				}
			}
		}},
		{"prev points at its own section", Options{PrevToSelf: true}, func(t *testing.T, pdf []byte) {
			if !bytes.Contains(pdf, fmt.Appendf(nil, "/Prev %d >>", xref)) {
				t.Errorf("trailer has no /Prev %d: %s", xref, pdf[xref:])
			}
		}},
		{"trailer gets the extra entries and loses root", Options{TrailerExtra: "/Encrypt 99 0 R", OmitRoot: true}, func(t *testing.T, pdf []byte) {
			tr := pdf[bytes.Index(pdf, []byte("trailer")):]
			if !bytes.Contains(tr, []byte("/Encrypt 99 0 R")) || bytes.Contains(tr, []byte("/Root")) {
				t.Errorf("trailer is %s", tr)
			}
		}},
		{"EOF marker is left out", Options{OmitEOF: true}, func(t *testing.T, pdf []byte) {
			if bytes.Contains(pdf, []byte("%%EOF")) {
				t.Error("file still has the EOF marker")
			}
		}},
		{"file is cut short", Options{Truncate: 100}, func(t *testing.T, pdf []byte) {
			if len(pdf) != 100 || !bytes.Equal(pdf, good[:100]) {
				t.Errorf("got %d bytes, want the first 100 of the good file", len(pdf))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.check(t, d.BytesWith(tc.opt))
		})
	}
}

func TestRawFlateStreamInflatesToItsData(t *testing.T) {
	r := New()
	want := bytes.Repeat([]byte("BT ET\n"), 100)
	n := r.AddFlateStream("/Type /Test", want)
	pdf := r.Bytes()
	objs, _ := r.Offsets()
	body := pdf[objs[n]:]
	if !bytes.Contains(body[:80], []byte("/Filter /FlateDecode /Type /Test")) {
		t.Errorf("stream dictionary is %q", body[:80])
	}
	start := bytes.Index(body, []byte("stream\n")) + len("stream\n")
	zr, err := zlib.NewReader(bytes.NewReader(body[start:]))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("inflated %d bytes, want %d", len(got), len(want))
	}
}

func TestSetObjectOnAnUnallocatedNumberPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("SetObject(5) on an empty writer did not panic")
		}
	}()
	New().SetObject(5, "null")
}

func TestStringEncoders(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"literal escapes parens and backslash", LiteralString(`a(b)\c`), `(a\(b\)\\c)`},
		{"literal writes high bytes as octal", LiteralString("\x0c\xff"), `(\014\377)`},
		{"hex writes codes in upper case", HexString([]byte{0, 0xab}), "<00AB>"},
		{"utf16 has a BOM and surrogate pairs", UTF16String("fi𝛼"), "<FEFF00660069D835DEFC>"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, tc.got, tc.want)
		}
	}
}
