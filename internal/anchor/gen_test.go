package anchor

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"appraise.app/appraise/internal/appraise"
)

// A generated paper for the perturbation evaluation: blocks of sentences
// of words. Rendering applies perturbations word by word and records where
// every word ends up, so the true place of any quote in a perturbed
// rendering is known exactly.
type paper [][][]string // block → sentence → word

// wref names a word of a paper.
type wref struct{ b, s, w int }

// quoteRef is a quote: the words from first to last (inclusive).
type quoteRef struct{ first, last wref }

var vocabulary = strings.Fields(`
patients participants adults children women men trial cohort study studies
randomised randomized controlled placebo treatment treatments therapy
intervention interventions outcome outcomes primary secondary efficacy
effect effects affected affecting significant significantly difference
differences risk ratio hazard odds confidence interval baseline follow
week weeks month months year years dose doses daily inhaled oral
steroid steroids budesonide asthma exacerbation exacerbations lung
function hospital hospitals admission admissions clinic clinics
community primary care general practice population populations sample
samples enrolled recruited excluded included eligible criteria age aged
older younger median mean standard deviation analysis analyses adjusted
unadjusted regression model models logistic linear sensitivity subgroup
subgroups heterogeneity bias selection reporting blinding blinded open
label allocation concealment adherence compliance adverse events serious
mortality survival quality life score scores scale questionnaire
measured measurement reported self limited limitation limitations small
short long term findings suggest support evidence benefit benefits harm
harms first final flow fluid fibrosis flexible field fields official
offered office suffered sufficient affluent influenza profile profiles
the the the the of of of and and and in in in to to a a with with was was
were were for for on on by by from at as that this these than not no
`)

func genSentence(rng *rand.Rand) []string {
	n := 8 + rng.Intn(14)
	ws := make([]string, n)
	for i := range ws {
		switch r := rng.Intn(40); {
		case r == 0:
			ws[i] = fmt.Sprintf("(n = %d)", 10+rng.Intn(990))
		case r == 1:
			ws[i] = fmt.Sprintf("%d%%", rng.Intn(100))
		default:
			ws[i] = vocabulary[rng.Intn(len(vocabulary))]
		}
	}
	ws[0] = capitalise(ws[0])
	ws[n-1] += "."
	return ws
}

func genPaper(rng *rand.Rand, blocks int) paper {
	p := make(paper, blocks)
	for b := range p {
		ns := 2 + rng.Intn(5)
		for range ns {
			p[b] = append(p[b], genSentence(rng))
		}
	}
	return p
}

