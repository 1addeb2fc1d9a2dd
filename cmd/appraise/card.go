package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
	"appraise.app/appraise/internal/library"
)

// runCard shows a paper's card, or changes the fields given and then
// shows it. Every field is checked before anything is saved.
func runCard(e *env, args []string) error {
	fs := flag.NewFlagSet("card", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	paper := fs.String("paper", "", "paper id, id prefix or PDF")
	design := fs.String("design", "", "study design")
	timing := fs.String("timing", "", "retrospective or prospective")
	sample := fs.String("sample", "", "sample as reported, e.g. \"n = 3\"")
	setting := fs.String("setting", "", "setting")
	bottom := fs.String("bottom-line", "", "the bottom line")
	level := fs.Int("level", 0, "Oxford CEBM 2011 level 1–5 overriding the proposal (0: the proposal)")
	reason := fs.String("level-reason", "", "why the level differs from the proposal")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) > 0:
		return usageErrorf("unexpected argument %q", pos[0])
	case *paper == "":
		return usageErrorf("--paper is required")
	case set["level-reason"] && !set["level"]:
		return usageErrorf("--level-reason goes with --level")
	}
	if set["level"] {
		switch {
		case *level < 0 || *level > 5:
			return fmt.Errorf("%w: evidence level %d is not 1–5 (0 returns to the proposal)", appraise.ErrInvalidAppraisal, *level)
		case *level > 0 && strings.TrimSpace(*reason) == "":
			return fmt.Errorf("%w: overriding the proposed evidence level needs --level-reason", appraise.ErrInvalidAppraisal)
		}
	}
	return withLibrary(e, func(lib *library.Library) error {
		p, err := lib.PaperByRef(*paper)
		if err != nil {
			return err
		}
		c := p.Appraisal
		changed := false
		for name, apply := range map[string]func(){
			"design":      func() { c.Design = appraise.StudyDesign(strings.ToLower(strings.TrimSpace(*design))) },
			"timing":      func() { c.Timing = appraise.Timing(strings.ToLower(strings.TrimSpace(*timing))) },
			"sample":      func() { c.SampleSize = *sample },
			"setting":     func() { c.Setting = *setting },
			"bottom-line": func() { c.BottomLine = *bottom },
		} {
			if set[name] {
				apply()
				changed = true
			}
		}
		if changed {
			if _, err := lib.SaveCard(p.ID, c); err != nil {
				return err
			}
		}
		if set["level"] {
			if _, err := lib.SetLevel(p.ID, appraise.EvidenceLevel(*level), *reason); err != nil {
				return err
			}
		}
		return printCard(e.stdout, lib, p.ID)
	})
}

func printCard(w io.Writer, lib *library.Library, id appraise.PaperID) error {
	pa, err := lib.Appraisal(id)
	if err != nil {
		return err
	}
	lv, err := lib.Level(id)
	if err != nil {
		return err
	}
	cl, err := lib.Checklist(id)
	if err != nil {
		return err
	}
	c := pa.Card
	or := func(s, dflt string) string {
		if s == "" {
			return dflt
		}
		return oneLine(s, 0)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Design:\t%s\n", or(string(c.Design), "not recorded"))
	fmt.Fprintf(tw, "Timing:\t%s\n", or(string(c.Timing), "not recorded"))
	fmt.Fprintf(tw, "Sample:\t%s\n", or(c.SampleSize, "not recorded"))
	fmt.Fprintf(tw, "Setting:\t%s\n", or(c.Setting, "not recorded"))
	fmt.Fprintf(tw, "Bottom line:\t%s\n", or(c.BottomLine, "not recorded"))
	level := instrument.LevelText(lv.Level)
	switch {
	case lv.Override.Level != 0:
		level += fmt.Sprintf(", set by you (proposed: %d) because: %s", lv.Proposed, oneLine(lv.Override.Reason, 0))
	case lv.Level != 0:
		level += ", proposed from the design"
	}
	fmt.Fprintf(tw, "Evidence:\t%s\n", level)
	fmt.Fprintf(tw, "Checklist:\t%s\n", or(cl.Instrument.Name, "none (choose one with appraise checklist --instrument ID)"))
	return tw.Flush()
}
