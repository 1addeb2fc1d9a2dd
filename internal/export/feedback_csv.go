package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"appraise.app/appraise/internal/agreement"
)

// feedbackCSVHeader names the feedback CSV's columns: one row per tag (and
// one for all tags pooled), then one per review item, told apart by the
// Section column so a spreadsheet can filter them.
var feedbackCSVHeader = []string{"Section", "Tag", "Sentences", "Agreement", "Kappa", "Precision",
	"Recall", "Both", "Key only", "Trainee only", "Neither", "Kind", "Page", "Key tags",
	"Trainee tags", "Quote", "Key note"}

// WriteFeedbackCSV writes the comparison as RFC 4180 CSV with the same
// cell rules as the annotations CSV.
func WriteFeedbackCSV(w io.Writer, f Feedback, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(feedbackCSVHeader); err != nil {
		return err
	}
	rows := make([]agreement.TagResult, 0, len(f.Result.Tags)+1)
	rows = append(rows, f.Result.Tags...)
	all := f.Result.Overall
	all.Tag = "(all tags)"
	rows = append(rows, all)
	for _, r := range rows {
		t := r.Table
		row := []string{"agreement", csvCell(r.Tag), strconv.Itoa(r.Sentences), number(&r.Agreement),
			kappaNumber(r.Kappa), number(r.Precision), number(r.Recall), strconv.Itoa(t.Both),
			strconv.Itoa(t.KeyOnly), strconv.Itoa(t.TraineeOnly), strconv.Itoa(t.Neither)}
		if err := cw.Write(append(row, make([]string, 6)...)); err != nil {
			return err
		}
	}
	text := []rune(f.Text)
	for _, r := range f.Result.Review {
		page := ""
		if r.Page > 0 {
			page = strconv.Itoa(r.Page)
		}
		row := append(make([]string, 11), csvCell(string(r.Kind)), page, csvCell(strings.Join(r.KeyTags, "; ")),
			csvCell(strings.Join(r.TraineeTags, "; ")), csvCell(quoteOf(text, r.Start, r.End)),
			csvCell(strings.Join(r.KeyNotes, "\n")))
		row[0] = "review"
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// number writes a share with three decimals, "" when undefined.
func number(v *float64) string {
	if v == nil {
		return ""
	}
	return fmt.Sprintf("%.3f", *v)
}

func kappaNumber(k agreement.Kappa) string { return number(k.Value) }
