package pdfextract

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"io"

	"github.com/ledongthuc/pdf"
)

// Stream filters the library lacks. Its Value.Reader decodes FlateDecode
// (PNG-Up predictor only) and ASCII85Decode and panics on anything else;
// content streams of older PDFs use LZWDecode, ASCIIHexDecode,
// RunLengthDecode or other predictors. For unencrypted files these are
// decoded here from the raw bytes: the stream's offset is the one the
// library prints in the stream's serialised form ("<<…>>@1234").

// rawStreamData returns the undecoded bytes of stream v in data.
func rawStreamData(data []byte, v pdf.Value) ([]byte, bool) {
	off64, ok := streamOffset(v)
	if !ok || off64 >= int64(len(data)) {
		return nil, false
	}
	off := int(off64)
	n := int(v.Key("Length").Int64())
	if n <= 0 || n > len(data)-off {
		// A missing or wrong /Length: up to "endstream".
		n = bytes.Index(data[off:], []byte("endstream"))
		if n < 0 {
			n = len(data) - off
		}
	}
	return data[off : off+n], true
}

// decodeFilters applies a stream's filters to raw, producing at most limit
// bytes.
func decodeFilters(raw []byte, v pdf.Value, limit int64) ([]byte, error) {
	filters, parms := v.Key("Filter"), v.Key("DecodeParms")
	var names []string
	var params []pdf.Value
	switch filters.Kind() {
	case pdf.Name:
		names, params = []string{filters.Name()}, []pdf.Value{parms}
	case pdf.Array:
		for i := 0; i < filters.Len() && i < 8; i++ {
			names = append(names, filters.Index(i).Name())
			params = append(params, parms.Index(i))
		}
	}
	out := raw
	for i, name := range names {
		var err error
		out, err = decodeFilter(name, params[i], out, limit)
		if err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
	}
	return out, nil
}

func decodeFilter(name string, parm pdf.Value, in []byte, limit int64) ([]byte, error) {
	switch name {
	case "ASCIIHexDecode", "AHx":
		return asciiHexDecode(in), nil
	case "ASCII85Decode", "A85":
		return ascii85Decode(in, limit)
	case "RunLengthDecode", "RL":
		return runLengthDecode(in, limit), nil
	case "LZWDecode", "LZW":
		early := parm.Key("EarlyChange")
		out := lzwDecode(in, early.Kind() == pdf.Null || early.Int64() != 0, limit)
		return unpredict(out, parm)
	case "FlateDecode", "Fl":
		out, err := inflate(in, limit)
		if len(out) == 0 && err != nil {
			return nil, err
		}
		return unpredict(out, parm)
	}
	return nil, fmt.Errorf("unsupported filter")
}

// asciiHexDecode reads hex digits up to '>' the way a hex string is read.
func asciiHexDecode(in []byte) []byte { return newLexer(in).hexString() }

func ascii85Decode(in []byte, limit int64) ([]byte, error) {
	var clean []byte
	for _, c := range bytes.TrimPrefix(bytes.TrimSpace(in), []byte("<~")) {
		if c == '~' {
			break
		}
		if !isWhite(c) {
			clean = append(clean, c)
		}
	}
	return io.ReadAll(io.LimitReader(ascii85.NewDecoder(bytes.NewReader(clean)), limit))
}

func runLengthDecode(in []byte, limit int64) []byte {
	var out []byte
	for i := 0; i < len(in) && int64(len(out)) < limit; {
		n := int(in[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(in))
			out = append(out, in[i:end]...)
			i = end
		case n > 128:
			if i < len(in) {
				out = append(out, bytes.Repeat(in[i:i+1], 257-n)...)
				i++
			}
		default:
			return out
		}
	}
	return out
}

// inflate decodes zlib data, or a bare deflate stream when the zlib header
// is missing, keeping what decodes before an error.
func inflate(in []byte, limit int64) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(in)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(in))
	}
	return io.ReadAll(io.LimitReader(r, limit))
}

// lzwDecode decodes PDF's LZW: MSB-first codes of 9 to 12 bits, 256
// clears the table, 257 ends the data; with early change the code width
// grows one code early.
func lzwDecode(in []byte, earlyChange bool, limit int64) []byte {
	var out []byte
	type entry struct {
		prefix int
		last   byte
		length int
	}
	table := make([]entry, 4096)
	for i := range 256 {
		table[i] = entry{prefix: -1, last: byte(i), length: 1}
	}
	next, width, prev := 258, 9, -1
	early := 0
	if earlyChange {
		early = 1
	}
	var buf uint32
	bits := 0
	pos := 0
	emit := func(code int) []byte {
		n := table[code].length
		start := len(out)
		out = append(out, make([]byte, n)...)
		for c, i := code, start+n-1; c >= 0 && i >= start; c, i = table[c].prefix, i-1 {
			out[i] = table[c].last
		}
		return out[start:]
	}
	for int64(len(out)) < limit {
		for bits < width {
			if pos >= len(in) {
				return out
			}
			buf = buf<<8 | uint32(in[pos])
			pos++
			bits += 8
		}
		code := int(buf>>(bits-width)) & (1<<width - 1)
		bits -= width
		switch {
		case code == 256:
			next, width, prev = 258, 9, -1
			continue
		case code == 257:
			return out
		case prev < 0:
			if code > 255 {
				return out
			}
			emit(code)
		case code < next:
			s := emit(code)
			if next < 4096 {
				table[next] = entry{prefix: prev, last: s[0], length: table[prev].length + 1}
				next++
			}
		case code == next && next < 4096:
			first := emit(prev)[0]
			out = append(out, first)
			table[next] = entry{prefix: prev, last: first, length: table[prev].length + 1}
			next++
		default:
			return out
		}
		prev = code
		if next+early >= 1<<width && width < 12 {
			width++
		}
	}
	return out
}

// unpredict undoes a TIFF (2) or PNG (10–15) predictor.
func unpredict(data []byte, parm pdf.Value) ([]byte, error) {
	pred := int(parm.Key("Predictor").Int64())
	if pred <= 1 {
		return data, nil
	}
	colors := int(max(parm.Key("Colors").Int64(), 1))
	bpc := int(parm.Key("BitsPerComponent").Int64())
	if bpc == 0 {
		bpc = 8
	}
	columns := int(max(parm.Key("Columns").Int64(), 1))
	if colors > 32 || bpc > 16 || columns > 1<<20 {
		return nil, fmt.Errorf("predictor parameters out of range")
	}
	bpp := max(1, colors*bpc/8)
	row := (colors*bpc*columns + 7) / 8
	if pred == 2 {
		if bpc != 8 {
			return data, nil
		}
		// A last row cut short is decoded as far as it goes.
		for i := 0; i < len(data); i += row {
			for j := i + bpp; j < min(i+row, len(data)); j++ {
				data[j] += data[j-bpp]
			}
		}
		return data, nil
	}
	out := make([]byte, 0, len(data))
	prior := make([]byte, row)
	for i := 0; i+1+row <= len(data); i += row + 1 {
		kind, cur := data[i], append([]byte(nil), data[i+1:i+1+row]...)
		for j := range cur {
			var left, upLeft byte
			if j >= bpp {
				left, upLeft = cur[j-bpp], prior[j-bpp]
			}
			up := prior[j]
			switch kind {
			case 1:
				cur[j] += left
			case 2:
				cur[j] += up
			case 3:
				cur[j] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[j] += paeth(left, up, upLeft)
			}
		}
		out = append(out, cur...)
		prior = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := absInt(p-int(a)), absInt(p-int(b)), absInt(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
