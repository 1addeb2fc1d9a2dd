package anchor

import (
	"index/suffixarray"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"appraise.app/appraise/internal/appraise"
)

// Method says how an anchor was found again.
type Method string

// The ways Reattach finds an anchor.
const (
	MethodExact Method = "exact" // the quote, normalised, occurs in the text
	MethodFuzzy Method = "fuzzy" // an aligned near-match
	MethodNone  Method = "none"  // nothing plausible: orphaned
)

// Thresholds of the decision. Similarity compares the quote with the new
// text (1 − edit distance / length, after normalisation and lower-casing);
// Context compares the stored prefix and suffix with the text around the
// candidate the same way.
const (
	// attachSimilarity is the least similarity of a fuzzy match that may be
	// attached without review.
	attachSimilarity = 0.90
	// reviewSimilarity is the least similarity worth offering as a guess.
	reviewSimilarity = 0.70
	// margin is how much better (score) the best candidate must be than the
	// runner-up at another place to be attached without review.
	margin = 0.1
	// dominance is how many times nearer the old place the best of several
	// equally good copies must be than the next to be attached.
	dominance = 3
	// conflictSimilarity is the similarity from which a near-copy that
	// agrees with the context casts doubt on an exact occurrence elsewhere.
	conflictSimilarity = 0.8
	// minFuzzy is the shortest quote (normalised) that fuzzy matching tries.
	minFuzzy = 10
	// maxOccurrences bounds the exact occurrences examined.
	maxOccurrences = 2000
)

// Result is where an anchor is now.
type Result struct {
	// Anchor is the new anchor when Status is Attached (quote, context and
	// offsets from the new text); for NeedsReview it carries the best guess's
	// offsets, passage, page and the new extractor version but keeps the old
	// Exact, Prefix and Suffix; for Orphaned it is the old anchor unchanged.
	Anchor     appraise.Anchor
	Status     appraise.AnchorStatus
	Method     Method
	Similarity float64 // 0..1, quote against the text found
	Context    float64 // 0..1, prefix and suffix against the text around it
}

// Reattacher finds anchors again in one Document. Build it once per
// document: it normalises the whole text. It is not safe for concurrent use.
type Reattacher struct {
	doc  appraise.Document
	text []rune
	n    normText
	dmp  *diffmatchpatch.DiffMatchPatch
	sa   *suffixarray.Index // of n.low, built on first fuzzy search
}

// NewReattacher prepares doc for re-anchoring.
func NewReattacher(doc appraise.Document) *Reattacher {
	text := []rune(doc.Text)
	n := normalizeRunes(text, false)
	n.index()
	dmp := diffmatchpatch.New()
	return &Reattacher{doc: doc, text: text, n: n, dmp: dmp}
}

// Reattach is NewReattacher(doc).Reattach(a), for one anchor.
func Reattach(doc appraise.Document, a appraise.Anchor) Result {
	return NewReattacher(doc).Reattach(a)
}

// candidate is one place the quote may be, in normalised offsets.
type candidate struct {
	ns, ne     int // normalised span
	start, end int // original span
	sim        float64
	cm         contextMatch
	ctx        float64 // cm.mean()
	hasCtx     bool
	exact      bool
}

func (c *candidate) setContext(m contextMatch) {
	c.cm = m
	c.ctx, c.hasCtx = m.mean()
}

func (c candidate) score() float64 {
	if !c.hasCtx {
		return c.sim
	}
	return 0.6*c.sim + 0.4*c.ctx
}

// Reattach finds a in the document. It never fails: what it cannot place
// confidently comes back NeedsReview or Orphaned.
func (r *Reattacher) Reattach(a appraise.Anchor) Result {
	q := normalizeRunes([]rune(a.Exact), true)
	if len(q.r) == 0 {
		return orphan(a)
	}
	q.index()
	ctx := r.newContext(a)

	exact := r.exactCandidates(q, ctx)
	best, ok := r.pickExact(a, exact, len(q.r))
	if ok && best.start == a.Start && r.rawEqual(best, a.Exact) {
		return r.attach(a, best, MethodExact)
	}
	var fuzzy []candidate
	if len(q.r) >= minFuzzy {
		fuzzy = r.fuzzyCandidates(q, ctx, exact)
	}
	if ok && !conflicts(fuzzy) {
		return r.attach(a, best, MethodExact)
	}
	cands := append(exact, fuzzy...)
	if len(cands) == 0 {
		return orphan(a)
	}
	best, runnerUp := rank(cands, a.Start)
	method := MethodFuzzy
	if best.exact {
		method = MethodExact
	}
	switch {
	case best.sim >= attachSimilarity && best.cm.agrees() &&
		(runnerUp == nil || best.score()-runnerUp.score() >= margin):
		return r.attach(a, best, method)
	case best.sim >= reviewSimilarity:
		return r.review(a, best, method)
	}
	return orphan(a)
}

