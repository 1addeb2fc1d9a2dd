package export

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
)

// ErrNoChecklist: a checklist export was asked for a paper with no
// checklist in use.
var ErrNoChecklist = errors.New("this paper has no checklist yet; record its design or choose a checklist")

// csvChecklistHeader names the columns of a checklist export, one row per
// item.
var csvChecklistHeader = []string{"Paper title", "DOI", "Checklist", "Checklist version", "Item", "Question",
	"Answer", "Rating", "Not reported", "Comment", "Evidence pages", "Evidence quotes", "Evidence annotation IDs", "Modified"}

// writeChecklistCSV writes the checklist in use, one row per item, with
// the same cell rules as writeCSV. Several evidence quotes share a cell,
// one per line.
func writeChecklistCSV(w io.Writer, in Input) error {
	if in.Appraisal == nil || in.Appraisal.Checklist.Instrument.ID == "" {
		return ErrNoChecklist
	}
	if in.BOM {
		if _, err := io.WriteString(w, BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvChecklistHeader); err != nil {
		return err
	}
	v := in.Appraisal.Checklist
	title, doi := csvCell(paperTitleRaw(in.Paper)), csvCell(in.Paper.Meta.DOI)
	for _, r := range v.Rows {
		var pages, quotes, ids []string
		for _, e := range r.Evidence {
			ids = append(ids, e.ID)
			if e.Missing {
				pages = append(pages, "")
				quotes = append(quotes, "(deleted annotation)")
				continue
			}
			pages = append(pages, strconv.Itoa(e.Annotation.Anchor.Page))
			quotes = append(quotes, strings.Join(strings.Fields(e.Annotation.Anchor.Exact), " "))
		}
		nr := ""
		if r.Answer.NotReported {
			nr = "yes"
		}
		row := []string{title, doi, csvCell(v.Instrument.Name), csvCell(v.Instrument.Version), strconv.Itoa(r.Item.Number),
			csvCell(r.Item.Text), csvCell(string(r.Answer.Answer)), string(r.Rating), nr, csvCell(r.Answer.Comment),
			strings.Join(pages, "\n"), csvCell(strings.Join(quotes, "\n")), csvCell(strings.Join(ids, "\n")), csvTime(r.Answer.Modified)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
