package export

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// wantCSVCell is what a spreadsheet user should read back for s: the text
// (invalid UTF-8 replaced, line breaks as LF), behind an apostrophe when s
// begins like a formula.
func wantCSVCell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	r, _ := utf8.DecodeRuneInString(s)
	formula := s != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", r)
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	if formula {
		s = "'" + s
	}
	if r := []rune(s); len(r) > 32767 {
		return string(r[:32767-6]) + "…[cut]"
	}
	return s
}

// readCSV parses an export with encoding/csv, failing on a BOM unless
// bom is set.
func readCSV(tb testing.TB, doc string, bom bool) [][]string {
	tb.Helper()
	if got := strings.HasPrefix(doc, BOM); got != bom {
		tb.Fatalf("CSV starts with a BOM: %v, want %v", got, bom)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(doc, BOM)))
	r.FieldsPerRecord = len(TableHeader)
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("read CSV back: %v", err)
	}
	return rows
}

// checkCSV asserts that an export reads back, through encoding/csv, as one
// row per annotation (its tags together in the Tags column, in section
// order) with exactly the expected cell values, and that no cell begins
// like a formula.
func checkCSV(tb testing.TB, doc string, in Input) {
	tb.Helper()
	rows := readCSV(tb, doc, in.BOM)
	if strings.Join(rows[0], ",") != strings.Join(TableHeader, ",") {
		tb.Errorf("header = %q", rows[0])
	}
	tagsOf := map[string][]string{}
	for _, s := range sections(in) {
		for _, a := range s.Items {
			if s.Tag.Name != "" {
				tagsOf[a.ID] = append(tagsOf[a.ID], s.Tag.Name)
			}
		}
	}
	p := in.Paper
	title := p.Meta.Title
	if strings.TrimSpace(title) == "" {
		title = paperTitle(p)
	}
	year := ""
	if p.Meta.Year > 0 {
		year = strconv.Itoa(p.Meta.Year)
	}
	var want [][]string
	for _, a := range sortedAnnotations(in.Annotations) {
		page := ""
		if a.Anchor.Page > 0 {
			page = strconv.Itoa(a.Anchor.Page)
		}
		want = append(want, []string{wantCSVCell(title), wantCSVCell(p.Meta.DOI), page,
			wantCSVCell(strings.Join(tagsOf[a.ID], "; ")), wantCSVCell(a.Anchor.Exact), wantCSVCell(a.Note), wantCSVCell(a.Author),
			a.Created.UTC().Format("2006-01-02T15:04:05Z07:00"), a.Modified.UTC().Format("2006-01-02T15:04:05Z07:00"),
			a.ID, string(a.Status),
			wantCSVCell(strings.Join(p.Meta.Authors, "; ")), year, wantCSVCell(p.Meta.Journal),
			wantCSVCell(designLabel(p.Appraisal)), wantCSVCell(p.Appraisal.SampleSize), wantCSVCell(p.Appraisal.Setting),
			wantCSVCell(p.Appraisal.BottomLine), string(p.ID)})
	}
	if len(rows)-1 != len(want) {
		tb.Fatalf("CSV has %d rows after the header, want %d", len(rows)-1, len(want))
	}
	ids := map[string]bool{}
	for i, row := range rows[1:] {
		if ids[row[9]] {
			tb.Errorf("annotation %s has two rows", row[9])
		}
		ids[row[9]] = true
		for j, cell := range row {
			if cell != want[i][j] {
				tb.Errorf("row %d %s = %q, want %q", i+1, TableHeader[j], short(cell), short(want[i][j]))
			}
			if r, _ := utf8.DecodeRuneInString(cell); cell != "" && strings.ContainsRune("=+-@\t\r", r) {
				tb.Errorf("row %d %s begins like a formula: %q", i+1, TableHeader[j], short(cell))
			}
		}
	}
}

func TestCSVRoundTripsHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileInput(h.text)
			checkCSV(t, render(t, appraise.FormatCSV, in), in)
		})
	}
}

func TestCSVOfDemoPaper(t *testing.T) {
	in := demoInput()
	doc := render(t, appraise.FormatCSV, in)
	checkCSV(t, doc, in)
	rows := readCSV(t, doc, false)
	// Seven annotations, one of them with two tags: seven rows.
	if len(rows) != 1+7 {
		t.Errorf("%d data rows, want 7 (one per annotation)", len(rows)-1)
	}
	two := 0
	for _, row := range rows[1:] {
		if strings.Contains(row[3], "; ") {
			two++
		}
	}
	if two != 1 {
		t.Errorf("%d rows list two tags, want 1", two)
	}
	if !strings.HasSuffix(doc, "\r\n") || strings.Count(doc, "\n") != strings.Count(doc, "\r\n") {
		t.Error("lines do not end in CRLF as RFC 4180 says")
	}
}

func TestCSVStartsWithBOMWhenAsked(t *testing.T) {
	in := demoInput()
	in.BOM = true
	doc := render(t, appraise.FormatCSV, in)
	if !strings.HasPrefix(doc, "\xef\xbb\xbfPaper title,") {
		t.Errorf("CSV with BOM starts %q", doc[:20])
	}
	checkCSV(t, doc, in)
	for _, f := range []appraise.ExportFormat{appraise.FormatHTML, appraise.FormatMarkdown, appraise.FormatJSONLD} {
		if strings.HasPrefix(render(t, f, in), BOM) {
			t.Errorf("%s output starts with a BOM", f)
		}
	}
}

func TestCSVOfUntaggedPaperIsJustTheHeader(t *testing.T) {
	in := emptyInput()
	rows := readCSV(t, render(t, appraise.FormatCSV, in), false)
	if len(rows) != 1 {
		t.Errorf("%d rows, want the header alone", len(rows))
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"equals", "=1+1", "'=1+1"},
		{"plus", "+44 20", "'+44 20"},
		{"minus", "-5 mg", "'-5 mg"},
		{"at", "@cmd", "'@cmd"},
		{"tab", "\tx", "'\tx"},
		{"carriage return", "\rx", "'\nx"},
		{"full-width equals", "＝1", "'＝1"},
		{"plain text", "50% fewer", "50% fewer"},
		{"formula later in the text", "a=1", "a=1"},
		{"hyphen inside", "follow-up", "follow-up"},
		{"empty", "", ""},
		{"CRLF inside", "a\r\nb", "a\nb"},
		{"escape sequence loses its ESC", "\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"NUL, bell, DEL and C1 removed", "a\x00b\x07c\x7fd\u009be", "abcde"},
		{"a removed control does not hide a formula", "\x00=1", "'=1"},
		{"a cell that just fits is whole", strings.Repeat("x", 32767), strings.Repeat("x", 32767)},
		{"a longer cell is cut with a marker", strings.Repeat("é", 40000), strings.Repeat("é", 32761) + "…[cut]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := csvCell(c.in); got != c.want {
				t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
