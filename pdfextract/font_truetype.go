package pdfextract

import (
	"encoding/binary"

	"github.com/ledongthuc/pdf"
)

// Text for CID fonts without a ToUnicode map: an embedded TrueType
// program (FontFile2) maps Unicode to glyph ids in its 'cmap' table; read
// backwards, and with /CIDToGIDMap, it gives each CID's text, the way
// viewers recover it.

const (
	maxTrueTypeBytes = 32 << 20
	maxCmapGlyphs    = 1 << 17 // reverse-map entries kept
	maxCmapSteps     = 1 << 21 // character codes visited, whatever the table claims
)

// gidText maps glyph ids to the text a TrueType cmap gives them.
type gidText map[uint16]string

// trueTypeText parses the program's cmap; nil when it has none usable.
func (dc *docCache) trueTypeText(ff pdf.Value) gidText {
	if ff.Kind() != pdf.Stream {
		return nil
	}
	data, _ := dc.readStream(ff, maxTrueTypeBytes)
	return parseTrueTypeCmap(data)
}

func parseTrueTypeCmap(font []byte) gidText {
	table := sfntTable(font, "cmap")
	if len(table) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(table[2:]))
	best, bestRank := -1, 0
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(table) {
			break
		}
		platform, enc := binary.BigEndian.Uint16(table[rec:]), binary.BigEndian.Uint16(table[rec+2:])
		off := int(binary.BigEndian.Uint32(table[rec+4:]))
		rank := 0
		switch {
		case platform == 3 && enc == 10:
			rank = 4
		case platform == 3 && enc == 1:
			rank = 3
		case platform == 0:
			rank = 2
		}
		if rank > bestRank && off+2 <= len(table) {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil
	}
	out := gidText{}
	add := func(r rune, gid uint32) {
		if gid == 0 || gid > 0xFFFF || len(out) >= maxCmapGlyphs || (r >= 0xE000 && r <= 0xF8FF) {
			return
		}
		if _, ok := out[uint16(gid)]; !ok {
			out[uint16(gid)] = cleanText(string(r))
		}
	}
	sub := table[best:]
	switch binary.BigEndian.Uint16(sub) {
	case 4:
		cmapFormat4(sub, add)
	case 12:
		cmapFormat12(sub, add)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sfntTable returns the named table of a TrueType/OpenType program.
func sfntTable(font []byte, tag string) []byte {
	if len(font) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == tag {
			off, l := int(binary.BigEndian.Uint32(font[rec+8:])), int(binary.BigEndian.Uint32(font[rec+12:]))
			if off < 0 || l < 0 || off > len(font) || l > len(font)-off {
				return nil
			}
			return font[off : off+l]
		}
	}
	return nil
}

func cmapFormat4(t []byte, add func(rune, uint32)) {
	if len(t) < 14 {
		return
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(t) {
		return
	}
	u16 := func(at int) uint32 {
		if at < 0 || at+2 > len(t) {
			return 0
		}
		return uint32(binary.BigEndian.Uint16(t[at:]))
	}
	steps := 0
	for i := range segs {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, ro := u16(deltas+2*i), u16(ranges+2*i)
		if start > end || end == 0xFFFF && start == 0xFFFF {
			continue
		}
		for c := start; c <= end && steps < maxCmapSteps; c++ {
			steps++
			var gid uint32
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else if g := u16(ranges + 2*i + int(ro) + 2*int(c-start)); g != 0 {
				gid = (g + delta) & 0xFFFF
			}
			add(rune(c), gid)
		}
	}
}

func cmapFormat12(t []byte, add func(rune, uint32)) {
	if len(t) < 16 {
		return
	}
	groups := int(binary.BigEndian.Uint32(t[12:]))
	steps := 0
	for i := 0; i < groups && 16+12*i+12 <= len(t) && steps < maxCmapSteps; i++ {
		g := t[16+12*i:]
		start, end, gid := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
		if end < start || end > 0x10FFFF || end-start > maxCmapGlyphs {
			continue
		}
		for c := start; c <= end && steps < maxCmapSteps; c++ {
			steps++
			add(rune(c), gid+c-start)
		}
	}
}

// cidToGID reads /CIDToGIDMap: nil for Identity (or absent), else the
// glyph id of each CID.
func (dc *docCache) cidToGID(v pdf.Value) []uint16 {
	if v.Kind() != pdf.Stream {
		return nil
	}
	data, _ := dc.readStream(v, 2*maxCID)
	out := make([]uint16, len(data)/2)
	for i := range out {
		out[i] = binary.BigEndian.Uint16(data[2*i:])
	}
	return out
}
