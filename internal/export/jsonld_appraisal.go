package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
	"appraise.app/appraise/internal/instrument"
)

// The structured appraisal travels as one more annotation in the page: an
// annotation on the whole document (its target is the PDF itself, no
// selector), motivation "assessing", with two bodies: a TextualBody that
// sums the appraisal up for any Web Annotation reader, and an
// "appraise:Appraisal" body whose "appraise:appraisal" is the paper's
// PaperAppraisal as Appraise stores it (card, level, checklists with
// evidence, certainties with reasons, typed links, PICO, modified times),
// plus "appraise:instrument", the definition of a custom checklist in use,
// so a bundle opens where that checklist was never imported. Evidence,
// reasons and links name annotations by their Appraise ids, as the
// annotations' own IRIs do.
const (
	appraisalURN      = "urn:appraise:appraisal:sha256:"
	motivationAssess  = "assessing"
	ldTypeAppraisal   = "appraise:Appraisal"
	maxChecklists     = 50
	maxAnswersPerList = 1000
	maxIDsPerList     = 1000
	maxLinks          = 100_000
	maxAppraisals     = 1000 // members' appraisals of one paper
	maxAuthorBytes    = 200  // an appraisal's author, as the store keys it
)

type ldAppraisalAnno struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Motivation string   `json:"motivation"`
	Creator    *ldAgent `json:"creator,omitempty"`
	Modified   string   `json:"modified,omitempty"`
	Body       []any    `json:"body"`
	Target     ldSource `json:"target"`
}

type ldAppraisalBody struct {
	Type       string                  `json:"type"`
	Appraisal  appraise.PaperAppraisal `json:"appraise:appraisal"`
	Instrument *appraise.Instrument    `json:"appraise:instrument,omitempty"`
}

// ldFromAppraisal builds the whole-document annotation.
func ldFromAppraisal(in Input, src ldSource) ldAppraisalAnno {
	r := in.Appraisal
	pa := r.Appraisal
	pa.Paper, pa.Card = in.Paper.ID, in.Paper.Appraisal
	body := ldAppraisalBody{Type: ldTypeAppraisal, Appraisal: pa}
	if ci := r.Checklist.Instrument; ci.Custom {
		body.Instrument = &ci
	}
	return appraisalAnno(body, appraisalSummary(in), src)
}

// appraisalAnno is the whole-document annotation of one appraisal, named
// by its author when it has one.
func appraisalAnno(body ldAppraisalBody, summary string, src ldSource) ldAppraisalAnno {
	pa := body.Appraisal
	src.SameAs = ""
	id := appraisalURN + string(pa.Paper)
	var creator *ldAgent
	if pa.Author != "" {
		body.Appraisal.Author = strings.ToValidUTF8(pa.Author, "\uFFFD")
		creator = &ldAgent{Type: ldTypePerson, Name: body.Appraisal.Author}
		id += ":by:" + url.PathEscape(authors.Key(body.Appraisal.Author))
	}
	return ldAppraisalAnno{
		ID: id, Type: ldTypeAnno, Motivation: motivationAssess, Creator: creator,
		Modified: ldTime(pa.Modified),
		Body: []any{
			ldBody{Type: ldTypeTextual, Purpose: motivationAssess, Value: summary, Format: ldTextPlain},
			body,
		},
		Target: src,
	}
}

// ldFromMemberAppraisal builds the whole-document annotation of another
// member's appraisal, which a lead passes on as it came.
func ldFromMemberAppraisal(pa appraise.PaperAppraisal, paper appraise.PaperID, src ldSource) ldAppraisalAnno {
	pa.Paper = paper
	summary := "Appraisal by " + oneLine(pa.Author) + "."
	if b := oneLine(pa.Card.BottomLine); b != "" {
		summary += " Bottom line: " + b
	}
	return appraisalAnno(ldAppraisalBody{Type: ldTypeAppraisal, Appraisal: pa}, strings.ToValidUTF8(summary, "\uFFFD"), src)
}

