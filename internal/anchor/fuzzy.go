package anchor

import (
	"index/suffixarray"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Fuzzy matching: seeds (short k-grams of the lower-cased quote) that occur
// exactly in the text vote for where the quote would start; the places with
// most votes are aligned with the quote by go-diff, which gives both the
// similarity and the new span. Seeds keep it fast on a whole paper and make
// long quotes no harder than short ones (bitap is limited to 32 runes).
const (
	maxSeeds       = 24
	maxSeedHits    = 400 // a seed found more often says nothing
	maxCandidates  = 5
	maxAlignLength = 20000 // longer quotes are matched exactly or not at all
)

func (r *Reattacher) fuzzyCandidates(q normText, ctx context, exact []candidate) []candidate {
	L := len(q.lowR)
	if L > maxAlignLength {
		return nil
	}
	g := min(8, max(4, L/3))
	binW := 4 + L/25
	votes := map[int]int{}
	seeds := 0
	stride := max(1, (L-g)/(maxSeeds-1))
	for p := 0; p+g <= L; p += stride {
		seed := string(q.lowR[p : p+g])
		hits := r.seedHits(seed)
		if hits == nil {
			continue
		}
		seeds++
		for _, h := range hits {
			votes[(h-p)/binW]++
		}
	}
	// A place sharing few seeds with the quote cannot reach the review
	// threshold: with 8-grams, a 0.8 similar text keeps about a sixth.
	minVotes := max(1, seeds/10)
	if seeds >= 4 {
		minVotes = max(2, minVotes)
	}
	var out []candidate
	for _, bin := range topBins(votes, minVotes) {
		start := bin * binW
		if overlapsAny(candidate{ns: start + binW, ne: start + L - binW}, exact) {
			continue // the exact occurrence, already a candidate
		}
		c, ok := r.align(q.lowR, start, binW)
		if !ok || overlapsAny(c, exact) || overlapsAny(c, out) {
			continue
		}
		c.start, c.end = r.n.origSpan(c.ns, c.ne)
		c.setContext(r.contextScore(ctx, c.ns, c.ne))
		out = append(out, c)
	}
	return out
}

// seedHits returns the normalised offsets where seed occurs, or nil when
// it occurs nowhere or too often to be informative. The first call builds
// a suffix array of the lower-cased text, so each seed is a binary search
// rather than a scan of the whole paper.
func (r *Reattacher) seedHits(seed string) []int {
	if r.sa == nil {
		r.sa = suffixarray.New([]byte(r.n.low.s))
	}
	offs := r.sa.Lookup([]byte(seed), maxSeedHits+1)
	if len(offs) == 0 || len(offs) > maxSeedHits {
		return nil
	}
	hits := make([]int, len(offs))
	for i, b := range offs {
		hits[i] = r.n.low.runeIndex(b)
	}
	return hits
}

// topBins returns the bins with the most votes (counting both neighbours,
// since edits shift a seed's implied start), best first, skipping bins
// next to one already taken and bins with under a quarter of the best's
// votes.
func topBins(votes map[int]int, minVotes int) []int {
	type bv struct{ bin, v int }
	var all []bv
	top := 0
	for b := range votes {
		v := votes[b-1] + votes[b] + votes[b+1]
		top = max(top, v)
		if v >= minVotes {
			all = append(all, bv{b, v})
		}
	}
	// Far fewer votes than the best place means far less shared text.
	all = slices.DeleteFunc(all, func(x bv) bool { return x.v*4 < top })
	sort.Slice(all, func(i, j int) bool {
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].bin < all[j].bin
	})
	var out []int
	taken := map[int]bool{}
	for _, x := range all {
		if len(out) == maxCandidates {
			break
		}
		if taken[x.bin] || taken[x.bin-1] || taken[x.bin+1] {
			continue
		}
		taken[x.bin] = true
		out = append(out, x.bin)
	}
	return out
}

// align diffs the quote against a window of the text around start and
// returns the aligned span and its similarity.
//
// A diff is a global alignment: the window's extra text on either side is
// "inserted" at no extra cost wherever it goes, so single characters of the
// quote's ends may be matched far out in that text. The span is therefore
// taken from the first and last solid runs of equal text (extrapolated by
// the quote characters outside them) and measured again on its own.
func (r *Reattacher) align(q []rune, start, binW int) (candidate, bool) {
	low := r.n.lowR
	L := len(q)
	slack := 2*binW + L/10 + 8
	ws := max(0, start-slack)
	we := min(len(low), start+L+slack)
	if ws >= we {
		return candidate{}, false
	}
	window := low[ws:we]
	runs := equalRuns(r.dmp.DiffMainRunes(q, window, false))
	solid := min(4, L)
	first, last := -1, -1
	for i, e := range runs {
		if e.n >= solid {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return candidate{}, false
	}
	f, l := runs[first], runs[last]
	ns := ws + max(0, f.w-f.q)
	ne := ws + min(len(window), l.w+l.n+(L-l.q-l.n))
	// Trim spaces the span took in at either end.
	for ns < ne && low[ns] == ' ' {
		ns++
	}
	for ne > ns && low[ne-1] == ' ' {
		ne--
	}
	if ns == ne {
		return candidate{}, false
	}
	return candidate{ns: ns, ne: ne, sim: similarity(r.dmp, q, low[ns:ne])}, true
}

// equalRun is a stretch of n equal runes at q in the quote and w in the
// window.
type equalRun struct{ q, w, n int }

func equalRuns(diffs []diffmatchpatch.Diff) []equalRun {
	var out []equalRun
	qi, wi := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, equalRun{qi, wi, n})
			qi += n
			wi += n
		case diffmatchpatch.DiffDelete:
			qi += n
		case diffmatchpatch.DiffInsert:
			wi += n
		}
	}
	return out
}

func overlapsAny(c candidate, cs []candidate) bool {
	for _, d := range cs {
		if c.ns < d.ne && d.ns < c.ne {
			return true
		}
	}
	return false
}
