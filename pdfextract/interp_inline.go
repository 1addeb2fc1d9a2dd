package pdfextract

import "bytes"

// skipInlineImage moves past an inline image whose BI operator was just
// read: the key/value pairs up to ID, then the image data up to EI. When
// the data is unfiltered and its size follows from the dictionary, the
// data is skipped by length first, so an "EI" inside the pixels cannot end
// it early; otherwise the first "EI" between white space that is followed
// by plausible operators ends it. It never reads past the data.
func (l *lexer) skipInlineImage() {
	var w, h, bpc, comps float64 = 0, 0, 8, 1
	filtered, mask := false, false
	var key []byte
	for {
		t := l.next()
		switch t.kind {
		case tEOF:
			return
		case tOp:
			if string(t.b) == "ID" {
				goto data
			}
			if string(t.b) == "EI" {
				return // no ID: nothing to skip
			}
			key = nil
		case tName:
			if key == nil {
				key = append([]byte(nil), t.b...)
				continue
			}
			switch string(key) {
			case "CS", "ColorSpace":
				switch string(t.b) {
				case "RGB", "DeviceRGB", "CalRGB":
					comps = 3
				case "CMYK", "DeviceCMYK":
					comps = 4
				default:
					comps = 1
				}
			case "F", "Filter":
				filtered = true
			}
			key = nil
		case tNum:
			switch string(key) {
			case "W", "Width":
				w = t.num
			case "H", "Height":
				h = t.num
			case "BPC", "BitsPerComponent":
				bpc = t.num
			}
			key = nil
		case tBool:
			if string(key) == "IM" || string(key) == "ImageMask" {
				mask = t.num != 0
			}
			key = nil
		case tArrOpen:
			if string(key) == "F" || string(key) == "Filter" {
				filtered = true
			}
			l.skipArray()
			key = nil
		case tDictOpen:
			l.skipDict()
			key = nil
		default:
			key = nil
		}
	}
data:
	// One white-space byte separates ID from the data.
	if l.pos < len(l.data) && isWhite(l.data[l.pos]) {
		l.pos++
	}
	if mask {
		comps, bpc = 1, 1
	}
	if !filtered && w > 0 && h > 0 && bpc > 0 && w < 1<<20 && h < 1<<20 {
		rowBytes := (int(w)*int(comps)*int(bpc) + 7) / 8
		n := rowBytes * int(h)
		if n >= 0 && n <= len(l.data)-l.pos {
			l.pos += n
		}
	}
	l.pos = findEI(l.data, l.pos)
}

// findEI returns the offset just past the "EI" that ends inline image data
// starting at from, or len(data) when there is none.
func findEI(data []byte, from int) int {
	for i := from; i < len(data); {
		j := bytes.Index(data[i:], []byte("EI"))
		if j < 0 {
			return len(data)
		}
		at := i + j
		before := at == from || isWhite(data[at-1])
		afterAt := at + 2
		after := afterAt >= len(data) || isWhite(data[afterAt])
		if before && after && plausibleAfterEI(data[afterAt:]) {
			return afterAt
		}
		i = at + 1
	}
	return len(data)
}

// plausibleAfterEI reports whether the bytes after a candidate EI look like
// content-stream text rather than more binary image data.
func plausibleAfterEI(rest []byte) bool {
	n := min(len(rest), 32)
	for _, c := range rest[:n] {
		if c >= 0x7f || (c < 0x20 && !isWhite(c)) {
			return false
		}
	}
	return true
}

// skipArray skips to the ']' that closes an array whose '[' was just read.
func (l *lexer) skipArray() {
	depth := 1
	for {
		switch l.next().kind {
		case tEOF:
			return
		case tArrOpen:
			depth++
		case tArrClose:
			depth--
			if depth == 0 {
				return
			}
		}
	}
}
