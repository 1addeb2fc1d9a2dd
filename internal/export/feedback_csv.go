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
// one for all tags pooled), then the checklist (one "checklist" row with
// its agreement and kappa, one "checklist item" row per item: the key's
// answer under Key tags, the trainee's under Trainee tags) and the claims'
// certainty likewise, then one per review item, told apart by the Section
// column so a spreadsheet can filter them.
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
	if err := writeAppraisalCSV(cw, f, text); err != nil {
		return err
	}
	for _, r := range f.Result.Review {
		page := ""
		if r.Page > 0 {
			page = strconv.Itoa(r.Page)
		}
		keyCol, traineeCol, quote := strings.Join(r.KeyTags, "; "), strings.Join(r.TraineeTags, "; "), quoteOf(text, r.Start, r.End)
		if r.Kind == agreement.DifferentAnswer {
			keyCol, traineeCol = r.KeyAnswer, r.TraineeAnswer
			quote = fmt.Sprintf("Item %d: %s", r.Item, r.ItemText)
		}
		row := append(make([]string, 11), csvCell(string(r.Kind)), page, csvCell(keyCol),
			csvCell(traineeCol), csvCell(quote), csvCell(strings.Join(r.KeyNotes, "\n")))
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

// writeAppraisalCSV writes the checklist and certainty rows.
func writeAppraisalCSV(cw *csv.Writer, f Feedback, text []rune) error {
	row := func(section, name string, n int, agree *float64, k agreement.Kappa, kind, key, trainee, quote, note string) []string {
		r := make([]string, len(feedbackCSVHeader))
		r[0], r[1], r[2], r[3], r[4] = section, csvCell(name), strconv.Itoa(n), number(agree), kappaNumber(k)
		r[11], r[13], r[14], r[15], r[16] = kind, csvCell(key), csvCell(trainee), csvCell(quote), csvCell(note)
		return r
	}
	if c := f.Checklist; c != nil {
		agree := &c.Agreement
		if c.Answered == 0 {
			agree = nil
		}
		if err := cw.Write(row("checklist", f.Instrument.Name, c.Answered, agree, c.Kappa, "", "", "", "", c.Kappa.Undefined)); err != nil {
			return err
		}
		for _, it := range c.Items {
			q, _ := f.Instrument.Item(it.Item)
			kind := ""
			switch {
			case it.Same:
				kind = "same"
			case it.BothAnswered:
				kind = "different"
			}
			r := row("checklist item", strconv.Itoa(it.Item), 0, nil, agreement.Kappa{}, kind, it.Key, it.Trainee, q.Text, it.KeyComment)
			r[2], r[4] = "", ""
			if err := cw.Write(r); err != nil {
				return err
			}
		}
	}
	if c := f.Certainty; c != nil {
		agree := &c.Agreement
		if c.Rated == 0 {
			agree = nil
		}
		if err := cw.Write(row("certainty", "(claims)", c.Rated, agree, c.Kappa, "", "", "", "", c.Kappa.Undefined)); err != nil {
			return err
		}
		for _, cl := range c.Claims {
			trainee, kind := "", ""
			if cl.Trainee != nil {
				trainee = cl.Trainee.Certainty
			}
			if cl.Same {
				kind = "same"
			} else if cl.Trainee != nil && cl.Trainee.Certainty != "" && cl.Key.Certainty != "" {
				kind = "different"
			}
			r := row("certainty claim", cl.Key.Annotation, 0, nil, agreement.Kappa{}, kind, cl.Key.Certainty, trainee, quoteOf(text, cl.Key.Start, cl.Key.End), "")
			r[2], r[4] = "", ""
			if err := cw.Write(r); err != nil {
				return err
			}
		}
	}
	return nil
}
