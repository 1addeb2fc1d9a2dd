package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/library"
)

// runChecklist shows a paper's checklist, answers one item, or imports a
// custom checklist file.
func runChecklist(e *env, args []string) error {
	if len(args) > 0 && args[0] == "import" {
		return runChecklistImport(e, args[1:])
	}
	fs := flag.NewFlagSet("checklist", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	paper := fs.String("paper", "", "paper id, id prefix or PDF")
	inst := fs.String("instrument", "", "the checklist to use (e.g. jbi-case-series)")
	format := fs.String("format", "text", "text or json")
	item := fs.Int("item", 0, "the item to answer")
	answer := fs.String("answer", "", "the answer")
	notReported := fs.Bool("not-reported", false, "the paper does not report what the item asks")
	comment := fs.String("comment", "", "a comment on the item")
	var evidence stringsFlag
	fs.Var(&evidence, "evidence", "an annotation id supporting the answer (repeatable)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	answering := set["answer"] || set["not-reported"] || set["comment"] || len(evidence) > 0
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *paper == "":
		return usageErrorf("--paper is required")
	case *format != "text" && *format != "json":
		return usageErrorf("unknown format %q (use text or json)", *format)
	case answering && !set["item"]:
		return usageErrorf("--answer, --not-reported, --comment and --evidence need --item N")
	case set["item"] && !answering:
		return usageErrorf("--item needs --answer, --not-reported, --comment or --evidence")
	}
	return withLibrary(e, func(lib *library.Library) error {
		p, err := lib.PaperByRef(*paper)
		if err != nil {
			return err
		}
		id := appraise.InstrumentID(strings.TrimSpace(*inst))
		if set["item"] {
			return answerItem(e, lib, p.ID, id, *item, set, *answer, *notReported, *comment, evidence, *format)
		}
		var v appraise.ChecklistView
		if id != "" {
			v, err = lib.ChooseInstrument(p.ID, id)
		} else {
			v, err = lib.Checklist(p.ID)
		}
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(e.stdout, checklistJSON(v))
		}
		printChecklist(e.stdout, v)
		return nil
	})
}

func answerItem(e *env, lib *library.Library, paper appraise.PaperID, id appraise.InstrumentID, item int, set map[string]bool,
	answer string, notReported bool, comment string, evidence []string, format string) error {
	v, err := lib.Checklist(paper)
	if err != nil {
		return err
	}
	var cur appraise.ItemAnswer
	if id == "" || id == v.Instrument.ID {
		for _, r := range v.Rows {
			if r.Item.Number == item {
				cur = r.Answer
			}
		}
	}
	cur.Item = item
	if set["answer"] {
		cur.Answer = normaliseAnswer(answer)
	}
	if set["not-reported"] {
		cur.NotReported = notReported
	}
	if set["comment"] {
		cur.Comment = comment
	}
	for _, ev := range evidence {
		if !contains(cur.Evidence, ev) {
			cur.Evidence = append(cur.Evidence, ev)
		}
	}
	row, err := lib.AnswerItemIn(paper, id, cur)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(e.stdout, rowJSON(row))
	}
	printRow(e.stdout, row)
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// normaliseAnswer accepts the ways people type answers: any case,
// "cant tell", "cannot tell", "n/a", "na", "not-applicable".
func normaliseAnswer(s string) appraise.Answer {
	a := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	switch strings.ReplaceAll(a, "’", "'") {
	case "can't tell", "cant tell", "cannot tell", "can't-tell", "cant-tell":
		return appraise.AnswerCantTell
	case "n/a", "na", "not-applicable":
		return appraise.AnswerNotApplicable
	}
	return appraise.Answer(a)
}

// itemJSON is one item of "checklist --format json".
type itemJSON struct {
	Number      int      `json:"number"`
	Text        string   `json:"text"`
	Answer      string   `json:"answer"`
	Rating      string   `json:"rating"`
	Comment     string   `json:"comment,omitempty"`
	NotReported bool     `json:"not_reported"`
	Evidence    []string `json:"evidence"`
	// Missing lists evidence whose annotation was deleted.
	Missing []string `json:"missing_evidence,omitempty"`
}

