package pdfextract

// The content-stream interpreter: graphics and text state, text showing,
// Form XObjects. It turns one page's content into Glyphs in page space.

// Limits that keep hostile content from running away.
const (
	maxOperands       = 64      // operands kept before an operator; extra are dropped
	maxArrayElems     = 1 << 16 // elements of one TJ array
	maxStateDepth     = 1024    // nested q
	maxFormDepth      = 12      // nested Form XObjects
	maxGlyphsPerPage  = 1 << 19
	maxContentBytes   = 64 << 20 // one page's content, or one form's
	maxCMapBytes      = 8 << 20
	maxCachedFormData = 64 << 20 // form content kept across pages
)

type gstate struct {
	ctm       matrix
	font      *font
	fontSize  float64
	charSpace float64
	wordSpace float64
	hScale    float64
	leading   float64
	rise      float64
	render    int
}

type operand struct {
	token
	arr []token // tArrOpen operands: the elements (numbers and strings)
}

type interp struct {
	dc       *docCache
	page     matrix // default user space → rotated, cropped page space
	pageW    float64
	pageH    float64
	gs       gstate
	stack    []gstate
	overflow int // q operators beyond maxStateDepth, to match their Q
	tm, tlm  matrix
	ctmPage  matrix // gs.ctm × page, kept current
	ops      []operand
	arrBuf   []token
	forms    []string // keys of the forms being run, for cycle detection
	glyphs   []Glyph
	err      error // ErrTooLarge from a form's content
	images   int   // images drawn (image XObjects and inline images)
}

func newInterp(dc *docCache, page matrix, w, h float64) *interp {
	ip := &interp{dc: dc, page: page, pageW: w, pageH: h}
	ip.gs = gstate{ctm: identity, hScale: 1}
	ip.ctmPage = page
	ip.tm, ip.tlm = identity, identity
	return ip
}

// run interprets content with the given resources.
func (ip *interp) run(content []byte, res *resources) {
	lx := newLexer(content)
	var pending *token
	for {
		var t token
		if pending != nil {
			t, pending = *pending, nil
		} else {
			t = lx.next()
		}
		switch t.kind {
		case tEOF:
			return
		case tOp:
			ip.exec(t.b, res, lx)
			ip.ops = ip.ops[:0]
			ip.arrBuf = ip.arrBuf[:0]
			lx.reset()
			if len(ip.glyphs) >= maxGlyphsPerPage {
				return
			}
		case tArrOpen:
			op, stop := ip.readArray(lx)
			ip.push(op)
			if stop.kind == tOp {
				pending = &stop // an operator inside an unclosed array ends it
			}
		case tDictOpen:
			lx.skipDict()
			ip.push(operand{token: token{kind: tDictOpen}})
		case tArrClose, tDictClose:
		default:
			ip.push(operand{token: t})
		}
	}
}

func (ip *interp) push(op operand) {
	if len(ip.ops) >= maxOperands {
		copy(ip.ops, ip.ops[1:])
		ip.ops = ip.ops[:len(ip.ops)-1]
	}
	ip.ops = append(ip.ops, op)
}

// readArray reads array elements after '['. It returns the array and the
// token that ended it when that was not ']' (an operator or EOF).
func (ip *interp) readArray(lx *lexer) (operand, token) {
	start := len(ip.arrBuf)
	for {
		t := lx.next()
		switch t.kind {
		case tArrClose:
			return operand{token: token{kind: tArrOpen}, arr: ip.arrBuf[start:]}, token{}
		case tEOF, tOp:
			return operand{token: token{kind: tArrOpen}, arr: ip.arrBuf[start:]}, t
		case tArrOpen:
			lx.skipArray()
		case tDictOpen:
			lx.skipDict()
		case tNum, tStr:
			if len(ip.arrBuf)-start < maxArrayElems {
				ip.arrBuf = append(ip.arrBuf, t)
			}
		}
	}
}

// num returns operand i counted from the first of n expected operands, or
// 0 when missing or not a number.
func (ip *interp) num(n, i int) float64 {
	j := len(ip.ops) - n + i
	if j < 0 || j >= len(ip.ops) || ip.ops[j].kind != tNum {
		return 0
	}
	return ip.ops[j].num
}

