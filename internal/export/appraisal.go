package export

import (
	"fmt"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/instrument"
)

// The appraisal parts of the handout, built once from Input.Appraisal for
// the HTML and Markdown writers. Every string is user text passed
// through clean (or oneLine) and escaped by the writer.

type quoteModel struct {
	Quote   string
	Page    string
	Missing bool // the annotation was deleted
}

type rowModel struct {
	Number      int
	Text        string
	Answer      string
	Light       string // CSS class: good, bad, unclear, na, none
	LightLabel  string
	Comment     string
	NotReported bool
	Evidence    []quoteModel
}

type checklistModel struct {
	Name, Version, Source string
	Rows                  []rowModel
	Answered              int
	NotReported           []rowModel
}

type domainModel struct {
	Label   string
	Level   string
	Reasons []quoteModel
}

type claimModel struct {
	Quote     string
	Page      string
	Start     string
	Final     string
	FinalCls  string // CSS class of the final certainty
	Lowered   []domainModel
	Raised    []domainModel
	LimitedBy []quoteModel
	About     []quoteModel
}

type appraisalModel struct {
	Level     string
	PICO      []htmlField
	Checklist *checklistModel
	Claims    []claimModel
}

// lightOf maps a rating to a known CSS class and a word for people who
// cannot see the colour.
func lightOf(r appraise.Rating) (class, label string) {
	switch r {
	case appraise.RatingGood:
		return "good", "favourable"
	case appraise.RatingBad:
		return "bad", "unfavourable"
	case appraise.RatingUnclear:
		return "unclear", "unclear"
	case appraise.RatingNotApplicable:
		return "na", "not applicable"
	}
	return "none", "not answered"
}

func quotesOf(evs []appraise.Evidence) []quoteModel {
	var out []quoteModel
	for _, e := range evs {
		if e.Missing {
			out = append(out, quoteModel{Missing: true})
			continue
		}
		out = append(out, quoteModel{Quote: clean(e.Annotation.Anchor.Exact), Page: pageLabel(e.Annotation.Anchor.Page)})
	}
	return out
}

// levelText is the evidence level as the handout states it.
func levelText(v appraise.LevelView) string {
	s := instrument.LevelText(v.Level)
	switch {
	case v.Override.Level != 0:
		s += fmt.Sprintf(" — set by the appraiser (proposed from the design: %d): %s", v.Proposed, oneLine(v.Override.Reason))
	case v.Level != 0:
		s += " — proposed from the design"
	default:
		s = ""
	}
	return s
}

func picoFields(p appraise.PICO) []htmlField {
	fs := []htmlField{
		{Label: "Number", Value: p.Population.N},
		{Label: "Age", Value: p.Population.Age},
		{Label: "Sex", Value: p.Population.Sex},
		{Label: "Diagnosis", Value: p.Population.Diagnosis},
		{Label: "Setting", Value: p.Population.Setting},
		{Label: "Time window", Value: p.Population.TimeWindow},
		{Label: "Intervention or exposure", Value: p.Intervention},
		{Label: "Comparator", Value: p.Comparator},
		{Label: "Outcomes", Value: p.Outcomes},
		{Label: "Follow-up", Value: p.FollowUp},
	}
	var out []htmlField
	for _, f := range fs {
		if v := strings.TrimSpace(clean(f.Value)); v != "" {
			out = append(out, htmlField{Label: f.Label, Value: v})
		}
	}
	return out
}

// buildAppraisal lays out the appraisal parts; nil when there is none.
func buildAppraisal(r *appraise.AppraisalReport) *appraisalModel {
	if r == nil {
		return nil
	}
	m := &appraisalModel{Level: levelText(r.Level), PICO: picoFields(r.Appraisal.PICO)}
	if in := r.Checklist.Instrument; in.ID != "" {
		c := &checklistModel{Name: oneLine(in.Name), Version: oneLine(in.Version), Source: strings.TrimRight(oneLine(in.Source), ". ")}
		for _, row := range r.Checklist.Rows {
			light, label := lightOf(row.Rating)
			rm := rowModel{Number: row.Item.Number, Text: clean(row.Item.Text), Answer: oneLine(string(row.Answer.Answer)),
				Light: light, LightLabel: label, Comment: strings.TrimSpace(clean(row.Answer.Comment)),
				NotReported: row.Answer.NotReported, Evidence: quotesOf(row.Evidence)}
			if row.Answer.Answer != "" {
				c.Answered++
			}
			if rm.NotReported {
				c.NotReported = append(c.NotReported, rm)
			}
			c.Rows = append(c.Rows, rm)
		}
		m.Checklist = c
	}
	for _, cv := range r.Certainties {
		cm := claimModel{Quote: clean(cv.Claim.Annotation.Anchor.Exact), Page: pageLabel(cv.Claim.Annotation.Anchor.Page),
			Start: string(cv.Start), Final: string(cv.Final), FinalCls: certaintyClass(string(cv.Final))}
		for _, d := range cv.Domains {
			if d.Rating.Level.Steps() == 0 || !d.Rating.Domain.Known() {
				continue
			}
			dm := domainModel{Label: d.Rating.Domain.Label(), Level: levelWords(d.Rating.Level), Reasons: quotesOf(d.Reasons)}
			if d.Rating.Domain.RatesUp() {
				cm.Raised = append(cm.Raised, dm)
			} else {
				cm.Lowered = append(cm.Lowered, dm)
			}
		}
		for _, e := range cv.Links {
			switch {
			case e.Link.Type == appraise.LinkLimits && !e.FromSide:
				cm.LimitedBy = append(cm.LimitedBy, quotesOf([]appraise.Evidence{e.Other})...)
			case e.Link.Type == appraise.LinkAbout && e.FromSide:
				cm.About = append(cm.About, quotesOf([]appraise.Evidence{e.Other})...)
			}
		}
		m.Claims = append(m.Claims, cm)
	}
	return m
}

// levelWords is a domain level as words: "serious", "very serious", "+1".
func levelWords(l appraise.DomainLevel) string {
	if l == appraise.LevelVerySerious {
		return "very serious"
	}
	return string(l)
}

// certaintyClass is the CSS class of a certainty; only known values.
func certaintyClass(c string) string {
	switch appraise.Certainty(c) {
	case appraise.CertaintyHigh:
		return "c-high"
	case appraise.CertaintyModerate:
		return "c-moderate"
	case appraise.CertaintyLow:
		return "c-low"
	}
	return "c-verylow"
}
