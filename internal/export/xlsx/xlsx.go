// Package xlsx writes an export table (export.AnnotationTable) as an
// Office Open XML spreadsheet through github.com/xuri/excelize/v2, the only
// package that imports it. A spreadsheet file carries its text as UTF-8
// XML with no encoding to guess, unlike CSV, and every cell is written as
// a string: text such as "=1+1" stays text and is never run as a formula.
//
// It imports internal/export, internal/appraise types through it, and
// excelize; no store, no pdfextract, no Fyne. It never opens files: the
// caller hands an io.Writer (internal/atomicfile for files).
package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"appraise.app/appraise/internal/export"
)

// SheetName is the name of the one worksheet.
const SheetName = "Annotations"

// maxCellRunes is the most characters a spreadsheet cell holds; longer
// text is cut there, with an ellipsis, rather than refused.
const maxCellRunes = 32767

// columnWidths are the widths, in characters, of the columns that hold
// long text; the others keep the default.
var columnWidths = map[string]float64{"Paper title": 40, "Quote": 60, "Note": 40, "Bottom line": 40, "Setting": 30}

// Write writes t as a workbook to w. The workbook is built in memory
// first: a failure writes nothing.
func Write(w io.Writer, t export.Table) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, h := range t.Header {
		if width, ok := columnWidths[h]; ok {
			if err := sw.SetColWidth(i+1, i+1, width); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := writeRow(sw, 1, t.Header, bold); err != nil {
		return err
	}
	for r, row := range t.Rows {
		if err := writeRow(sw, r+2, row, wrap); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if len(t.Rows) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
		if err := f.AutoFilter(SheetName, "A1:"+last, nil); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writeRow writes one row of string cells.
func writeRow(sw *excelize.StreamWriter, n int, cells []string, style int) error {
	row := make([]any, len(cells))
	for i, c := range cells {
		row[i] = excelize.Cell{StyleID: style, Value: cellText(c)}
	}
	cell, _ := excelize.CoordinatesToCellName(1, n)
	if err := sw.SetRow(cell, row); err != nil {
		return fmt.Errorf("xlsx row %d: %w", n, err)
	}
	return nil
}

// cellText is s as a spreadsheet cell holds it: valid UTF-8 without the
// control characters XML 1.0 cannot carry, at most maxCellRunes long.
func cellText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
	if utf8.RuneCountInString(s) > maxCellRunes {
		s = string([]rune(s)[:maxCellRunes-1]) + "…"
	}
	return s
}

// Read reads back a workbook this package wrote, as a spreadsheet program
// would: the rows of its sheet as text, and how many of its cells hold a
// formula (none, for a workbook Write made). It is for tests and checks
// outside this package, which do not import excelize.
func Read(r io.Reader) (rows [][]string, formulas int, err error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, 0, fmt.Errorf("xlsx: %w", err)
	}
	defer f.Close()
	rows, err = f.GetRows(SheetName)
	if err != nil {
		return nil, 0, fmt.Errorf("xlsx: %w", err)
	}
	for i, row := range rows {
		for j := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fm, _ := f.GetCellFormula(SheetName, cell); fm != "" {
				formulas++
			}
		}
	}
	return rows, formulas, nil
}
