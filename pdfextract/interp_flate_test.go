package pdfextract

import (
	"bytes"
	"fmt"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// The document's reused inflater must give what the library's own reader
// gives, data and errors, whatever the stream; a file read with it and
// without it (as if encrypted: the library decodes everything) agree.
func TestInflaterReadsAsTheLibrary(t *testing.T) {
	content := longContent()
	z := testpdf.Deflate(content)
	corrupt := bytes.Clone(z)
	for i := len(corrupt) / 3; i < len(corrupt)/3+8; i++ {
		corrupt[i] ^= 0x5a
	}
	manual := func(dict string, data []byte) []byte {
		return append(append([]byte("<< "+dict+" >>\nstream\n"), data...), "\nendstream"...)
	}
	tests := []struct {
		name  string
		body  func(d *testpdf.Doc) []byte // the content stream object
		plain bool                        // the inflater reads it (else the library)
		whole bool                        // the whole content comes out
	}{
		{"plain Flate stream", func(*testpdf.Doc) []byte { return testpdf.StreamBody("/Filter /FlateDecode", z) }, true, true},
		{"Flate data cut short", func(*testpdf.Doc) []byte { return testpdf.StreamBody("/Filter /FlateDecode", z[:len(z)/2]) }, true, false},
		{"corrupt Flate data", func(*testpdf.Doc) []byte { return testpdf.StreamBody("/Filter /FlateDecode", corrupt) }, true, false},
		{"no zlib header", func(*testpdf.Doc) []byte { return testpdf.StreamBody("/Filter /FlateDecode", z[2:]) }, true, false},
		{"length past the end of the file", func(*testpdf.Doc) []byte { return manual("/Length 99999999 /Filter /FlateDecode", z) }, true, true},
		{"length in another object", func(d *testpdf.Doc) []byte {
			n := d.AddObject(fmt.Sprint(len(z)))
			return manual(fmt.Sprintf("/Length %d 0 R /Filter /FlateDecode", n), z)
		}, true, true},
		{"zero length", func(*testpdf.Doc) []byte { return manual("/Length 0 /Filter /FlateDecode", z) }, false, false},
		{"filter in an array", func(*testpdf.Doc) []byte { return testpdf.StreamBody("/Filter [/FlateDecode]", z) }, false, true},
		{"Flate with parameters", func(*testpdf.Doc) []byte {
			return testpdf.StreamBody("/Filter /FlateDecode /DecodeParms << /Columns 4 >>", z)
		}, false, true},
		{"no filter", func(*testpdf.Doc) []byte { return testpdf.StreamBody("", content) }, false, true},
	}
	reused := newDocCache() // one inflater across every case, errors included
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := testpdf.NewDoc()
			doc.SetObjectBytes(doc.Contents[0], tc.body(doc))
			d, err := openDocument(doc.Bytes(), "")
			if err != nil {
				t.Fatal(err)
			}
			v := d.r.Trailer().Key("Root").Key("Pages").Key("Kids").Index(0).Key("Contents")
			reused.raw = d.data
			if _, plain := reused.plainFlate(v); plain != tc.plain {
				t.Errorf("read by the inflater: %v, want %v", plain, tc.plain)
			}
			got, gotErr := reused.libraryStream(v, maxContentBytes, nil)
			want, wantErr := newDocCache().libraryStream(v, maxContentBytes, nil) // raw nil: the library's reader
			t.Logf("%d bytes, error %v", len(got), gotErr)
			if !bytes.Equal(got, want) {
				t.Errorf("read %d bytes, the library %d", len(got), len(want))
			}
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("error %v, the library's %v", gotErr, wantErr)
			}
			if tc.whole && !bytes.Equal(got, content) {
				t.Errorf("read %d bytes, want the whole %d-byte content", len(got), len(content))
			}
		})
	}
}
