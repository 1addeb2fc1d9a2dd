package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"appraise.app/appraise/internal/agreement"
	"appraise.app/appraise/internal/appraise"
)

//go:embed feedback.html.tmpl
var feedbackTemplateText string

//go:embed feedback.css
var feedbackCSS string

var feedbackTemplate = template.Must(template.New("feedback").Parse(feedbackTemplateText))

// Feedback is a trainee's reading compared with a key's, to write as a
// page in the handout's style or as CSV.
type Feedback struct {
	Paper appraise.Paper
	// Text is the paper's extracted text; review items quote it.
	Text   string
	Result agreement.Result
	// Checklist is nil when neither reader answered a checklist;
	// Instrument is the checklist compared (the key's), for the items'
	// questions.
	Checklist  *agreement.ChecklistResult
	Instrument appraise.Instrument
	// Certainty is nil when neither reader rated a claim's certainty.
	Certainty *agreement.CertaintyResult
	// Skipped counts annotations left out (not attached with confidence).
	Skipped    int
	Generated  time.Time
	AppVersion string
}

type feedbackPage struct {
	Title, Key, Trainee string
	Cite                citationParts
	Sentences           int
	Rows                []feedbackRow
	Notes               []string
	Checklist           *feedbackChecklist
	Certainty           *feedbackCertainty
	Review              []feedbackReview
	Skipped             int
	Generated, App      string
	CSS                 template.CSS
	CSP                 string
}

type feedbackRow struct {
	Tag, Agreement, Kappa, Precision, Recall string
	Both, KeyOnly, TraineeOnly, Neither      int
	Overall                                  bool
}

type feedbackChecklist struct {
	Name             string
	Answered         int
	Agreement, Kappa string
	KappaNote        string
	Items            []feedbackItem
}

type feedbackItem struct {
	agreement.ItemComparison
	Text string
}

type feedbackCertainty struct {
	Rated            int
	Agreement, Kappa string
	KappaNote        string
	Claims           []feedbackClaim
}

type feedbackClaim struct {
	Quote, Key, Trainee string
	Same, Matched       bool
}

type feedbackReview struct {
	Kind, Class, Page, Quote string
	KeyTags, TraineeTags     string
	KeyNotes                 []string
	// For a different checklist answer.
	Item                               int
	ItemText, KeyAnswer, TraineeAnswer string
}

// WriteFeedbackHTML writes the comparison as a self-contained page: no
// script, no remote resources, the same Content-Security-Policy as the
// handout.
func WriteFeedbackHTML(w io.Writer, f Feedback) error {
	css := handoutCSS + feedbackCSS
	p := feedbackPage{
		Title:     paperTitle(f.Paper),
		Key:       oneLine(f.Result.Key),
		Trainee:   oneLine(f.Result.Trainee),
		Cite:      citation(f.Paper.Meta),
		Skipped:   f.Skipped,
		Generated: day(f.Generated),
		App:       appName(f.AppVersion),
		CSS:       template.CSS(css),
		CSP:       fmt.Sprintf(cspFormat, styleHash(css)),
	}
	for _, r := range f.Result.Tags {
		p.Rows = append(p.Rows, feedbackRowOf(r, false))
		if r.Kappa.Value == nil {
			p.Notes = append(p.Notes, fmt.Sprintf("Kappa for %s is undefined: %s.", r.Tag, r.Kappa.Undefined))
		}
		p.Sentences = r.Sentences
	}
	p.Rows = append(p.Rows, feedbackRowOf(f.Result.Overall, true))
	text := []rune(f.Text)
	p.Checklist, p.Certainty = checklistFeedback(f), certaintyFeedback(f, text)
	for _, r := range f.Result.Review {
		if r.Kind == agreement.DifferentAnswer {
			p.Review = append(p.Review, feedbackReview{Kind: r.Kind.Title(), Class: reviewClass(r.Kind), Page: pageLabel(r.Page),
				Quote: clean(quoteOf(text, r.Start, r.End)), KeyNotes: cleanAll(r.KeyNotes), Item: r.Item,
				ItemText: clean(r.ItemText), KeyAnswer: oneLine(r.KeyAnswer), TraineeAnswer: oneLine(r.TraineeAnswer)})
			continue
		}
		p.Review = append(p.Review, feedbackReview{
			Kind:        r.Kind.Title(),
			Class:       reviewClass(r.Kind),
			Page:        pageLabel(r.Page),
			Quote:       clean(quoteOf(text, r.Start, r.End)),
			KeyTags:     tagList(r.KeyTags),
			TraineeTags: tagList(r.TraineeTags),
			KeyNotes:    cleanAll(r.KeyNotes),
		})
	}
	if err := feedbackTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("feedback template: %w", err)
	}
	return nil
}