func capitalise(w string) string {
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// corpusPapers reads pdftotext output from APPRAISE_CORPUS as papers:
// paragraphs at blank lines, sentences after ". ", words at whitespace.
func corpusPapers(tb testing.TB) []paper {
	tb.Helper()
	dir := os.Getenv("APPRAISE_CORPUS")
	if dir == "" {
		tb.Skip("APPRAISE_CORPUS is not set: set it to the shared corpus folder to evaluate re-anchoring on real papers")
	}
	files, err := filepath.Glob(filepath.Join(dir, "pdftotext", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no pdftotext/*.txt under APPRAISE_CORPUS=%s (%v)", dir, err)
	}
	var out []paper
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var p paper
		for _, para := range strings.Split(string(data), "\n\n") {
			var block [][]string
			for _, s := range splitSentences(strings.Join(strings.Fields(para), " ")) {
				if ws := strings.Fields(s); len(ws) > 0 {
					block = append(block, ws)
				}
			}
			if len(block) > 0 && len(strings.Fields(para)) >= 5 {
				p = append(p, block)
			}
		}
		if len(p) > 10 {
			out = append(out, p)
		}
	}
	return out
}

// perturb says how to render a paper.
type perturb struct {
	order      []int   // block order; nil keeps it
	front      bool    // add a paragraph the other rendering lacks
	noise      float64 // per-character edit probability inside words
	whitespace bool    // line breaks and double spaces between words
	hyphenate  bool    // break long words at "line ends" with a hyphen
	ligatures  bool    // use ligature code points for ff, fi, fl, ffi, ffl
}

// rendering is a Document and where each word of the paper went:
// words[b][s][w] is the span of word w of sentence s of block b.
type rendering struct {
	doc   appraise.Document
	words [][][][2]int
}

func render(rng *rand.Rand, p paper, version string, pt perturb) rendering {
	r := rendering{doc: appraise.Document{ExtractorVersion: version}, words: make([][][][2]int, len(p))}
	var text []rune
	order := pt.order
	if order == nil {
		order = make([]int, len(p))
		for i := range order {
			order[i] = i
		}
	}
	blocks := order
	if pt.front {
		blocks = append([]int{-1}, order...)
	}
	for bi, b := range blocks {
		if bi > 0 {
			text = append(text, '\n', '\n')
		}
		bstart := len(text)
		page := bi/6 + 1
		sentences := [][]string{{"Front", "matter", "that", "only", "this", "rendering", "has."}}
		if b >= 0 {
			sentences = p[b]
			r.words[b] = make([][][2]int, len(sentences))
		}
		for si, s := range sentences {
			if si > 0 {
				text = append(text, []rune(separator(rng, pt))...)
			}
			sstart := len(text)
			if b >= 0 {
				r.words[b][si] = make([][2]int, len(s))
			}
			for wi, w := range s {
				if wi > 0 {
					text = append(text, []rune(separator(rng, pt))...)
				}
				ws := len(text)
				text = append(text, []rune(perturbWord(rng, w, pt))...)
				if b >= 0 {
					r.words[b][si][wi] = [2]int{ws, len(text)}
				}
			}
			r.doc.Passages = append(r.doc.Passages, appraise.Passage{
				ID: fmt.Sprintf("b%d.s%d", bi, si), Block: bi, Page: page, Start: sstart, End: len(text)})
		}
		r.doc.Blocks = append(r.doc.Blocks, appraise.Block{Index: bi, Kind: appraise.KindParagraph, Page: page, Start: bstart, End: len(text)})
	}
	r.doc.Text = string(text)
	return r
}

func (r rendering) span(q quoteRef) (int, int, bool) {
	a, ok1 := r.word(q.first)
	b, ok2 := r.word(q.last)
	return a[0], b[1], ok1 && ok2
}

func (r rendering) word(w wref) ([2]int, bool) {
	if w.b >= len(r.words) || w.s >= len(r.words[w.b]) || w.w >= len(r.words[w.b][w.s]) {
		return [2]int{}, false
	}
	return r.words[w.b][w.s][w.w], true
}

func separator(rng *rand.Rand, pt perturb) string {
	if !pt.whitespace {
		return " "
	}
	switch x := rng.Intn(100); {
	case x < 12:
		return "\n"
	case x < 17:
		return "  "
	case x < 19:
		return " \n "
	}
	return " "
}

func perturbWord(rng *rand.Rand, w string, pt perturb) string {
	if pt.noise > 0 {
		w = addNoise(rng, w, pt.noise)
	}
	if pt.ligatures {
		for _, l := range []struct{ from, to string }{
			{"ffi", "\ufb03"}, {"ffl", "\ufb04"}, {"ff", "\ufb00"}, {"fi", "\ufb01"}, {"fl", "\ufb02"},
		} {
			w = strings.ReplaceAll(w, l.from, l.to)
		}
	}
	if pt.hyphenate && rng.Intn(100) < 15 {
		rs := []rune(w)
		if len(rs) >= 7 && allLower(rs[3:len(rs)-3]) {
			k := 3 + rng.Intn(len(rs)-5)
			if unicode.IsLower(rs[k]) && unicode.IsLetter(rs[k-1]) {
				brk := "-\n"
				if rng.Intn(2) == 0 {
					brk = "- "
				}
				w = string(rs[:k]) + brk + string(rs[k:])
			}
		}
	}
	return w
}

func allLower(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// addNoise substitutes, deletes or inserts characters with probability p
// each, keeping the word non-empty.
func addNoise(rng *rand.Rand, w string, p float64) string {
	var out []rune
	for _, r := range w {
		if rng.Float64() >= p {
			out = append(out, r)
			continue
		}
		switch rng.Intn(4) {
		case 0, 1:
			out = append(out, rune('a'+rng.Intn(26)))
		case 2: // delete
		case 3:
			out = append(out, r, rune('a'+rng.Intn(26)))
		}
	}
	if len(out) == 0 {
		return "x"
	}
	return string(out)
}
