package export

import (
	"slices"
	"strconv"
	"strings"
)

// Table is an export as a grid for spreadsheets: a header and one row per
// annotation, papers one after another. CSV and the xlsx writer share it.
// Cells are the text as it is, made valid UTF-8; each writer applies its
// own defence against formulas.
type Table struct {
	Header []string
	Rows   [][]string
}

// TableHeader names the columns: the annotation first, then the paper card.
var TableHeader = []string{"Paper title", "DOI", "Page", "Tags", "Quote", "Note", "Author",
	"Created", "Modified", "Annotation ID", "Status",
	"Authors", "Year", "Journal", "Study design", "Sample size", "Setting", "Bottom line", "Paper ID"}

// TagSeparator joins an annotation's tags in the Tags column.
const TagSeparator = "; "

// AnnotationTable is the table of the papers' annotations: one row per
// annotation whatever its number of tags, in text order within each paper.
// With everyPaper, a paper with no annotation still has a row of its own
// (the annotation columns empty), so a library table lists every paper.
func AnnotationTable(papers []Input, everyPaper bool) Table {
	t := Table{Header: TableHeader}
	for _, in := range papers {
		p := in.Paper
		card := []string{strings.Join(p.Meta.Authors, TagSeparator), year(p.Meta.Year), p.Meta.Journal,
			designLabel(p.Appraisal), p.Appraisal.SampleSize, p.Appraisal.Setting, p.Appraisal.BottomLine, string(p.ID)}
		lead := []string{paperTitleRaw(p), p.Meta.DOI}
		order := tagOrder(in)
		anns := sortedAnnotations(in.Annotations)
		if len(anns) == 0 && everyPaper {
			t.Rows = append(t.Rows, validRow(lead, make([]string, 9), card))
			continue
		}
		for _, a := range anns {
			page := ""
			if a.Anchor.Page > 0 {
				page = strconv.Itoa(a.Anchor.Page)
			}
			row := []string{page, strings.Join(order(a.Tags), TagSeparator), a.Anchor.Exact, a.Note, a.Author,
				csvTime(a.Created), csvTime(a.Modified), a.ID, string(a.Status)}
			t.Rows = append(t.Rows, validRow(lead, row, card))
		}
	}
	return t
}

// tagOrder returns a function that lists an annotation's tags once each,
// in the order of the paper's sections (built-in tags first).
func tagOrder(in Input) func([]string) []string {
	rank := map[string]int{}
	for i, t := range orderedTags(in.Tags) {
		rank[t.Name] = i
	}
	return func(tags []string) []string {
		names := uniqueTags(tags)
		known := make([]string, 0, len(names))
		var other []string
		for _, n := range names {
			if _, ok := rank[n]; ok {
				known = append(known, n)
			} else {
				other = append(other, n)
			}
		}
		slices.SortStableFunc(known, func(a, b string) int { return rank[a] - rank[b] })
		slices.Sort(other)
		return append(known, other...)
	}
}

func year(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// validRow joins the parts of a row, each cell valid UTF-8.
func validRow(parts ...[]string) []string {
	var row []string
	for _, p := range parts {
		for _, c := range p {
			row = append(row, strings.ToValidUTF8(c, "\uFFFD"))
		}
	}
	return row
}
