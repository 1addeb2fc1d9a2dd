package anchor_test

import (
	"fmt"

	"appraise.app/appraise/internal/anchor"
	"appraise.app/appraise/internal/appraise"
)

// An annotation made on one extraction is found again in another that
// hyphenates a word, uses a ligature and has an extra paragraph in front.
func ExampleReattacher_Reattach() {
	old := appraise.Document{ExtractorVersion: "1", Text: "We enrolled 120 children. The trial was small and follow-up was short."}
	a, _ := anchor.New(old, 26, 50) // "The trial was small and"
	fmt.Printf("%q\n", a.Exact)

	nw := appraise.Document{ExtractorVersion: "2",
		Text: "Abstract\n\nWe enrolled 120 chil-\ndren. The trial was small and follow-up was short. E\ufb03cacy was unclear."}
	res := anchor.NewReattacher(nw).Reattach(a)
	fmt.Println(res.Status == appraise.Attached, res.Method, res.Anchor.Start, res.Anchor.End)
	// Output:
	// "The trial was small and"
	// true exact 38 61
}
