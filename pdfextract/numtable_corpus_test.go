package pdfextract

import (
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// TestCorpusTightTableIsATable: SPECTER's Table 3 (page 8, top of the
// right column) sets its number columns closer than a cell gap. It is one
// table block of six rows (the header and five models), and the sentence
// that runs from the foot of the left column over the table and its
// caption is whole, in one block before them.
func TestCorpusTightTableIsATable(t *testing.T) {
	doc := corpusDoc(t, "acl2020-main-207-specter")
	rs := []rune(doc.Text)
	text := func(b appraise.Block) string { return string(rs[b.Start:b.End]) }
	table, para := -1, -1
	for i, b := range doc.Blocks {
		s := text(b)
		if strings.HasPrefix(s, "Training signal") {
			table = i
		}
		if strings.Contains(s, "The positive papers are sampled from the most co-viewed (co-read, or co-cited) papers corresponding to the query paper.") {
			para = i
		}
	}
	if table < 0 {
		t.Fatal("no block starts with Table 3's header")
	}
	b := doc.Blocks[table]
	if b.Kind != appraise.KindTable || b.Page != 8 || len(b.Rows) != 6 {
		t.Errorf("Table 3: %s on page %d with %d rows, want a table on page 8 with 6 rows: %q", b.Kind, b.Page, len(b.Rows), text(b))
	}
	row := func(r appraise.TableRow) string {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, string(rs[c.Start:c.End]))
		}
		return strings.Join(cells, "|")
	}
	if len(b.Rows) == 6 {
		if got := row(b.Rows[0]); got != "Training signal|CLS|USR|CITE|REC|All" {
			t.Errorf("header row %q", got)
		}
		if got := row(b.Rows[2]); got != "SciBERT fine-tune on co-view|83.0|84.2|84.1|36.4|76.0" {
			t.Errorf("third row %q", got)
		}
	}
	if para < 0 {
		t.Fatal("the sentence cut by Table 3 is not whole in one block")
	}
	if doc.Blocks[para].Kind != appraise.KindParagraph || para > table {
		t.Errorf("the sentence's block %d is %s, want a paragraph before the table (block %d)", para, doc.Blocks[para].Kind, table)
	}
	if c := text(doc.Blocks[table+1]); !strings.HasPrefix(c, "Table 3:") {
		t.Errorf("after the table: %q, want its caption", c)
	}
}
