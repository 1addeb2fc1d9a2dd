package agreement

import "sort"

// ItemComparison is one checklist item as both readers answered it.
type ItemComparison struct {
	Item               int
	Key, Trainee       string // answers; "" when not answered
	Same               bool   // both answered, alike
	KeyComment         string
	BothAnswered       bool
	KeyNotReported     bool
	TraineeNotReported bool
}

// ChecklistAnswer is one reader's answer to an item, as plain values so
// that any checklist representation can be compared.
type ChecklistAnswer struct {
	Answer      string
	Comment     string
	NotReported bool
}

// ChecklistResult compares two readers' answers to the same instrument.
type ChecklistResult struct {
	Items []ItemComparison // every item either reader answered, by number
	// Answered is how many items both answered; Agreement and Kappa are
	// over those.
	Answered  int
	Agreement float64
	Kappa     Kappa
}

// CompareChecklist compares answers keyed by item number. An empty answer
// counts as not answered.
func CompareChecklist(key, trainee map[int]ChecklistAnswer) ChecklistResult {
	items := map[int]bool{}
	for n, a := range key {
		if a.Answer != "" {
			items[n] = true
		}
	}
	for n, a := range trainee {
		if a.Answer != "" {
			items[n] = true
		}
	}
	nums := make([]int, 0, len(items))
	for n := range items {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var res ChecklistResult
	var pairs [][2]string
	for _, n := range nums {
		k, t := key[n], trainee[n]
		c := ItemComparison{Item: n, Key: k.Answer, Trainee: t.Answer, KeyComment: k.Comment,
			KeyNotReported: k.NotReported, TraineeNotReported: t.NotReported}
		c.BothAnswered = k.Answer != "" && t.Answer != ""
		if c.BothAnswered {
			c.Same = k.Answer == t.Answer
			pairs = append(pairs, [2]string{k.Answer, t.Answer})
		}
		res.Items = append(res.Items, c)
	}
	res.Answered = len(pairs)
	res.Agreement, res.Kappa = CategoricalKappa(pairs)
	return res
}

// AnswerReview lists the items both readers answered differently, in item
// order, as review items with the key's comment as its note. text gives
// an item's question (may be nil).
func AnswerReview(res ChecklistResult, text func(item int) string) []ReviewItem {
	var out []ReviewItem
	for _, it := range res.Items {
		if !it.BothAnswered || it.Same {
			continue
		}
		r := ReviewItem{Kind: DifferentAnswer, Item: it.Item, KeyAnswer: it.Key, TraineeAnswer: it.Trainee}
		if text != nil {
			r.ItemText = text(it.Item)
		}
		if it.KeyComment != "" {
			r.KeyNotes = []string{it.KeyComment}
		}
		out = append(out, r)
	}
	return out
}
