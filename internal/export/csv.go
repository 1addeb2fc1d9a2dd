package export

import (
	"encoding/csv"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// writeCSV writes one paper's annotation table (see AnnotationTable) as
// CSV.
func writeCSV(w io.Writer, in Input) error {
	return WriteTableCSV(w, AnnotationTable([]Input{in}, false), in.BOM)
}

// WriteTableCSV writes t as RFC 4180 CSV: CRLF line ends, fields quoted
// when they hold a comma, quote or line break, after a UTF-8 byte order
// mark when bom is set. Line breaks in cells are written as LF and
// formula-like cells are defused (see csvCell).
func WriteTableCSV(w io.Writer, t Table, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = csvCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
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