// last returns the last operand, or an empty one.
func (ip *interp) last() operand {
	if len(ip.ops) == 0 {
		return operand{}
	}
	return ip.ops[len(ip.ops)-1]
}

func (ip *interp) matrixOperand() (matrix, bool) {
	if len(ip.ops) < 6 {
		return identity, false
	}
	var m matrix
	for i := range 6 {
		m[i] = ip.num(6, i)
	}
	return m, m.finite()
}

func (ip *interp) setCTM(m matrix) {
	ip.gs.ctm = m
	ip.ctmPage = m.mul(ip.page)
}

func (ip *interp) exec(op []byte, res *resources, lx *lexer) {
	switch string(op) {
	case "q":
		if len(ip.stack) >= maxStateDepth {
			ip.overflow++
			return
		}
		ip.stack = append(ip.stack, ip.gs)
	case "Q":
		if ip.overflow > 0 {
			ip.overflow--
			return
		}
		if n := len(ip.stack); n > 0 {
			ip.gs = ip.stack[n-1]
			ip.stack = ip.stack[:n-1]
			ip.setCTM(ip.gs.ctm)
		}
	case "cm":
		if m, ok := ip.matrixOperand(); ok {
			ip.setCTM(m.mul(ip.gs.ctm))
		}
	case "gs":
		ip.extGState(res, ip.last())
	case "BT":
		ip.tm, ip.tlm = identity, identity
	case "Tc":
		ip.gs.charSpace = ip.num(1, 0)
	case "Tw":
		ip.gs.wordSpace = ip.num(1, 0)
	case "Tz":
		ip.gs.hScale = ip.num(1, 0) / 100
	case "TL":
		ip.gs.leading = ip.num(1, 0)
	case "Ts":
		ip.gs.rise = ip.num(1, 0)
	case "Tr":
		ip.gs.render = int(ip.num(1, 0))
	case "Tf":
		if len(ip.ops) >= 2 && ip.ops[len(ip.ops)-2].kind == tName {
			ip.gs.font = res.font(ip.ops[len(ip.ops)-2].b)
		}
		ip.gs.fontSize = ip.num(2, 1)
	case "Td":
		ip.moveText(ip.num(2, 0), ip.num(2, 1))
	case "TD":
		ip.gs.leading = -ip.num(2, 1)
		ip.moveText(ip.num(2, 0), ip.num(2, 1))
	case "Tm":
		if m, ok := ip.matrixOperand(); ok {
			ip.tm, ip.tlm = m, m
		}
	case "T*":
		ip.moveText(0, -ip.gs.leading)
	case "Tj":
		if o := ip.last(); o.kind == tStr {
			ip.show(o.b)
		}
	case "'":
		ip.moveText(0, -ip.gs.leading)
		if o := ip.last(); o.kind == tStr {
			ip.show(o.b)
		}
	case "\"":
		ip.gs.wordSpace = ip.num(3, 0)
		ip.gs.charSpace = ip.num(3, 1)
		ip.moveText(0, -ip.gs.leading)
		if o := ip.last(); o.kind == tStr {
			ip.show(o.b)
		}
	case "TJ":
		ip.showArray(ip.last())
	case "Do":
		if o := ip.last(); o.kind == tName {
			ip.doXObject(o.b, res)
		}
	case "BI":
		ip.images++
		lx.skipInlineImage()
	}
}

func (ip *interp) moveText(tx, ty float64) {
	m := ip.tlm.translate(tx, ty)
	if !m.finite() {
		return
	}
	ip.tlm, ip.tm = m, m
}

// extGState applies the /Font entry of a graphics-state parameter
// dictionary ([font size]); other parameters do not affect text.
func (ip *interp) extGState(res *resources, name operand) {
	if name.kind != tName {
		return
	}
	f, size, ok := res.extGStateFont(name.b)
	if ok {
		ip.gs.font, ip.gs.fontSize = f, size
	}
}
