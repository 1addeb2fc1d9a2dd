package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"appraise.app/appraise/internal/export"
)

// readBack opens a written workbook with excelize, as a spreadsheet
// program would, and returns its one sheet's rows.
func readBack(tb testing.TB, data []byte) (*excelize.File, [][]string) {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("the workbook does not open: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != SheetName {
		tb.Fatalf("sheets %q, want [%s]", sheets, SheetName)
	}
	rows, err := f.GetRows(SheetName)
	if err != nil {
		tb.Fatal(err)
	}
	return f, rows
}

func TestCellsStayTextAndReadBackExactly(t *testing.T) {
	values := []string{
		"=1+1", "+", "-", "@", "=HYPERLINK(\"http://example.com\",\"x\")", "+44 20 7946 0000", "-5 mg",
		"@SUM(A1:A2)", "Tomás Ibarra", "Zoë Ødegård-Łukasiewicz", "中文 标题", "🧪 emoji", "0012", "1e5", "TRUE",
		"2024-03-01", "50%", "line one\nline two", "",
	}
	table := export.Table{Header: export.TableHeader}
	for _, v := range values {
		row := make([]string, len(export.TableHeader))
		for i := range row {
			row[i] = v
		}
		table.Rows = append(table.Rows, row)
	}
	var buf bytes.Buffer
	if err := Write(&buf, table); err != nil {
		t.Fatal(err)
	}
	f, rows := readBack(t, buf.Bytes())
	if strings.Join(rows[0], "|") != strings.Join(export.TableHeader, "|") {
		t.Errorf("header %q", rows[0])
	}
	for r, v := range values {
		for c := range export.TableHeader {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			got, err := f.GetCellValue(SheetName, cell)
			if err != nil || got != v {
				t.Errorf("%s = %q (%v), want %q", cell, got, err, v)
			}
			if formula, _ := f.GetCellFormula(SheetName, cell); formula != "" {
				t.Errorf("%s holds the formula %q; %q must stay text", cell, formula, v)
			}
			if v == "" {
				continue
			}
			typ, _ := f.GetCellType(SheetName, cell)
			if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s (%q) has cell type %v, want a string", cell, v, typ)
			}
		}
	}
}

func TestUnwritableTextIsCleanedNotRefused(t *testing.T) {
	long := strings.Repeat("a", maxCellRunes+100)
	table := export.Table{Header: []string{"A", "B", "C"}, Rows: [][]string{{"bell\x07 and \xff bad", long, "cr\r\nlf\rend"}}}
	var buf bytes.Buffer
	if err := Write(&buf, table); err != nil {
		t.Fatal(err)
	}
	_, rows := readBack(t, buf.Bytes())
	if got := rows[1][0]; got != "bell and \uFFFD bad" {
		t.Errorf("control characters: %q", got)
	}
	if n := len([]rune(rows[1][1])); n != maxCellRunes || !strings.HasSuffix(rows[1][1], "…") {
		t.Errorf("a long cell has %d characters, want %d ending in …", n, maxCellRunes)
	}
	if got := rows[1][2]; got != "cr\nlf\nend" {
		t.Errorf("line breaks: %q", got)
	}
}

func TestEmptyTableIsAHeaderRow(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, export.Table{Header: export.TableHeader}); err != nil {
		t.Fatal(err)
	}
	if _, rows := readBack(t, buf.Bytes()); len(rows) != 1 {
		t.Errorf("%d rows, want the header alone", len(rows))
	}
}

func TestReadCountsFormulas(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", SheetName)
	f.SetCellStr(SheetName, "A1", "=1+1")
	f.SetCellFormula(SheetName, "B1", "1+1")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, n, err := Read(&buf); err != nil || n != 1 {
		t.Errorf("Read found %d formulas (%v), want 1 (B1; A1 is text)", n, err)
	}
}
