package demopaper

// textSpec says how a block of text is set.
type textSpec struct {
	size      float64 // font size in points
	leading   float64 // baseline to baseline
	base      style   // face of unmarked text; markup adds bold or italic
	width     float64 // measure in points
	indent    float64 // first-line indent
	justify   bool    // justify all lines but the last
	hyphenate bool    // allow soft (dictionary) breaks; compound breaks are always allowed
}

// superScale and superRise set superscripts: size and baseline shift as
// fractions of the text size.
const (
	superScale = 0.66
	superRise  = 0.36
	// shrink is how far a space may be squeezed to fit a line.
	shrink = 0.85
	// looseness is the space stretch (multiple of a normal space) a line
	// may have before the breaker prefers hyphenating the next word.
	looseness = 1.5
)

// line is one typeset line: the words (or word pieces) on it and where
// each starts, relative to the line's left edge.
type line struct {
	words []word
	xs    []float64
	// endSoft / endHard: the line ends in a soft hyphen it added, or in a
	// compound's own hyphen; broken is then the whole word that was split.
	endSoft, endHard bool
	broken           string
}

// setter breaks and measures text.
type setter struct {
	m *measurer
	h hyphenator
}

func combine(base, st style) style {
	return makeStyle(base == bold || base == boldItalic || st == bold || st == boldItalic,
		base == italic || base == boldItalic || st == italic || st == boldItalic)
}

// runFace is the face and size a run is drawn in.
func runFace(r run, spec textSpec) (style, float64) {
	if r.super {
		return regular, spec.size * superScale
	}
	return combine(spec.base, r.st), spec.size
}

func (s *setter) wordWidth(w word, spec textSpec) float64 {
	total := 0.0
	for _, r := range w.runs {
		st, size := runFace(r, spec)
		total += s.m.width(r.text, st, size)
	}
	return total
}

func (s *setter) space(spec textSpec) float64 { return s.m.width(" ", spec.base, spec.size) }

// breakLines sets words into lines greedily, hyphenating a word that does
// not fit when the line would otherwise be loose, and positions the words
// (justified or ragged right).
func (s *setter) breakLines(words []word, spec textSpec) []line {
	sp := s.space(spec)
	var lines []line
	ws := append([]word(nil), words...)
	prevSoft := false
	for len(ws) > 0 {
		avail := spec.width
		if len(lines) == 0 {
			avail -= spec.indent
		}
		var (
			cur    []word
			widths []float64
			sum    float64
			ln     line
		)
		for len(ws) > 0 {
			w := ws[0]
			ww := s.wordWidth(w, spec)
			gaps := float64(len(cur)) * sp * shrink
			if sum+ww+gaps <= avail {
				cur, widths, sum = append(cur, w), append(widths, ww), sum+ww
				ws = ws[1:]
				continue
			}
			loose := len(cur) < 2 || (avail-sum)/float64(len(cur)-1) > looseness*sp
			if head, tail, bp, ok := s.fitSplit(w, avail-sum-gaps, spec, loose && !prevSoft); ok {
				hw := s.wordWidth(head, spec)
				cur, widths, sum = append(cur, head), append(widths, hw), sum+hw
				ws[0] = tail
				ln.endSoft, ln.endHard, ln.broken = bp.Soft, !bp.Soft, w.plain()
			}
			break
		}
		if len(cur) == 0 { // a word longer than the measure: let it overhang
			ww := s.wordWidth(ws[0], spec)
			cur, widths, sum = append(cur, ws[0]), append(widths, ww), sum+ww
			ws = ws[1:]
		}
		ln.words = cur
		ln.xs = positions(widths, sum, avail, sp, spec.justify && len(ws) > 0)
		if len(lines) == 0 {
			for i := range ln.xs {
				ln.xs[i] += spec.indent
			}
		}
		prevSoft = ln.endSoft
		lines = append(lines, ln)
	}
	return lines
}

// fitSplit finds the longest head of w, cut at a break point, that fits in
// room. Soft breaks are tried only when allowSoft is set.
func (s *setter) fitSplit(w word, room float64, spec textSpec, allowSoft bool) (head, tail word, bp breakPoint, ok bool) {
	pts := s.h.points(w)
	for i := len(pts) - 1; i >= 0; i-- {
		if pts[i].Soft && (!allowSoft || !spec.hyphenate) {
			continue
		}
		h, t := splitWord(w, pts[i])
		if s.wordWidth(h, spec) <= room {
			return h, t, pts[i], true
		}
	}
	return word{}, word{}, breakPoint{}, false
}

// positions places words of the given widths on a line of width avail:
// spread to both edges when justify is set and there is more than one
// word, else separated by normal spaces.
func positions(widths []float64, sum, avail, sp float64, justify bool) []float64 {
	gap := sp
	if justify && len(widths) > 1 {
		gap = (avail - sum) / float64(len(widths)-1)
	}
	xs := make([]float64, len(widths))
	x := 0.0
	for i, w := range widths {
		xs[i] = x
		x += w + gap
	}
	return xs
}
