package pdfextract

// The content-stream lexer. ledongthuc/pdf's Interpret is not used for
// content streams: its tokenizer panics on the binary data of inline images
// (BI … ID … EI), loops forever on an unterminated hex string at the end of
// a stream, and boxes every token in an interface; this lexer works on the
// inflated bytes, never panics, always advances, and allocates nothing for
// strings without escapes.

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tStr  // literal or hex string; bytes in b
	tName // without the slash, #xx decoded; bytes in b
	tOp   // operator or other bare keyword; bytes in b
	tBool
	tNull
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

type token struct {
	kind tokKind
	num  float64
	b    []byte
}

// lexer tokenizes PDF content streams and CMaps. Decoded strings and names
// live in arena until reset; callers reset it once they are done with the
// tokens of one operator.
type lexer struct {
	data  []byte
	pos   int
	arena []byte
}

func newLexer(data []byte) *lexer { return &lexer{data: data} }

func (l *lexer) reset() { l.arena = l.arena[:0] }

// Byte classes of PDF syntax, looked up per byte by the lexer.
const (
	regularByte = iota
	whiteByte
	delimiterByte
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f\x00") {
		t[c] = whiteByte
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = delimiterByte
	}
	return t
}()

func isWhite(c byte) bool { return byteClass[c] == whiteByte }

func isDelimiter(c byte) bool { return byteClass[c] == delimiterByte }

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next token; tEOF at the end of the data.
func (l *lexer) next() token {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return token{kind: tEOF}
	}
	c := l.data[l.pos]
	switch c {
	case '(':
		l.pos++
		return token{kind: tStr, b: l.literalString()}
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tDictOpen}
		}
		l.pos++
		return token{kind: tStr, b: l.hexString()}
	case '>':
		l.pos++
		if l.pos < len(l.data) && l.data[l.pos] == '>' {
			l.pos++
			return token{kind: tDictClose}
		}
		return l.next() // stray '>': skip
	case '[':
		l.pos++
		return token{kind: tArrOpen}
	case ']':
		l.pos++
		return token{kind: tArrClose}
	case '/':
		l.pos++
		return token{kind: tName, b: l.name()}
	case ')', '{', '}':
		l.pos++
		return token{kind: tOp, b: l.data[l.pos-1 : l.pos]}
	}
	start := l.pos
	for l.pos < len(l.data) && byteClass[l.data[l.pos]] == regularByte {
		l.pos++
	}
	word := l.data[start:l.pos]
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if v, ok := parseNumber(word); ok {
			return token{kind: tNum, num: v}
		}
	}
	switch string(word) {
	case "true":
		return token{kind: tBool, num: 1}
	case "false":
		return token{kind: tBool}
	case "null":
		return token{kind: tNull}
	}
	return token{kind: tOp, b: word}
}

// parseNumber reads a PDF number leniently: an optional sign (repeated
// signs as one), digits, at most one point. A word that starts like a
// number but is not one ("-", "1.2.3") counts as the number it starts with,
// the way viewers read it; ok is false only when no digit is present and
// the word is not a lone sign.
func parseNumber(w []byte) (float64, bool) {
	i := 0
	neg := false
	for i < len(w) && (w[i] == '+' || w[i] == '-') {
		neg = w[i] == '-'
		i++
	}
	var v float64
	digits := 0
	for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
		v = v*10 + float64(w[i]-'0')
		digits++
	}
	if i < len(w) && w[i] == '.' {
		i++
		scale := 0.1
		for k := 0; i < len(w) && w[i] >= '0' && w[i] <= '9'; i, k = i+1, k+1 {
			if k < len(fracScales) {
				scale = fracScales[k]
			} else {
				scale /= 10
			}
			v += float64(w[i]-'0') * scale
			digits++
		}
	}
	if digits == 0 {
		// "-" or "+" alone reads as 0; anything else is not a number.
		return 0, i == len(w) && i > 0 && w[0] != '.'
	}
	if neg {
		v = -v
	}
	return v, true
}

// fracScales[k] is the weight of the k-th decimal digit, 0.1 divided by
// ten k times, as parseNumber computed it digit by digit: a table saves
// the divisions without changing a bit of the result.
var fracScales = func() (t [24]float64) {
	s := 0.1
	for k := range t {
		t[k] = s
		s /= 10
	}
	return t
}()

// literalString reads after the opening parenthesis up to the balancing
// one (or the end of data), decoding escapes. Without escapes it returns a
// slice of the data itself.
func (l *lexer) literalString() []byte {
	start := l.pos
	depth := 1
	for i := l.pos; i < len(l.data); i++ {
		switch l.data[i] {
		case '\\':
			return l.literalEscaped(start)
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos = i + 1
				return l.data[start:i]
			}
		}
	}
	l.pos = len(l.data)
	return l.data[start:]
}

func (l *lexer) literalEscaped(start int) []byte {
	out := len(l.arena)
	depth := 1
	i := start
	for i < len(l.data) {
		c := l.data[i]
		i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos = i
				return l.arena[out:]
			}
		case '\\':
			if i >= len(l.data) {
				continue
			}
			e := l.data[i]
			i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if i < len(l.data) && l.data[i] == '\n' {
					i++
				}
				continue
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for k := 0; k < 2 && i < len(l.data) && l.data[i] >= '0' && l.data[i] <= '7'; k++ {
					v = v*8 + int(l.data[i]-'0')
					i++
				}
				c = byte(v)
			default:
				c = e // \( \) \\ and unknown escapes: the character itself
			}
		}
		l.arena = append(l.arena, c)
	}
	l.pos = len(l.data)
	return l.arena[out:]
}

func unhexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// hexString reads after '<' up to '>' (or the end of data); non-hex bytes
// are skipped and an odd final digit is padded with 0, as the spec says.
func (l *lexer) hexString() []byte {
	out := len(l.arena)
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		d, ok := unhexDigit(c)
		if !ok {
			continue
		}
		if half {
			l.arena = append(l.arena, hi<<4|d)
		} else {
			hi = d
		}
		half = !half
	}
	if half {
		l.arena = append(l.arena, hi<<4)
	}
	return l.arena[out:]
}

func (l *lexer) name() []byte {
	start := l.pos
	escaped := false
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelimiter(l.data[l.pos]) {
		if l.data[l.pos] == '#' {
			escaped = true
		}
		l.pos++
	}
	raw := l.data[start:l.pos]
	if !escaped {
		return raw
	}
	out := len(l.arena)
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			h, ok1 := unhexDigit(raw[i+1])
			lo, ok2 := unhexDigit(raw[i+2])
			if ok1 && ok2 {
				l.arena = append(l.arena, h<<4|lo)
				i += 2
				continue
			}
		}
		l.arena = append(l.arena, raw[i])
	}
	return l.arena[out:]
}

// skipDict skips to the '>>' that closes a dictionary whose '<<' was just
// read, nested dictionaries included.
func (l *lexer) skipDict() {
	depth := 1
	for {
		t := l.next()
		switch t.kind {
		case tEOF:
			return
		case tDictOpen:
			depth++
		case tDictClose:
			depth--
			if depth == 0 {
				return
			}
		}
	}
}