// checklistFeedback is the page's checklist section; nil when neither
// reader answered a checklist.
func checklistFeedback(f Feedback) *feedbackChecklist {
	c := f.Checklist
	if c == nil {
		return nil
	}
	out := &feedbackChecklist{Name: oneLine(f.Instrument.Name), Answered: c.Answered, Agreement: agreement.Percent(&c.Agreement),
		Kappa: c.Kappa.String(), KappaNote: c.Kappa.Undefined}
	if c.Answered == 0 {
		out.Agreement = "–"
	}
	for _, it := range c.Items {
		q, _ := f.Instrument.Item(it.Item)
		it.Key, it.Trainee = oneLine(it.Key), oneLine(it.Trainee)
		out.Items = append(out.Items, feedbackItem{ItemComparison: it, Text: clean(q.Text)})
	}
	return out
}

// certaintyFeedback is the page's certainty section; nil when neither
// reader rated a claim.
func certaintyFeedback(f Feedback, text []rune) *feedbackCertainty {
	c := f.Certainty
	if c == nil {
		return nil
	}
	out := &feedbackCertainty{Rated: c.Rated, Agreement: agreement.Percent(&c.Agreement), Kappa: c.Kappa.String(), KappaNote: c.Kappa.Undefined}
	if c.Rated == 0 {
		out.Agreement = "–"
	}
	for _, cl := range c.Claims {
		row := feedbackClaim{Quote: clean(quoteOf(text, cl.Key.Start, cl.Key.End)), Key: orDash(cl.Key.Certainty), Trainee: "no matching claim", Same: cl.Same}
		if cl.Trainee != nil {
			row.Trainee, row.Matched = orDash(cl.Trainee.Certainty), true
		}
		out.Claims = append(out.Claims, row)
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return oneLine(s)
}

func feedbackRowOf(r agreement.TagResult, overall bool) feedbackRow {
	tag := r.Tag
	if overall {
		tag = "All tags"
	}
	return feedbackRow{Tag: oneLine(tag), Agreement: agreement.Percent(&r.Agreement), Kappa: r.Kappa.String(),
		Precision: agreement.Percent(r.Precision), Recall: agreement.Percent(r.Recall),
		Both: r.Table.Both, KeyOnly: r.Table.KeyOnly, TraineeOnly: r.Table.TraineeOnly, Neither: r.Table.Neither,
		Overall: overall}
}

// reviewClass is a fixed CSS class per kind, so no value reaches a class
// attribute.
func reviewClass(k agreement.ReviewKind) string {
	switch k {
	case agreement.Missed:
		return "missed"
	case agreement.Extra:
		return "extra"
	case agreement.DifferentAnswer:
		return "answer"
	}
	return "different"
}

func tagList(tags []string) string {
	if len(tags) == 0 {
		return "none"
	}
	return oneLine(strings.Join(tags, ", "))
}

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, clean(s))
	}
	return out
}

// quoteOf returns text[start:end] in code points, clamped, shortened to
// about 600 characters for the page.
func quoteOf(text []rune, start, end int) string {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if end < start {
		end = start
	}
	q := text[start:end]
	if len(q) > 600 {
		return string(q[:600]) + "…"
	}
	return string(q)
}
