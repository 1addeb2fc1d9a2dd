package pdfextract

import "math"

// uprightSlope is tan(2°): a baseline steeper than this is not upright.
const uprightSlope = 0.035

// show draws a string with the current font, advancing the text matrix.
func (ip *interp) show(s []byte) {
	f := ip.gs.font
	if f == nil {
		f = ip.dc.fallbackFont()
		ip.gs.font = f
	}
	gs := &ip.gs
	fs, th := gs.fontSize, gs.hScale
	// m maps text space (without the font size) to page space.
	m := ip.tm.mul(ip.ctmPage)
	if !m.finite() {
		return
	}
	xScale, yScale := math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3]) // the loop moves only m[4], m[5]
	size := math.Abs(fs) * f.sizeScale * yScale
	upright := m[0] > 0 && math.Abs(m[1]) <= uprightSlope*m[0]
	invisible := gs.render == 3 || gs.render == 7
	for i := 0; i < len(s); {
		gi, n, wordSpace := f.next(s[i:])
		i += n
		x, y := m.apply(0, gs.rise)
		ip.emit(Glyph{
			Text:      gi.text,
			X:         x,
			Y:         y,
			W:         math.Abs(gi.width * fs * th * xScale),
			Size:      size,
			Font:      f.name,
			Bold:      f.bold,
			Italic:    f.italic,
			Rise:      gs.rise * yScale,
			Invisible: invisible,
			Upright:   upright,
		})
		spacing := gs.charSpace
		if wordSpace {
			spacing += gs.wordSpace
		}
		if f.vertical {
			ty := f.vAdvance/1000*fs + spacing
			m = m.translate(0, ty)
			ip.tm = ip.tm.translate(0, ty)
			continue
		}
		tx := (gi.width*fs + spacing) * th
		m = m.translate(tx, 0)
		ip.tm = ip.tm.translate(tx, 0)
	}
}

// showArray runs a TJ array: strings are shown, numbers move the next
// glyph back by thousandths of the font size.
func (ip *interp) showArray(o operand) {
	if o.kind != tArrOpen {
		return
	}
	for _, e := range o.arr {
		switch e.kind {
		case tStr:
			ip.show(e.b)
		case tNum:
			adj := -e.num / 1000 * ip.gs.fontSize
			if ip.gs.font != nil && ip.gs.font.vertical {
				ip.tm = ip.tm.translate(0, adj)
			} else {
				ip.tm = ip.tm.translate(adj*ip.gs.hScale, 0)
			}
		}
	}
}

// emit appends a glyph that lies on the page (with a margin of its own
// size: glyphs far outside the crop box are not part of the page's text).
func (ip *interp) emit(g Glyph) {
	if len(ip.glyphs) >= maxGlyphsPerPage {
		return
	}
	margin := g.Size + g.W
	if g.X < -margin || g.Y < -margin || g.X > ip.pageW+margin || g.Y > ip.pageH+margin {
		return
	}
	g.Seq = len(ip.glyphs)
	ip.glyphs = append(ip.glyphs, g)
}
