package export_test

import (
	"fmt"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

func ExampleWrite() {
	paper := appraise.Paper{ID: appraise.PaperID(strings.Repeat("ab", 32)),
		Meta: appraise.Metadata{Title: "A case series", Year: 2024}}
	in := export.Input{
		Paper: paper,
		Tags:  appraise.BuiltInTags(),
		Annotations: []appraise.Annotation{{
			ID: "3f2b6c1e-0d4a-4c8e-9b1f-000000000001", Paper: paper.ID,
			Tags: []string{appraise.TagLimitation}, Note: "No control group.", Author: "Ann",
			Anchor: appraise.Anchor{Page: 4, Exact: "Three patients were treated."},
		}},
		Generated:  time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
		AppVersion: "0.1.0",
	}
	var csv strings.Builder
	if err := export.Write(&csv, appraise.FormatCSV, in); err != nil {
		fmt.Println(err)
	}
	// Records end in CRLF as RFC 4180 says; shown here with LF.
	fmt.Print(strings.ReplaceAll(csv.String(), "\r\n", "\n"))
	// Output:
	// Paper title,DOI,Page,Tags,Quote,Note,Author,Created,Modified,Annotation ID,Status,Authors,Year,Journal,Study design,Sample size,Setting,Bottom line,Paper ID
	// A case series,,4,limitation,Three patients were treated.,No control group.,Ann,,,3f2b6c1e-0d4a-4c8e-9b1f-000000000001,,,2024,,,,,,abababababababababababababababababababababababababababababababab
}

func ExampleDecodeJSONLD() {
	paper := appraise.Paper{ID: appraise.PaperID(strings.Repeat("ab", 32))}
	var doc strings.Builder
	_ = export.Write(&doc, appraise.FormatJSONLD, export.Input{Paper: paper, Annotations: []appraise.Annotation{{
		ID: "3f2b6c1e-0d4a-4c8e-9b1f-000000000001", Tags: []string{appraise.TagClaim},
		Anchor: appraise.Anchor{Start: 10, End: 38, Exact: "Three patients were treated."},
	}}})
	anns, id, err := export.DecodeJSONLD(strings.NewReader(doc.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(id == paper.ID, len(anns), anns[0].Tags, anns[0].Anchor.Start, anns[0].Anchor.Exact)
	// Output: true 1 [claim] 10 Three patients were treated.
}
