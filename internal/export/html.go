package export

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

//go:embed handout.html.tmpl
var handoutTemplateText string

//go:embed handout.css
var handoutCSS string

// appraisalCSS styles the appraisal parts; it is added only to handouts
// that have them.
//
//go:embed appraisal.css
var appraisalCSS string

// handoutTemplate is parsed once; templates are safe for concurrent use
// and never change, so this is not mutable state.
var handoutTemplate = template.Must(template.New("handout").Parse(handoutTemplateText))

// The handout's Content-Security-Policy allows nothing but the one inline
// style sheet, named by its hash: no script, no remote resources, no
// forms, no base URL changes, no style attributes.
const cspFormat = "default-src 'none'; style-src '%s'; base-uri 'none'; form-action 'none'"

type htmlPage struct {
	Title      string
	Cite       citationParts
	NoCitation bool
	Appraisal  []htmlField
	Appr       *appraisalModel
	Sections   []htmlSection
	Total      int
	Generated  string
	App        string
	CSS        template.CSS
	CSP        string
}

type htmlField struct {
	Label, Value, Class string
}

type htmlSection struct {
	Class       string
	Title       string
	Tag         appraise.Tag
	Description string
	CountText   string
	Items       []htmlItem
}

type htmlItem struct {
	Quote       string
	Page        string
	Author      string
	Note        string
	Status      string
	StatusClass string
	StatusHint  string
}

func writeHTML(w io.Writer, in Input) error {
	secs := sections(in)
	css := styleSheet(secs)
	if in.Appraisal != nil {
		css += appraisalCSS
	}
	p := htmlPage{
		Title:     paperTitle(in.Paper),
		Cite:      citation(in.Paper.Meta),
		Total:     len(in.Annotations),
		Generated: day(in.Generated),
		App:       appName(in.AppVersion),
		CSS:       template.CSS(css),
		CSP:       fmt.Sprintf(cspFormat, styleHash(css)),
	}
	c := p.Cite
	p.NoCitation = c.Authors == "" && c.Journal == "" && c.Year == "" && c.DOI == ""
	a := in.Paper.Appraisal
	p.Appraisal = []htmlField{
		{Label: "Study design", Value: designLabel(a)},
		{Label: "Sample size", Value: strings.TrimSpace(clean(a.SampleSize))},
		{Label: "Setting", Value: strings.TrimSpace(clean(a.Setting))},
		{Label: "Bottom line", Value: strings.TrimSpace(clean(a.BottomLine)), Class: "bottom"},
	}
	if p.Appr = buildAppraisal(in.Appraisal); p.Appr != nil {
		lv := htmlField{Label: "Evidence level", Value: p.Appr.Level}
		p.Appraisal = append(p.Appraisal[:1], append([]htmlField{lv}, p.Appraisal[1:]...)...)
	}
	for _, s := range secs {
		hs := htmlSection{Class: s.Class, Title: s.Title, Tag: s.Tag,
			Description: oneLine(s.Tag.Description), CountText: countText(len(s.Items))}
		for _, an := range s.Items {
			hs.Items = append(hs.Items, htmlItem{
				Quote:       clean(an.Anchor.Exact),
				Page:        pageLabel(an.Anchor.Page),
				Author:      oneLine(an.Author),
				Note:        clean(an.Note),
				Status:      statusLabel(an.Status),
				StatusClass: statusClass(an.Status),
				StatusHint:  statusHint(an.Status),
			})
		}
		p.Sections = append(p.Sections, hs)
	}
	if err := handoutTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("handout template: %w", err)
	}
	return nil
}

// styleSheet is the handout's CSS with one rule per section giving its
// tag colour. Colours were validated as #rrggbb by sections.
func styleSheet(secs []section) string {
	var b strings.Builder
	b.WriteString(handoutCSS)
	for _, s := range secs {
		fmt.Fprintf(&b, ".%s{--tag:%s}\n", s.Class, s.Tag.Color)
	}
	return b.String()
}

// styleHash is the CSP source expression for an inline style sheet.
func styleHash(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// statusClass is the CSS class of a status mark; only known values, so
// no status can smuggle a class name into the document.
func statusClass(s appraise.AnchorStatus) string {
	switch s {
	case appraise.NeedsReview:
		return "needs-review"
	case appraise.Orphaned:
		return "orphaned"
	}
	return "unknown"
}

func countText(n int) string {
	if n == 1 {
		return "1 passage"
	}
	return fmt.Sprintf("%d passages", n)
}
