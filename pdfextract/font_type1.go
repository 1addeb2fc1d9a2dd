package pdfextract

import (
	"bytes"

	"github.com/ledongthuc/pdf"
)

// maxType1Clear bounds how much of an embedded Type 1 program is read to
// find its built-in encoding (it sits in the clear-text part, before
// eexec, within the first few kilobytes).
const maxType1Clear = 256 << 10

// type1Encoding reads the built-in /Encoding of an embedded Type 1 font
// program (FontFile): "StandardEncoding" or "dup <code> /<name> put"
// entries. It returns nil when the program has none or cannot be read.
func (dc *docCache) type1Encoding(ff pdf.Value) *encoding {
	key := ff.String()
	if e, ok := dc.type1Encodings[key]; ok {
		return e
	}
	limit := int64(maxType1Clear)
	if l1 := int64(ff.Key("Length1").Float64()); l1 > 0 && l1 < limit {
		limit = l1
	}
	data, _ := dc.readStream(ff, limit)
	e := parseType1Encoding(data)
	dc.type1Encodings[key] = e
	return e
}

func parseType1Encoding(data []byte) *encoding {
	if i := bytes.Index(data, []byte("eexec")); i >= 0 {
		data = data[:i]
	}
	i := bytes.Index(data, []byte("/Encoding"))
	if i < 0 {
		return nil
	}
	lx := newLexer(data[i+len("/Encoding"):])
	var e encoding
	found := false
	var window [3]token // the three tokens before the current one
	for n := 0; n < 1<<16; n++ {
		t := lx.next()
		if t.kind == tEOF {
			break
		}
		if t.kind == tOp {
			switch string(t.b) {
			case "StandardEncoding":
				if !found {
					return &standardEncoding
				}
			case "put":
				// dup <code> /<name> put
				if window[0].kind == tOp && string(window[0].b) == "dup" && window[1].kind == tNum && window[2].kind == tName {
					if code := int(window[1].num); code >= 0 && code < 256 {
						e[code] = string(window[2].b)
						found = true
					}
				}
			case "def", "readonly":
				if found {
					return &e
				}
			}
		}
		window[0], window[1], window[2] = window[1], window[2], t
	}
	if found {
		return &e
	}
	return nil
}
