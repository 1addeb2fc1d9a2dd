package export

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// JSON-LD layout (W3C Web Annotation Data Model):
//
//   - The file is one AnnotationCollection whose first AnnotationPage is
//     embedded, holding every annotation. A collection is the model's own
//     way to ship many annotations in one document: the @context is stated
//     once, "total" lets a reader check it got everything, and the
//     collection carries the paper and the generator. A paper with no
//     annotations is a collection with total 0 and no page.
//   - Each annotation's target is a SpecificResource whose source is the
//     PDF named by content, urn:sha256:<hash> (the paper id). When the DOI
//     is known it is attached to that source as schema.org sameAs
//     (https://doi.org/…) rather than as a second target: the quote and
//     position selectors describe this file's extracted text, and a second
//     target would claim they also apply to the publisher's page.
//   - Bodies: one TextualBody per tag with purpose "tagging", and the note
//     as a TextualBody with purpose "commenting". Motivation is "tagging"
//     when there are tags, else "commenting".
//   - Selectors: TextQuoteSelector (exact, prefix, suffix) and
//     TextPositionSelector (start, end: code points into the text Appraise
//     extracted, as the model counts them).
//   - What the model has no term for lives in the "appraise:" namespace on
//     the target: page, passage id, extractor version and anchor status.
const (
	annoContext     = "http://www.w3.org/ns/anno.jsonld"
	appraiseNS      = "https://appraise.app/ns/annotation#"
	schemaSameAs    = "http://schema.org/sameAs"
	sha256URN       = "urn:sha256:"
	uuidURN         = "urn:uuid:"
	annotationURN   = "urn:appraise:annotation:"
	collectionURN   = "urn:appraise:annotations:sha256:"
	purposeTagging  = "tagging"
	purposeComment  = "commenting"
	ldTimeLayout    = time.RFC3339Nano
	ldPDFFormat     = "application/pdf"
	ldTextPlain     = "text/plain"
	ldTypeTextual   = "TextualBody"
	ldTypeQuote     = "TextQuoteSelector"
	ldTypePosition  = "TextPositionSelector"
	ldTypeSpecific  = "SpecificResource"
	ldTypeAnno      = "Annotation"
	ldTypePage      = "AnnotationPage"
	ldTypeColl      = "AnnotationCollection"
	ldTypeSoftware  = "Software"
	ldTypePerson    = "Person"
	ldTypeText      = "Text"
	ldLabelTemplate = "Appraise annotations on "
)

// ldContext is the collection's @context: the W3C one plus Appraise's
// namespace and schema.org's sameAs.
func ldContext() []any {
	return []any{annoContext, map[string]any{
		"appraise": appraiseNS,
		"sameAs":   map[string]string{"@id": schemaSameAs, "@type": "@id"},
	}}
}

type ldCollection struct {
	Context   []any    `json:"@context"`
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label"`
	Paper     string   `json:"appraise:paper"`
	Total     int      `json:"total"`
	Generator *ldAgent `json:"generator,omitempty"`
	Generated string   `json:"generated,omitempty"`
	First     *ldPage  `json:"first,omitempty"`
}

type ldPage struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	StartIndex int    `json:"startIndex"`
	Items      []any  `json:"items"`
}

type ldAnnotation struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Motivation string   `json:"motivation"`
	Creator    *ldAgent `json:"creator,omitempty"`
	Created    string   `json:"created,omitempty"`
	Modified   string   `json:"modified,omitempty"`
	Body       []ldBody `json:"body,omitempty"`
	Target     ldTarget `json:"target"`
}

type ldAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type ldBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

type ldTarget struct {
	Type             string       `json:"type"`
	Source           ldSource     `json:"source"`
	Selector         []ldSelector `json:"selector"`
	Page             int          `json:"appraise:page,omitempty"`
	Passage          string       `json:"appraise:passage,omitempty"`
	ExtractorVersion string       `json:"appraise:extractorVersion,omitempty"`
	Status           string       `json:"appraise:status,omitempty"`
}

type ldSource struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Format string `json:"format"`
	SameAs string `json:"sameAs,omitempty"`
}

