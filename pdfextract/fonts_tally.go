package pdfextract

// fontTally counts characters per font name to find a line's dominant
// font. A line carries a handful of fonts, so a few slots scanned in
// order beat a map (which hashes every name); a map takes the overflow
// on hostile pages with many fonts on one line.
type fontTally struct {
	slots [8]fontCount
	used  int
	more  map[string]int
}

type fontCount struct {
	name string
	n    int
}

// add counts one character in font name.
func (t *fontTally) add(name string) {
	for i := range t.used {
		if t.slots[i].name == name {
			t.slots[i].n++
			return
		}
	}
	if t.used < len(t.slots) {
		t.slots[t.used] = fontCount{name, 1}
		t.used++
		return
	}
	if t.more == nil {
		t.more = map[string]int{}
	}
	t.more[name]++
}

// best is the font with the most characters, the smallest name on ties;
// "" when nothing was counted.
func (t *fontTally) best() string {
	best, bestN := "", 0
	consider := func(name string, n int) {
		if n > bestN || n == bestN && name < best {
			best, bestN = name, n
		}
	}
	for _, s := range t.slots[:t.used] {
		consider(s.name, s.n)
	}
	for name, n := range t.more {
		consider(name, n)
	}
	return best
}