// pickExact decides among exact occurrences alone; ok is false when none
// is confident enough to attach without looking further.
func (r *Reattacher) pickExact(a appraise.Anchor, exact []candidate, qlen int) (candidate, bool) {
	if len(exact) == 0 {
		return candidate{}, false
	}
	best, runnerUp := rank(exact, a.Start)
	switch {
	case best.start == a.Start && r.rawEqual(best, a.Exact) && (best.cm.agrees() || qlen >= minFuzzy):
		// Unchanged at its old place.
		return best, true
	case !best.cm.agrees():
		return candidate{}, false
	case runnerUp == nil:
		return best, true
	case best.score()-runnerUp.score() >= margin:
		return best, true
	case abs(best.start-a.Start)*dominance < abs(runnerUp.start-a.Start):
		// Copies in equally good surroundings (running heads, repeated
		// sentences): only a clearly nearest one is trusted.
		return best, true
	}
	return candidate{}, false
}

// conflicts reports whether a near-copy elsewhere fits as well as an exact
// occurrence would: the exact one may be a copy (a running head, a repeated
// sentence) while the annotated text itself changed a little.
func conflicts(fuzzy []candidate) bool {
	for _, c := range fuzzy {
		if c.sim >= conflictSimilarity && c.cm.agrees() {
			return true
		}
	}
	return false
}

func (r *Reattacher) rawEqual(c candidate, exact string) bool {
	return c.end-c.start == len([]rune(exact)) && string(r.text[c.start:c.end]) == exact
}

// rank returns the best candidate by score (ties: nearest to old) and the
// best one that does not overlap it.
func rank(cs []candidate, old int) (candidate, *candidate) {
	bi := 0
	for i := 1; i < len(cs); i++ {
		if better(cs[i], cs[bi], old) {
			bi = i
		}
	}
	best := cs[bi]
	var ru *candidate
	for i := range cs {
		c := cs[i]
		if i == bi || (c.ns < best.ne && best.ns < c.ne) {
			continue
		}
		if ru == nil || better(c, *ru, old) {
			ru = &cs[i]
		}
	}
	return best, ru
}

const tieEpsilon = 0.02

func better(c, d candidate, old int) bool {
	if diff := c.score() - d.score(); diff > tieEpsilon || diff < -tieEpsilon {
		return diff > 0
	}
	return abs(c.start-old) < abs(d.start-old)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// exactCandidates lists the occurrences of the normalised quote.
func (r *Reattacher) exactCandidates(q normText, ctx context) []candidate {
	var out []candidate
	s, needle := r.n.str.s, q.str.s
	from := 0
	for len(out) < maxOccurrences {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			break
		}
		b := from + i
		ns := r.n.str.runeIndex(b)
		ne := ns + len(q.r)
		c := candidate{ns: ns, ne: ne, sim: 1, exact: true}
		c.start, c.end = r.n.origSpan(ns, ne)
		c.setContext(r.contextScore(ctx, ns, ne))
		out = append(out, c)
		from = b + len(string(q.r[0]))
	}
	return out
}

func (r *Reattacher) attach(old appraise.Anchor, c candidate, m Method) Result {
	na, err := newAnchor(r.doc, r.text, c.start, c.end)
	if err != nil {
		// Cannot happen: the span is inside the text and a non-empty
		// normalised quote is never whitespace only. Lose nothing anyway.
		return orphan(old)
	}
	return Result{Anchor: na, Status: appraise.Attached, Method: m, Similarity: c.sim, Context: c.ctx}
}

func (r *Reattacher) review(old appraise.Anchor, c candidate, m Method) Result {
	guess, err := newAnchor(r.doc, r.text, c.start, c.end)
	if err != nil {
		return orphan(old)
	}
	a := old
	a.Start, a.End = guess.Start, guess.End
	a.PassageID, a.Page = guess.PassageID, guess.Page
	a.ExtractorVersion = r.doc.ExtractorVersion
	return Result{Anchor: a, Status: appraise.NeedsReview, Method: m, Similarity: c.sim, Context: c.ctx}
}

func orphan(a appraise.Anchor) Result {
	return Result{Anchor: a, Status: appraise.Orphaned, Method: MethodNone}
}