type checklistOut struct {
	Instrument string     `json:"instrument"`
	Name       string     `json:"name"`
	Version    string     `json:"version"`
	Source     string     `json:"source"`
	Answers    []string   `json:"answers"`
	Items      []itemJSON `json:"items"`
}

func rowJSON(r appraise.ChecklistRow) itemJSON {
	j := itemJSON{Number: r.Item.Number, Text: r.Item.Text, Answer: string(r.Answer.Answer), Rating: string(r.Rating),
		Comment: r.Answer.Comment, NotReported: r.Answer.NotReported, Evidence: []string{}}
	for _, ev := range r.Evidence {
		j.Evidence = append(j.Evidence, ev.ID)
		if ev.Missing {
			j.Missing = append(j.Missing, ev.ID)
		}
	}
	return j
}

func checklistJSON(v appraise.ChecklistView) checklistOut {
	out := checklistOut{Instrument: string(v.Instrument.ID), Name: v.Instrument.Name, Version: v.Instrument.Version,
		Source: v.Instrument.Source, Answers: []string{}, Items: []itemJSON{}}
	for _, a := range v.Instrument.AnswerChoices() {
		out.Answers = append(out.Answers, string(a))
	}
	for _, r := range v.Rows {
		out.Items = append(out.Items, rowJSON(r))
	}
	return out
}

func printChecklist(w io.Writer, v appraise.ChecklistView) {
	if v.Instrument.ID == "" {
		fmt.Fprintln(w, "No checklist yet: record the design with appraise card --design D, or choose one with --instrument ID.")
		return
	}
	fmt.Fprintf(w, "%s (%s, version %s)\n", oneLine(v.Instrument.Name, 0), v.Instrument.ID, oneLine(v.Instrument.Version, 0))
	if v.Instrument.Source != "" {
		fmt.Fprintf(w, "Source: %s\n", oneLine(v.Instrument.Source, 0))
	}
	var answers []string
	for _, a := range v.Instrument.AnswerChoices() {
		answers = append(answers, string(a))
	}
	fmt.Fprintf(w, "Answers: %s\n\n", strings.Join(answers, " / "))
	for _, r := range v.Rows {
		printRow(w, r)
	}
}

func printRow(w io.Writer, r appraise.ChecklistRow) {
	ans := string(r.Answer.Answer)
	if ans == "" {
		ans = "—"
	}
	fmt.Fprintf(w, "%2d. [%s] %s\n", r.Item.Number, ans, oneLine(r.Item.Text, 0))
	if r.Answer.NotReported {
		fmt.Fprintln(w, "    not reported in the paper")
	}
	if r.Answer.Comment != "" {
		fmt.Fprintf(w, "    comment: %s\n", oneLine(r.Answer.Comment, 0))
	}
	for _, ev := range r.Evidence {
		if ev.Missing {
			fmt.Fprintf(w, "    evidence %s: deleted (restore it from the trash, or unlink it)\n", ev.ID)
			continue
		}
		fmt.Fprintf(w, "    evidence %s, p. %d: %q\n", ev.ID, ev.Annotation.Anchor.Page, shortQuote(ev.Annotation.Anchor.Exact))
	}
}

func shortQuote(s string) string { return oneLine(s, 80) }

// runChecklistImport adds a custom checklist from a TOML or JSON file.
func runChecklistImport(e *env, args []string) error {
	fs := flag.NewFlagSet("checklist import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf("checklist import takes one FILE (.toml or .json)")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("%w: cannot read %s", appraise.ErrInvalidChecklist, filepath.Base(pos[0]))
	}
	defer f.Close()
	return withLibrary(e, func(lib *library.Library) error {
		in, err := lib.ImportInstrument(pos[0], f)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "imported %s: %s, %d items\n", in.ID, oneLine(in.Name, 0), len(in.Items))
		return nil
	})
}