// appraisalSummary is the appraisal in a few plain sentences.
func appraisalSummary(in Input) string {
	r := in.Appraisal
	var parts []string
	if d := designLabel(in.Paper.Appraisal); d != "" {
		parts = append(parts, "Design: "+d+".")
	}
	if l := levelText(r.Level); l != "" {
		parts = append(parts, "Evidence: "+l+".")
	}
	if in := r.Checklist.Instrument; in.ID != "" {
		answered := 0
		for _, row := range r.Checklist.Rows {
			if row.Answer.Answer != "" {
				answered++
			}
		}
		parts = append(parts, fmt.Sprintf("Checklist: %s, %d of %d items answered.", oneLine(in.Name), answered, len(r.Checklist.Rows)))
	}
	for _, c := range r.Certainties {
		parts = append(parts, fmt.Sprintf("Claim %q: certainty %s.", oneLine(c.Claim.Annotation.Anchor.Exact), c.Final))
	}
	if b := oneLine(in.Paper.Appraisal.BottomLine); b != "" {
		parts = append(parts, "Bottom line: "+b)
	}
	return strings.ToValidUTF8(strings.Join(parts, " "), "\uFFFD")
}

// ldAppraisalIn is the whole-document annotation as read.
type ldAppraisalIn struct {
	Motivation string          `json:"motivation"`
	Creator    json.RawMessage `json:"creator"`
	Body       json.RawMessage `json:"body"`
}

// isAppraisalItem reports whether an item is the whole-document appraisal
// annotation (motivation assessing with an appraise:Appraisal body).
func isAppraisalItem(raw json.RawMessage) bool {
	var a ldAppraisalIn
	if json.Unmarshal(raw, &a) != nil || a.Motivation != motivationAssess {
		return false
	}
	return bytes.Contains(a.Body, []byte(`"`+ldTypeAppraisal+`"`))
}

