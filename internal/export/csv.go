package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// csvHeader names the columns, one row per annotation × tag.
var csvHeader = []string{"Paper title", "DOI", "Page", "Tag", "Quote", "Note", "Author",
	"Created", "Modified", "Annotation ID", "Status"}

// writeCSV writes RFC 4180 CSV: CRLF line ends, fields quoted when they
// hold a comma, quote or line break. Rows follow the handout: section by
// section, in text order within each; an annotation with no tag has one row
// with an empty tag. Cell values are the data as they are, with invalid
// UTF-8 replaced, line breaks as LF, and formula-like cells defused (see
// csvCell).
func writeCSV(w io.Writer, in Input) error {
	if in.BOM {
		if _, err := io.WriteString(w, BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	title := csvCell(paperTitleRaw(in.Paper))
	doi := csvCell(in.Paper.Meta.DOI)
	for _, s := range sections(in) {
		for _, a := range s.Items {
			page := ""
			if a.Anchor.Page > 0 {
				page = strconv.Itoa(a.Anchor.Page)
			}
			row := []string{title, doi, page, csvCell(s.Tag.Name), csvCell(a.Anchor.Exact),
				csvCell(a.Note), csvCell(a.Author), csvTime(a.Created), csvTime(a.Modified),
				csvCell(a.ID), csvCell(string(a.Status))}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// paperTitleRaw is the recorded title, or the fallback when there is none.
func paperTitleRaw(p appraise.Paper) string {
	if strings.TrimSpace(p.Meta.Title) != "" {
		return p.Meta.Title
	}
	return paperTitle(p)
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula: the ASCII ones, and their full-width forms, which some
// spreadsheets in East Asian locales also accept.
const formulaStarts = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20"

// maxCSVCell is the most characters a spreadsheet cell holds (Excel's
// limit; LibreOffice's is larger). A longer value is cut, ending in
// csvCutMarker so the reader sees that it was.
const (
	maxCSVCell   = 32767
	csvCutMarker = "…[cut]"
)

// csvCell prepares one value. Spreadsheets run a cell that begins with
// =, +, -, @, tab or CR as a formula (CSV injection), so such a cell gets
// a leading apostrophe, which spreadsheets take as "this is text" and do
// not show. Line breaks are written as LF inside the quoted field: a CR
// would not survive encoding/csv's CRLF mode. Other control characters
// (escape sequences, NUL, DEL, C1 controls) are removed, and a value
// longer than a cell holds is cut with a visible marker.
func csvCell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && r != '\r' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if r, _ := utf8.DecodeRuneInString(s); s != "" && strings.ContainsRune(formulaStarts, r) {
		s = "'" + s
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if utf8.RuneCountInString(s) > maxCSVCell {
		s = string([]rune(s)[:maxCSVCell-utf8.RuneCountInString(csvCutMarker)]) + csvCutMarker
	}
	return s
}

// csvTime is an RFC 3339 time in UTC, or "" for the zero time.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