// ldSelector is either selector: the writer fills the fields of one kind,
// and the decoder reads a selector into it (nil Exact, Start or End: absent).
type ldSelector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact,omitempty"`
	Prefix string  `json:"prefix,omitempty"`
	Suffix string  `json:"suffix,omitempty"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
}

func writeJSONLD(w io.Writer, in Input) error {
	paper := sha256URN + string(in.Paper.ID)
	if _, err := paperFromURN(paper); err != nil {
		return fmt.Errorf("paper id: %w", err)
	}
	c := ldCollection{
		Context: ldContext(),
		ID:      collectionURN + string(in.Paper.ID),
		Type:    ldTypeColl,
		Label:   ldLabelTemplate + paperTitle(in.Paper),
		Paper:   paper,
		Total:   len(in.Annotations),
		Generator: &ldAgent{Type: ldTypeSoftware,
			Name: appName(in.AppVersion)},
		Generated: ldTime(in.Generated),
	}
	if in.Appraisal != nil {
		c.Total++
	}
	c.Total += len(in.MemberAppraisals)
	if c.Total > 0 {
		page := &ldPage{ID: c.ID + ":page:1", Type: ldTypePage}
		src := ldSource{ID: paper, Type: ldTypeText, Format: ldPDFFormat, SameAs: doiURL(doiOf(in.Paper.Meta.DOI))}
		for _, a := range sortedAnnotations(in.Annotations) {
			page.Items = append(page.Items, ldFromAnnotation(a, src))
		}
		if in.Appraisal != nil {
			page.Items = append(page.Items, ldFromAppraisal(in, src))
		}
		for _, pa := range in.MemberAppraisals {
			page.Items = append(page.Items, ldFromMemberAppraisal(pa, in.Paper.ID, src))
		}
		c.First = page
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

func ldFromAnnotation(a appraise.Annotation, src ldSource) ldAnnotation {
	v := strings.ToValidUTF8
	out := ldAnnotation{
		ID:       ldAnnotationID(v(a.ID, "\uFFFD")),
		Type:     ldTypeAnno,
		Created:  ldTime(a.Created),
		Modified: ldTime(a.Modified),
	}
	for _, t := range a.Tags {
		out.Body = append(out.Body, ldBody{Type: ldTypeTextual, Purpose: purposeTagging, Value: v(t, "\uFFFD")})
	}
	switch {
	case len(a.Tags) > 0:
		out.Motivation = purposeTagging
	default:
		out.Motivation = purposeComment
	}
	if a.Note != "" {
		out.Body = append(out.Body, ldBody{Type: ldTypeTextual, Purpose: purposeComment,
			Value: v(a.Note, "\uFFFD"), Format: ldTextPlain})
	}
	if a.Author != "" {
		out.Creator = &ldAgent{Type: ldTypePerson, Name: v(a.Author, "\uFFFD")}
	}
	exact := v(a.Anchor.Exact, "\uFFFD")
	start, end := a.Anchor.Start, a.Anchor.End
	out.Target = ldTarget{
		Type:   ldTypeSpecific,
		Source: src,
		Selector: []ldSelector{
			{Type: ldTypeQuote, Exact: &exact, Prefix: v(a.Anchor.Prefix, "\uFFFD"), Suffix: v(a.Anchor.Suffix, "\uFFFD")},
			{Type: ldTypePosition, Start: &start, End: &end},
		},
		Page:             a.Anchor.Page,
		Passage:          v(a.Anchor.PassageID, "\uFFFD"),
		ExtractorVersion: v(a.Anchor.ExtractorVersion, "\uFFFD"),
		Status:           v(string(a.Status), "\uFFFD"),
	}
	return out
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// ldAnnotationID is an annotation's IRI: urn:uuid:… for the UUIDs Appraise
// makes, else the id percent-encoded under urn:appraise:annotation:.
func ldAnnotationID(id string) string {
	if uuidRE.MatchString(id) {
		return uuidURN + id
	}
	return annotationURN + url.PathEscape(id)
}

// ldTime is t in UTC with all its precision, or "" for the zero time.
func ldTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(ldTimeLayout)
}