// decodeAppraisal reads and checks the appraisal annotation of paper. Its
// author is the body's, else the annotation's creator.
func decodeAppraisal(raw json.RawMessage, paper appraise.PaperID) (BundleAppraisal, error) {
	var a ldAppraisalIn
	if err := json.Unmarshal(raw, &a); err != nil {
		return BundleAppraisal{}, fmt.Errorf("the appraisal is not an annotation object: %s", jsonProblem(err))
	}
	bodies, err := oneOrMany[json.RawMessage](a.Body)
	if err != nil {
		return BundleAppraisal{}, fmt.Errorf("the appraisal's body: %v", err)
	}
	for _, b := range bodies {
		var head struct {
			Type json.RawMessage `json:"type"`
		}
		if json.Unmarshal(b, &head) != nil || !hasType(head.Type, ldTypeAppraisal) {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		var body ldAppraisalBody
		if err := dec.Decode(&body); err != nil {
			return BundleAppraisal{}, fmt.Errorf("the appraisal: %s", jsonProblem(err))
		}
		pa := body.Appraisal
		if pa.Paper != "" && pa.Paper != paper {
			return BundleAppraisal{}, fmt.Errorf("the appraisal is of paper %s, not %s", short(string(pa.Paper)), paper)
		}
		pa.Paper = paper
		var creator ldAgent
		if pa.Author == "" && json.Unmarshal(a.Creator, &creator) == nil {
			pa.Author = creator.Name
		}
		pa.Author = strings.TrimSpace(pa.Author)
		if len(pa.Author) > maxAuthorBytes || strings.ContainsRune(pa.Author, 0) {
			return BundleAppraisal{}, fmt.Errorf("the appraisal's author %q is longer than %d bytes or holds NUL", short(pa.Author), maxAuthorBytes)
		}
		if err := checkAppraisal(pa); err != nil {
			return BundleAppraisal{}, fmt.Errorf("the appraisal: %v", err)
		}
		if body.Instrument != nil {
			in, err := instrument.Validate("the appraisal's checklist", *body.Instrument)
			if err != nil {
				return BundleAppraisal{}, err
			}
			body.Instrument = &in
		}
		return BundleAppraisal{Appraisal: pa, Instrument: body.Instrument}, nil
	}
	return BundleAppraisal{}, errors.New("the appraisal annotation has no appraise:Appraisal body")
}

// checkAppraisal applies the import limits and rules to a decoded
// appraisal: known designs, answers of bounded size, valid GRADE ratings
// and link types, ids that fit.
func checkAppraisal(pa appraise.PaperAppraisal) error {
	c := pa.Card
	if c.Design != "" && !knownDesign(c.Design) {
		return fmt.Errorf("design %q is not one Appraise knows", short(string(c.Design)))
	}
	switch c.Timing {
	case appraise.TimingUnset, appraise.TimingProspective, appraise.TimingRetrospective:
	default:
		return fmt.Errorf("timing %q is not retrospective or prospective", short(string(c.Timing)))
	}
	if pa.Level.Level < 0 || pa.Level.Level > 5 {
		return fmt.Errorf("evidence level %d is not 0–5", pa.Level.Level)
	}
	texts := []string{c.SampleSize, c.Setting, c.BottomLine, pa.Level.Reason, pa.PICO.Population.N, pa.PICO.Population.Age,
		pa.PICO.Population.Sex, pa.PICO.Population.Diagnosis, pa.PICO.Population.Setting, pa.PICO.Population.TimeWindow,
		pa.PICO.Intervention, pa.PICO.Comparator, pa.PICO.Outcomes, pa.PICO.FollowUp}
	for _, s := range texts {
		if len(s) > maxTextBytes {
			return fmt.Errorf("a text field is longer than %d kB", maxTextBytes>>10)
		}
	}
	if err := checkShort("instrument", string(pa.Instrument), true); err != nil {
		return err
	}
	if len(pa.Checklists) > maxChecklists {
		return fmt.Errorf("%d checklists, more than %d", len(pa.Checklists), maxChecklists)
	}
	for _, cl := range pa.Checklists {
		if err := checkShort("checklist id", string(cl.Instrument), false); err != nil {
			return err
		}
		if len(cl.Answers) > maxAnswersPerList {
			return fmt.Errorf("checklist %s has %d answers, more than %d", short(string(cl.Instrument)), len(cl.Answers), maxAnswersPerList)
		}
		for _, a := range cl.Answers {
			if a.Item < 1 || a.Item > 999 {
				return fmt.Errorf("checklist %s: item %d is not 1–999", short(string(cl.Instrument)), a.Item)
			}
			if len(a.Answer) > 64 || len(a.Comment) > maxTextBytes {
				return fmt.Errorf("checklist %s item %d: the answer or comment is too long", short(string(cl.Instrument)), a.Item)
			}
			if err := checkIDs("evidence", a.Evidence); err != nil {
				return err
			}
		}
	}
	if len(pa.Certainties) > MaxJSONLDItems {
		return fmt.Errorf("%d certainties, more than %d", len(pa.Certainties), MaxJSONLDItems)
	}
	for _, ce := range pa.Certainties {
		if err := checkShort("claim id", ce.Claim, false); err != nil {
			return err
		}
		if len(ce.Domains) > len(appraise.Domains()) {
			return fmt.Errorf("claim %s rates %d domains", short(ce.Claim), len(ce.Domains))
		}
		seen := map[appraise.Domain]bool{}
		for _, d := range ce.Domains {
			if err := instrument.ValidateRating(d); err != nil {
				return fmt.Errorf("claim %s: %v", short(ce.Claim), err)
			}
			if seen[d.Domain] {
				return fmt.Errorf("claim %s rates %s twice", short(ce.Claim), d.Domain)
			}
			seen[d.Domain] = true
			if err := checkIDs("reasons", d.Reasons); err != nil {
				return err
			}
		}
	}
	if len(pa.Links) > maxLinks {
		return fmt.Errorf("%d links, more than %d", len(pa.Links), maxLinks)
	}
	for _, k := range pa.Links {
		if k.Type != appraise.LinkLimits && k.Type != appraise.LinkAbout {
			return fmt.Errorf("link type %q is not limits or about", short(string(k.Type)))
		}
		if err := checkIDs("link", []string{k.From, k.To}); err != nil {
			return err
		}
		if k.From == k.To {
			return fmt.Errorf("annotation %s is linked to itself", short(k.From))
		}
	}
	return nil
}

func knownDesign(d appraise.StudyDesign) bool {
	for _, k := range appraise.StudyDesigns() {
		if k == d {
			return true
		}
	}
	return false
}

func checkShort(what, s string, mayBeEmpty bool) error {
	if (s == "" && !mayBeEmpty) || len(s) > maxShortBytes {
		return fmt.Errorf("%s %q is empty or too long", what, short(s))
	}
	return nil
}

func checkIDs(what string, ids []string) error {
	if len(ids) > maxIDsPerList {
		return fmt.Errorf("%d %s ids, more than %d", len(ids), what, maxIDsPerList)
	}
	for _, id := range ids {
		if err := checkShort(what+" id", id, false); err != nil {
			return err
		}
	}
	return nil
}
