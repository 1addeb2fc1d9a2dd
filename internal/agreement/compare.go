package agreement

import (
	"sort"

	"appraise.app/appraise/internal/appraise"
)

// Reading is one reader's annotations of a paper.
type Reading struct {
	Author      string
	Annotations []appraise.Annotation
}

// TagResult is the comparison of one tag over the paper's sentences.
type TagResult struct {
	Tag       string
	Sentences int // how many sentences were compared
	Table     Table2x2
	Agreement float64
	Kappa     Kappa
	Precision *float64 // of the trainee against the key; nil when the trainee tagged none
	Recall    *float64 // nil when the key tagged none
}

// Result is a whole comparison of the annotations.
type Result struct {
	Key, Trainee string
	Tags         []TagResult
	// Overall pools the tags' tables: every (sentence, tag) pair is one item.
	Overall TagResult
	// Review lists what the trainee should look at again, in text order.
	Review []ReviewItem
}

// ReviewKind says how a passage's readings differ.
type ReviewKind string

// Title is how reports name the kind.
func (k ReviewKind) Title() string {
	switch k {
	case Missed:
		return "Missed"
	case Extra:
		return "Extra"
	case DifferentAnswer:
		return "Different checklist answer"
	}
	return "Different tag"
}

// Review kinds.
const (
	Missed       ReviewKind = "missed"        // the key tagged it, the trainee did not
	Extra        ReviewKind = "extra"         // the trainee tagged it, the key did not
	DifferentTag ReviewKind = "different tag" // both tagged it, with other tags
	// DifferentAnswer: both answered a checklist item, differently. The
	// item's span is the key's first evidence for the answer (none when
	// the key cited none).
	DifferentAnswer ReviewKind = "different checklist answer"
)

// ReviewItem is a run of consecutive sentences the readers treated alike
// among themselves and differently from each other.
type ReviewItem struct {
	Kind        ReviewKind
	Start, End  int    // code points: the run's first sentence start to last sentence end
	Page        int    // where the run starts
	PassageID   string // the run's first sentence
	KeyTags     []string
	TraineeTags []string
	// KeyNotes are the notes of the key's annotations over the run, for
	// feedback; KeyAnnotations their ids.
	KeyNotes       []string
	KeyAnnotations []string
	// For DifferentAnswer: the checklist item, its question, and the two
	// answers; KeyNotes holds the key's comment on it.
	Item                     int
	ItemText                 string
	KeyAnswer, TraineeAnswer string
}

// Compare measures the trainee's reading against the key's on sentences,
// for each of tags (in that order). Sentences must be in text order and
// disjoint, as the segmenter makes them.
func Compare(sentences []appraise.Passage, tags []string, key, trainee Reading) Result {
	res := Result{Key: key.Author, Trainee: trainee.Author}
	keyMarks := make([][]bool, len(tags))
	traineeMarks := make([][]bool, len(tags))
	var pooled Table2x2
	for i, tag := range tags {
		keyMarks[i] = covered(sentences, tagSpans(key.Annotations, tag))
		traineeMarks[i] = covered(sentences, tagSpans(trainee.Annotations, tag))
		t := tabulate(keyMarks[i], traineeMarks[i])
		pooled = pooled.Add(t)
		res.Tags = append(res.Tags, result(tag, len(sentences), t))
	}
	res.Overall = result("", len(sentences), pooled)
	res.Review = review(sentences, tags, keyMarks, traineeMarks, key.Annotations)
	return res
}

func tabulate(key, trainee []bool) Table2x2 {
	var t Table2x2
	for i := range key {
		switch {
		case key[i] && trainee[i]:
			t.Both++
		case key[i]:
			t.KeyOnly++
		case trainee[i]:
			t.TraineeOnly++
		default:
			t.Neither++
		}
	}
	return t
}

func result(tag string, sentences int, t Table2x2) TagResult {
	return TagResult{Tag: tag, Sentences: sentences, Table: t, Agreement: t.Agreement(),
		Kappa: t.Kappa(), Precision: t.Precision(), Recall: t.Recall()}
}

// review walks the sentences and groups consecutive ones that differ in
// the same way into review items.
func review(sents []appraise.Passage, tags []string, key, trainee [][]bool, keyAnns []appraise.Annotation) []ReviewItem {
	var out []ReviewItem
	for i, s := range sents {
		var kt, tt []string
		for j, tag := range tags {
			if key[j][i] {
				kt = append(kt, tag)
			}
			if trainee[j][i] {
				tt = append(tt, tag)
			}
		}
		if equal(kt, tt) {
			continue
		}
		kind := DifferentTag
		switch {
		case len(tt) == 0:
			kind = Missed
		case len(kt) == 0:
			kind = Extra
		}
		if n := len(out); n > 0 && out[n-1].Kind == kind && out[n-1].End <= s.Start &&
			adjacent(sents, i, out[n-1].End) && equal(out[n-1].KeyTags, kt) && equal(out[n-1].TraineeTags, tt) {
			out[n-1].End = s.End
			continue
		}
		out = append(out, ReviewItem{Kind: kind, Start: s.Start, End: s.End, Page: s.Page,
			PassageID: s.ID, KeyTags: kt, TraineeTags: tt})
	}
	for i := range out {
		out[i].KeyNotes, out[i].KeyAnnotations = notesOver(keyAnns, out[i].Start, out[i].End)
	}
	return out
}

// adjacent reports whether sentence i directly follows the sentence that
// ends at end.
func adjacent(sents []appraise.Passage, i, end int) bool {
	return i > 0 && sents[i-1].End == end
}

// notesOver returns the notes and ids of the annotations overlapping
// [start, end), in text order, notes without repeats.
func notesOver(anns []appraise.Annotation, start, end int) (notes, ids []string) {
	over := make([]appraise.Annotation, 0, 2)
	for _, a := range anns {
		if a.Anchor.Start < end && a.Anchor.End > start {
			over = append(over, a)
		}
	}
	sort.SliceStable(over, func(i, j int) bool { return over[i].Anchor.Start < over[j].Anchor.Start })
	seen := map[string]bool{}
	for _, a := range over {
		ids = append(ids, a.ID)
		if a.Note != "" && !seen[a.Note] {
			seen[a.Note] = true
			notes = append(notes, a.Note)
		}
	}
	return notes, ids
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
