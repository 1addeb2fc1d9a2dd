package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// demoPaperID is the fixture's paper id: a fixed SHA-256.
var demoPaperID = func() appraise.PaperID {
	sum := sha256.Sum256([]byte("appraise export fixture: demo case series"))
	return appraise.PaperID(hex.EncodeToString(sum[:]))
}()

// fixtureTime is a fixed instant a number of minutes after the fixture's
// first annotation.
func fixtureTime(minutes int) time.Time {
	return time.Date(2026, 3, 2, 9, 15, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

// demoPaper is shaped like the demo paper: a fictional retrospective case
// series in a small clinical journal, appraised by the user.
func demoPaper() appraise.Paper {
	return appraise.Paper{
		ID: demoPaperID,
		Meta: appraise.Metadata{
			Title:   "Interpersonal psychotherapy with adjunctive bright-light exposure for postpartum depression: a retrospective case series",
			Authors: []string{"Maren Holt", "Tomás Ibarra", "Priya Raman"},
			Journal: "Journal of Clinical Case Series",
			Year:    2024,
			DOI:     "10.5555/jccs.2024.0173",
		},
		Path:             "/home/clinician/Papers/holt-2024-case-series.pdf",
		Added:            fixtureTime(-60),
		Pages:            5,
		ExtractorVersion: "layout-1",
		Appraisal: appraise.Appraisal{
			Design:     appraise.DesignCaseSeries,
			Timing:     appraise.TimingRetrospective,
			SampleSize: "n = 3",
			Setting:    "Perinatal mental health clinic of one university hospital",
			BottomLine: "Hypothesis-generating only: three uncontrolled cases cannot show that light exposure adds anything to psychotherapy.",
		},
	}
}

// customTag is a tag a user added, to show custom sections.
var customTag = appraise.Tag{Name: "adverse events", Color: "#8E44AD", Key: "a", Description: "Harms reported"}

// ann builds one fixture annotation.
func ann(n int, page int, passage string, start int, tags []string, exact, note, author string) appraise.Annotation {
	return appraise.Annotation{
		ID:       "3f2b6c1e-0d4a-4c8e-9b1f-00000000000" + string(rune('0'+n)),
		Paper:    demoPaperID,
		Tags:     tags,
		Note:     note,
		Author:   author,
		Created:  fixtureTime(n * 7),
		Modified: fixtureTime(n*7 + 3),
		Anchor: appraise.Anchor{
			Page: page, PassageID: passage, Start: start, End: start + len([]rune(exact)),
			Exact: exact, Prefix: "…context before the quote ", Suffix: " context after…",
			ExtractorVersion: "layout-1",
		},
	}
}

// demoAnnotations are seven annotations across the three built-in tags and
// a custom tag, one with two tags, one needing review and one orphaned, in
// an order that is not text order.
func demoAnnotations() []appraise.Annotation {
	as := []appraise.Annotation{
		ann(3, 3, "b31.s1", 9120, []string{appraise.TagClaim},
			"All three patients showed a reduction of at least 50% in EPDS score by week 8 of treatment.",
			"Response, not remission.\nMany women improve without treatment: no comparison here.", "Maren Holt"),
		ann(1, 2, "b12.s2", 2410, []string{appraise.TagPopulation},
			"Three women aged 24–36 years who presented to the perinatal mental health clinic between January 2021 and June 2022 with a first episode of postpartum depression were included.",
			"All from one tertiary clinic: referral bias likely.", "Maren Holt"),
		ann(2, 2, "b13.s1", 2795, []string{appraise.TagPopulation},
			"Inclusion required an Edinburgh Postnatal Depression Scale score of 13 or more within 12 weeks of delivery.",
			"EPDS ≥ 13 is a screening cut-off, not a diagnosis.", "J. Okafor"),
		ann(4, 4, "b40.s3", 14080, []string{appraise.TagClaim, appraise.TagLimitation},
			"These findings suggest that adjunctive bright-light exposure may accelerate recovery when added to interpersonal psychotherapy.",
			"Causal language from an uncontrolled series.", "J. Okafor"),
		ann(5, 4, "b44.s1", 15210, []string{appraise.TagLimitation},
			"The small sample and the absence of a control group preclude any inference about efficacy.",
			"", "Maren Holt"),
		ann(6, 5, "b47.s2", 16002, []string{appraise.TagLimitation},
			"Follow-up was limited to 12 weeks after the end of treatment.",
			"Relapse after 12 weeks is common.", ""),
		ann(7, 3, "b29.s4", 8350, []string{customTag.Name},
			"One patient reported transient headache during the first week of light exposure, which resolved without intervention.",
			"", "J. Okafor"),
	}
	as[4].Status = appraise.NeedsReview
	as[5].Status = appraise.Orphaned
	return as
}

// demoInput is the golden files' fixture.
func demoInput() Input {
	return Input{
		Paper:       demoPaper(),
		Tags:        append(appraise.BuiltInTags(), customTag),
		Annotations: demoAnnotations(),
		Generated:   time.Date(2026, 3, 14, 16, 30, 0, 0, time.UTC),
		AppVersion:  "0.1.0",
	}
}

// emptyInput is the demo paper with nothing tagged and nothing appraised.
func emptyInput() Input {
	in := demoInput()
	in.Annotations = nil
	in.Paper.Appraisal = appraise.Appraisal{}
	return in
}

// render runs Write and fails the test on error.
func render(tb testing.TB, format appraise.ExportFormat, in Input) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, in); err != nil {
		tb.Fatalf("Write %s: %v", format, err)
	}
	return buf.String()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		tb.Errorf("%s differs from the golden file; run go test -run %s -update and review the diff.\n%s",
			name, tb.Name(), firstDifference(string(want), got))
	}
}
