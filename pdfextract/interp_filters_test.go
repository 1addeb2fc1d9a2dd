package pdfextract

import (
	"bytes"
	"compress/lzw"
	"encoding/ascii85"
	"testing"

	"appraise.app/appraise/internal/testpdf"
)

// lzwEncodeEarly encodes data in PDF's default LZW variant (early change),
// which compress/lzw does not write.
func lzwEncodeEarly(data []byte) []byte {
	var out bytes.Buffer
	var buf uint32
	bits, width := 0, 9
	put := func(code int) {
		buf = buf<<width | uint32(code)
		bits += width
		for bits >= 8 {
			out.WriteByte(byte(buf >> (bits - 8)))
			bits -= 8
		}
	}
	dict := map[string]int{}
	next := 258
	put(256)
	w := ""
	for _, c := range data {
		wc := w + string([]byte{c})
		if _, ok := dict[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		put(code(dict, w))
		if next < 4095 {
			dict[wc] = next
			next++
			// The decoder's table lags one entry behind: it widens
			// once next-1 (+1 for early change) reaches 1<<width.
			if next >= 1<<width && width < 12 {
				width++
			}
		}
		w = string([]byte{c})
	}
	if w != "" {
		put(code(dict, w))
	}
	put(257)
	if bits > 0 {
		out.WriteByte(byte(buf << (8 - bits)))
	}
	return out.Bytes()
}

func code(dict map[string]int, w string) int {
	if len(w) == 1 {
		return int(w[0])
	}
	return dict[w]
}

// longContent draws many lines so LZW codes grow past 9 and 10 bits.
func longContent() []byte {
	var b bytes.Buffer
	b.WriteString("BT /F1 10 Tf 72 750 Td 12 TL\n")
	for i := range 60 {
		b.WriteString("(Line ")
		b.WriteString(string(rune('A' + i%26)))
		b.WriteString(" of a long content stream with varied words: quick brown fox) Tj T*\n")
	}
	b.WriteString("(The end) Tj ET\n")
	return b.Bytes()
}

func TestFiltersTheLibraryLacks(t *testing.T) {
	content := longContent()
	var stdLZW bytes.Buffer
	w := lzw.NewWriter(&stdLZW, lzw.MSB, 8)
	w.Write(content)
	w.Close()
	rle := func(data []byte) []byte {
		var out []byte
		for len(data) > 0 {
			n := min(len(data), 128)
			out = append(out, byte(n-1))
			out = append(out, data[:n]...)
			data = data[n:]
		}
		return append(out, 128)
	}
	pngUpSub := func(data []byte, columns int) []byte {
		var out []byte
		prior := make([]byte, columns)
		for i := 0; i < len(data); i += columns {
			row := make([]byte, columns)
			copy(row, data[i:min(i+columns, len(data))])
			kind := byte(1 + (i/columns)%2) // alternate Sub and Up
			enc := make([]byte, columns)
			for j := range row {
				switch kind {
				case 1:
					var left byte
					if j > 0 {
						left = row[j-1]
					}
					enc[j] = row[j] - left
				case 2:
					enc[j] = row[j] - prior[j]
				}
			}
			out = append(out, kind)
			out = append(out, enc...)
			prior = row
		}
		return out
	}
	padded := append(bytes.Clone(content), bytes.Repeat([]byte(" "), 16-len(content)%16)...)
	tests := []struct {
		name string
		dict string
		data []byte
	}{
		{"LZW with early change (the default)", "/Filter /LZWDecode", lzwEncodeEarly(content)},
		{"LZW without early change", "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", stdLZW.Bytes()},
		{"ASCIIHex", "/Filter /ASCIIHexDecode", []byte(testpdf.HexString(content)[1:])},
		{"RunLength", "/Filter /RunLengthDecode", rle(content)},
		{"ASCIIHex then Flate", "/Filter [/ASCIIHexDecode /FlateDecode]", []byte(testpdf.HexString(testpdf.Deflate(content))[1:])},
		{"Flate with PNG predictors", "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 16 >>", testpdf.Deflate(pngUpSub(padded, 16))},
		{"Flate with the TIFF predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 16 >>", testpdf.Deflate(tiffSub(content, 16))},
		{"Flate with the TIFF predictor, last row partial", "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 7 >>", testpdf.Deflate(tiffSub(partialRow(content, 7, 5), 7))},
		{"abbreviated /Fl", "/Filter /Fl", testpdf.Deflate(content)},
		{"abbreviated /AHx", "/Filter /AHx", []byte(testpdf.HexString(content)[1:])},
		{"abbreviated /A85", "/Filter /A85", ascii85Encode(content)},
		{"abbreviated /LZW", "/Filter /LZW", lzwEncodeEarly(content)},
		{"abbreviated /RL", "/Filter /RL", rle(content)},
		{"abbreviated chain [/AHx /Fl]", "/Filter [/AHx /Fl]", []byte(testpdf.HexString(testpdf.Deflate(content))[1:])},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testpdf.NewDoc()
			d.SetObjectBytes(d.Contents[0], testpdf.StreamBody(tc.dict, tc.data))
			pg := firstPage(t, d.Bytes())
			got := glyphString(pg.Glyphs)
			if !bytes.HasPrefix([]byte(got), []byte("Line A of a long")) || !bytes.HasSuffix([]byte(got), []byte("The end")) {
				t.Errorf("text %.60q…, want the whole content", got)
			}
		})
	}
}

func TestLZWDecodeStopsAtLimit(t *testing.T) {
	in := lzwEncodeEarly(bytes.Repeat([]byte("abcabcabc"), 10000))
	if out := lzwDecode(in, true, 1000); len(out) > 1000+4096 {
		t.Errorf("decoded %d bytes past a limit of 1000", len(out))
	}
	for _, junk := range [][]byte{nil, {0xff}, {0x80, 0x00, 0xff, 0xff, 0xff}, bytes.Repeat([]byte{0xff}, 100)} {
		lzwDecode(junk, true, 1<<20)
		lzwDecode(junk, false, 1<<20)
	}
}

// tiffSub applies TIFF predictor 2 (8-bit, one colour: each byte minus
// the one before it in its row) to rows of columns bytes.
func tiffSub(data []byte, columns int) []byte {
	out := bytes.Clone(data)
	for i := 0; i < len(data); i += columns {
		for j := min(i+columns, len(data)) - 1; j > i; j-- {
			out[j] = data[j] - data[j-1]
		}
	}
	return out
}

func ascii85Encode(data []byte) []byte {
	out := make([]byte, ascii85.MaxEncodedLen(len(data)))
	n := ascii85.Encode(out, data)
	return append(out[:n], "~>"...)
}

// partialRow puts spaces before data so that its last row of columns
// bytes holds its last few bytes only (last of them).
func partialRow(data []byte, columns, last int) []byte {
	out := bytes.Clone(data)
	for len(out)%columns != last {
		out = append([]byte{' '}, out...)
	}
	return out
}
