package textmetrics_test

import (
	"fmt"

	"appraise.app/appraise/internal/textmetrics"
)

func ExampleCompare() {
	ref := "Patients in the left column. Then the right column."
	got := "Then the right column. Patients in the left column."
	s := textmetrics.Compare(got, ref)
	fmt.Printf("recall %.2f precision %.2f order %.2f\n", s.Recall, s.Precision, s.ReadingOrder)
	// Output: recall 1.00 precision 1.00 order 0.56
}
