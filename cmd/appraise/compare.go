package main

import (
	"appraise.app/appraise/internal/termsafe"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/export"
	"appraise.app/appraise/internal/library"
)

// runCompare measures a trainee's reading of a paper against a key's.
func runCompare(e *env, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	paper := fs.String("paper", "", "paper id, id prefix or PDF")
	key := fs.String("key", "", "the key's author name (usually the lead)")
	trainee := fs.String("trainee", "", "the trainee's author name")
	format := fs.String("format", "text", "text, json, html or csv")
	out := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *paper == "":
		return usageErrorf("--paper is required")
	case strings.TrimSpace(*key) == "" || strings.TrimSpace(*trainee) == "":
		return usageErrorf("--key and --trainee are required (author names as on the annotations)")
	case strings.EqualFold(strings.TrimSpace(*key), strings.TrimSpace(*trainee)):
		return usageErrorf("--key and --trainee name the same author")
	}
	write, ok := compareWriters[*format]
	if !ok {
		return usageErrorf("unknown format %q (use text, json, html or csv)", *format)
	}
	pp, err := resolveRef(e, *paper, false)
	if err != nil {
		return err
	}
	return withLibrary(e, func(lib *library.Library) error {
		p, err := paperByRef(lib, *paper, pp)
		if err != nil {
			return err
		}
		f, err := lib.Compare(p.ID, *key, *trainee)
		if err != nil {
			return err
		}
		return writeExport(e, exportOptions{out: *out}, func(w io.Writer) error { return write(w, f) })
	})
}

// compareWriters are compare's output formats.
var compareWriters = map[string]func(io.Writer, export.Feedback) error{
	"text": writeCompareText,
	"json": writeCompareJSON,
	"html": export.WriteFeedbackHTML,
	"csv":  func(w io.Writer, f export.Feedback) error { return export.WriteFeedbackCSV(w, f, false) },
}

// compareJSON is one tag's (or the pooled) measures in --format json.
type compareJSON struct {
	Sentences   int      `json:"sentences"`
	Agreement   float64  `json:"agreement"`
	Kappa       *float64 `json:"kappa"`
	KappaNote   string   `json:"kappa_note,omitempty"`
	Precision   *float64 `json:"precision"`
	Recall      *float64 `json:"recall"`
	Both        int      `json:"both"`
	KeyOnly     int      `json:"key_only"`
	TraineeOnly int      `json:"trainee_only"`
	Neither     int      `json:"neither"`
}

type reviewJSON struct {
	Kind        string   `json:"kind"`
	Page        int      `json:"page"`
	Passage     string   `json:"passage"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	KeyTags     []string `json:"key_tags"`
	TraineeTags []string `json:"trainee_tags"`
	KeyNotes    []string `json:"key_notes"`
	// For a different checklist answer.
	Item          int    `json:"item,omitempty"`
	KeyAnswer     string `json:"key_answer,omitempty"`
	TraineeAnswer string `json:"trainee_answer,omitempty"`
}

func measuresJSON(r agreement.TagResult) compareJSON {
	return compareJSON{Sentences: r.Sentences, Agreement: r.Agreement, Kappa: r.Kappa.Value,
		KappaNote: r.Kappa.Undefined, Precision: r.Precision, Recall: r.Recall,
		Both: r.Table.Both, KeyOnly: r.Table.KeyOnly, TraineeOnly: r.Table.TraineeOnly, Neither: r.Table.Neither}
}

func writeCompareJSON(w io.Writer, f export.Feedback) error {
	tags := map[string]compareJSON{}
	for _, r := range f.Result.Tags {
		tags[r.Tag] = measuresJSON(r)
	}
	review := []reviewJSON{}
	for _, r := range f.Result.Review {
		review = append(review, reviewJSON{Kind: string(r.Kind), Page: r.Page, Passage: r.PassageID,
			Start: r.Start, End: r.End, KeyTags: nonNil(r.KeyTags), TraineeTags: nonNil(r.TraineeTags), KeyNotes: nonNil(r.KeyNotes),
			Item: r.Item, KeyAnswer: r.KeyAnswer, TraineeAnswer: r.TraineeAnswer})
	}
	return writeJSON(w, map[string]any{
		"paper":     f.Paper.ID,
		"key":       f.Result.Key,
		"trainee":   f.Result.Trainee,
		"tags":      tags,
		"overall":   measuresJSON(f.Result.Overall),
		"review":    review,
		"skipped":   f.Skipped,
		"checklist": checklistAgreementOf(f),
		"certainty": certaintyAgreementOf(f),
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeCompareText(w io.Writer, f export.Feedback) error {
	r := f.Result
	sentences := r.Overall.Sentences
	fmt.Fprintf(w, "%s compared with %s on %d sentences of %s\n\n", termsafe.Escape(r.Trainee), termsafe.Escape(r.Key), sentences, termsafe.Escape(oneLine(title(f), 70)))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "TAG\tAGREEMENT\tKAPPA\tPRECISION\tRECALL\tBOTH\tKEY ONLY\tTRAINEE ONLY\tNEITHER\t")
	rows := append(append([]agreement.TagResult{}, r.Tags...), r.Overall)
	var notes []string
	for i, t := range rows {
		name := termsafe.Escape(t.Tag)
		if i == len(rows)-1 {
			name = "all tags"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t\n", name, agreement.Percent(&t.Agreement), t.Kappa.String(),
			agreement.Percent(t.Precision), agreement.Percent(t.Recall), t.Table.Both, t.Table.KeyOnly, t.Table.TraineeOnly, t.Table.Neither)
		if t.Kappa.Value == nil && i < len(rows)-1 {
			notes = append(notes, fmt.Sprintf("Kappa for %s is undefined: %s.", name, t.Kappa.Undefined))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	if f.Skipped > 0 {
		fmt.Fprintf(w, "%d annotations that need review were left out.\n", f.Skipped)
	}
	writeAppraisalText(w, f)
	if len(r.Review) == 0 {
		_, err := fmt.Fprintln(w, "\nNothing to review: the trainee tagged every sentence and answered every item as the key did.")
		return err
	}
	fmt.Fprintf(w, "\nTo review (%d):\n", len(r.Review))
	text := []rune(f.Text)
	for _, it := range r.Review {
		if it.Kind == agreement.DifferentAnswer {
			writeAnswerReview(w, it)
			continue
		}
		q := string(text[max(0, min(it.Start, len(text))):max(0, min(it.End, len(text)))])
		fmt.Fprintf(w, "  %-13s p. %-3d key: %s; trainee: %s\n      %q\n", it.Kind, it.Page,
			termsafe.Escape(orNone(it.KeyTags)), termsafe.Escape(orNone(it.TraineeTags)), oneLine(q, 160))
		for _, n := range it.KeyNotes {
			fmt.Fprintf(w, "      key's note: %s\n", termsafe.Escape(oneLine(n, 200)))
		}
	}
	return nil
}

func title(f export.Feedback) string {
	if t := strings.TrimSpace(f.Paper.Meta.Title); t != "" {
		return t
	}
	return string(f.Paper.ID)
}

func orNone(tags []string) string {
	if len(tags) == 0 {
		return "none"
	}
	return strings.Join(tags, ", ")
}
