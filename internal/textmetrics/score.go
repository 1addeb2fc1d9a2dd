package textmetrics

// Recall is the share of the reference's words (with repeats) that the
// extraction got: Overlap / ref.Total. An empty reference has recall 1.
func Recall(got, ref Counts) float64 {
	total := ref.Total()
	if total == 0 {
		return 1
	}
	return float64(Overlap(got, ref)) / float64(total)
}

// Precision is the share of the extraction's words that the reference has:
// Overlap / got.Total. An empty extraction has precision 1 (it says nothing
// wrong); its recall and F1 expose it.
func Precision(got, ref Counts) float64 {
	total := got.Total()
	if total == 0 {
		return 1
	}
	return float64(Overlap(got, ref)) / float64(total)
}

// F1 is the harmonic mean of Precision and Recall; 0 when both are 0.
func F1(got, ref Counts) float64 {
	p, r := Precision(got, ref), Recall(got, ref)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ReadingOrder is the reading-order agreement of two word sequences: the
// length of their longest common subsequence divided by the reference's
// length. Words present in both but in a different order (a column read in
// the wrong order, a caption dropped into a sentence) lower it; missing
// words lower it as recall does. An empty reference scores 1.
func ReadingOrder(got, ref []string) float64 {
	if len(ref) == 0 {
		return 1
	}
	return float64(LCSLength(got, ref)) / float64(len(ref))
}

// Score is every metric for one extraction against one reference.
type Score struct {
	GotWords, RefWords int
	Recall, Precision  float64
	F1                 float64
	ReadingOrder       float64
}

// Compare splits both texts into words and scores got against ref.
func Compare(got, ref string) Score {
	gw, rw := Words(got), Words(ref)
	gc, rc := CountWords(gw), CountWords(rw)
	return Score{
		GotWords:     len(gw),
		RefWords:     len(rw),
		Recall:       Recall(gc, rc),
		Precision:    Precision(gc, rc),
		F1:           F1(gc, rc),
		ReadingOrder: ReadingOrder(gw, rw),
	}
}
