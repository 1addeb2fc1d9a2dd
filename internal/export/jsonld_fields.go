package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// Reading one annotation of a JSON-LD file and checking every field.

// ldAnnotationIn is an annotation as read: the fields that may be a single
// value or an array are kept raw.
type ldAnnotationIn struct {
	ID       string          `json:"id"`
	Type     json.RawMessage `json:"type"`
	Creator  json.RawMessage `json:"creator"`
	Created  string          `json:"created"`
	Modified string          `json:"modified"`
	Body     json.RawMessage `json:"body"`
	Target   json.RawMessage `json:"target"`
}

type ldTargetIn struct {
	Type             json.RawMessage `json:"type"`
	Source           json.RawMessage `json:"source"`
	Selector         json.RawMessage `json:"selector"`
	Page             int             `json:"appraise:page"`
	Passage          string          `json:"appraise:passage"`
	ExtractorVersion string          `json:"appraise:extractorVersion"`
	Status           string          `json:"appraise:status"`
}

type ldBodyIn struct {
	Type    json.RawMessage `json:"type"`
	Purpose string          `json:"purpose"`
	Value   *string         `json:"value"`
}

func decodeAnnotation(raw json.RawMessage) (appraise.Annotation, error) {
	var in ldAnnotationIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return appraise.Annotation{}, fmt.Errorf("not an annotation object: %s", jsonProblem(err))
	}
	if !hasType(in.Type, ldTypeAnno) {
		return appraise.Annotation{}, errors.New("type is not Annotation")
	}
	var a appraise.Annotation
	var err error
	if a.ID, err = annotationIDFromIRI(in.ID); err != nil {
		return a, err
	}
	if a.Created, err = parseLDTime("created", in.Created); err != nil {
		return a, err
	}
	if a.Modified, err = parseLDTime("modified", in.Modified); err != nil {
		return a, err
	}
	if a.Author, err = decodeCreator(in.Creator); err != nil {
		return a, err
	}
	if a.Tags, a.Note, err = decodeBodies(in.Body); err != nil {
		return a, err
	}
	if a.Paper, a.Anchor, a.Status, err = decodeTarget(in.Target); err != nil {
		return a, err
	}
	return a, nil
}

// annotationIDFromIRI undoes ldAnnotationID. An IRI of another scheme
// (an annotation made by another tool) is kept whole as the id.
func annotationIDFromIRI(iri string) (string, error) {
	var id string
	switch {
	case iri == "":
		return "", errors.New("no id")
	case strings.HasPrefix(iri, uuidURN):
		id = iri[len(uuidURN):]
		if !uuidRE.MatchString(id) {
			return "", fmt.Errorf("id %q is not a UUID", short(iri))
		}
	case strings.HasPrefix(iri, annotationURN):
		var err error
		if id, err = url.PathUnescape(iri[len(annotationURN):]); err != nil || id == "" {
			return "", fmt.Errorf("id %q is malformed", short(iri))
		}
	default:
		id = iri
	}
	if len(id) > maxShortBytes || !utf8.ValidString(id) {
		return "", fmt.Errorf("id %q is too long or not text", short(iri))
	}
	return id, nil
}

func parseLDTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a date and time like 2006-01-02T15:04:05Z", field, short(s))
	}
	return t.UTC(), nil
}

// decodeCreator reads the creator's name: an agent object, or an array of
// them (the first with a name counts). An IRI alone gives no name.
func decodeCreator(raw json.RawMessage) (string, error) {
	agents, err := oneOrMany[json.RawMessage](raw)
	if err != nil {
		return "", fmt.Errorf("creator: %v", err)
	}
	for _, ag := range agents {
		var s string
		if json.Unmarshal(ag, &s) == nil {
			continue // an IRI: no name to show
		}
		var obj struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(ag, &obj); err != nil {
			return "", fmt.Errorf("creator is neither an IRI nor an agent: %s", jsonProblem(err))
		}
		if obj.Name != "" {
			if len(obj.Name) > maxShortBytes {
				return "", errors.New("creator's name is too long")
			}
			return obj.Name, nil
		}
	}
	return "", nil
}

// decodeBodies returns the tags (purpose tagging, in order) and the note
// (purpose commenting, or a TextualBody with no purpose; at most one).
func decodeBodies(raw json.RawMessage) ([]string, string, error) {
	bodies, err := oneOrMany[ldBodyIn](raw)
	if err != nil {
		return nil, "", fmt.Errorf("body: %v", err)
	}
	var tags []string
	note, haveNote := "", false
	for i, b := range bodies {
		if !hasType(b.Type, ldTypeTextual) || b.Value == nil {
			return nil, "", fmt.Errorf("body %d is not a TextualBody with a value", i+1)
		}
		switch b.Purpose {
		case purposeTagging:
			if err := appraise.ValidateTagName(*b.Value); err != nil {
				return nil, "", fmt.Errorf("body %d: %v", i+1, err)
			}
			if len(tags) == maxTagsPerItem {
				return nil, "", fmt.Errorf("more than %d tags", maxTagsPerItem)
			}
			tags = append(tags, *b.Value)
		case purposeComment, "":
			if haveNote {
				return nil, "", errors.New("more than one note (commenting body)")
			}
			if len(*b.Value) > maxTextBytes {
				return nil, "", fmt.Errorf("the note is longer than %d kB", maxTextBytes>>10)
			}
			note, haveNote = *b.Value, true
		default:
			return nil, "", fmt.Errorf("body %d has purpose %q; Appraise reads tagging and commenting", i+1, short(b.Purpose))
		}
	}
	return tags, note, nil
}

func decodeTarget(raw json.RawMessage) (appraise.PaperID, appraise.Anchor, appraise.AnchorStatus, error) {
	var anc appraise.Anchor
	targets, err := oneOrMany[json.RawMessage](raw)
	if err != nil {
		return "", anc, "", fmt.Errorf("target: %v", err)
	}
	if len(targets) != 1 {
		return "", anc, "", fmt.Errorf("has %d targets; Appraise reads annotations on one paper", len(targets))
	}
	var t ldTargetIn
	if err := json.Unmarshal(targets[0], &t); err != nil {
		return "", anc, "", fmt.Errorf("target is not a SpecificResource: %s", jsonProblem(err))
	}
	if !hasType(t.Type, ldTypeSpecific) {
		return "", anc, "", errors.New("target is not a SpecificResource")
	}
	var src string
	if json.Unmarshal(t.Source, &src) != nil {
		var obj struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(t.Source, &obj); err != nil {
			return "", anc, "", fmt.Errorf("target source: %s", jsonProblem(err))
		}
		src = obj.ID
	}
	paper, err := paperFromURN(src)
	if err != nil {
		return "", anc, "", fmt.Errorf("target source: %v", err)
	}
	selectors, err := oneOrMany[ldSelector](t.Selector)
	if err != nil {
		return "", anc, "", fmt.Errorf("selector: %v", err)
	}
	var haveQuote, havePos bool
	for _, s := range selectors {
		switch s.Type {
		case ldTypeQuote:
			if haveQuote || s.Exact == nil {
				return "", anc, "", errors.New("needs exactly one TextQuoteSelector with exact text")
			}
			haveQuote = true
			anc.Exact, anc.Prefix, anc.Suffix = *s.Exact, s.Prefix, s.Suffix
		case ldTypePosition:
			if havePos || s.Start == nil || s.End == nil {
				return "", anc, "", errors.New("needs exactly one TextPositionSelector with start and end")
			}
			havePos = true
			anc.Start, anc.End = *s.Start, *s.End
		}
	}
	switch {
	case !haveQuote:
		return "", anc, "", errors.New("has no TextQuoteSelector")
	case !havePos:
		return "", anc, "", errors.New("has no TextPositionSelector")
	case anc.Start < 0 || anc.End < anc.Start || anc.End > maxOffset:
		return "", anc, "", fmt.Errorf("position %d–%d is not a span of text", anc.Start, anc.End)
	case len(anc.Exact) > maxTextBytes:
		return "", anc, "", fmt.Errorf("the quote is longer than %d kB", maxTextBytes>>10)
	case len(anc.Prefix) > maxShortBytes || len(anc.Suffix) > maxShortBytes:
		return "", anc, "", errors.New("the quote's prefix or suffix is too long")
	case t.Page < 0 || t.Page > maxPage:
		return "", anc, "", fmt.Errorf("page %d is out of range", t.Page)
	case len(t.Passage) > maxShortBytes || len(t.ExtractorVersion) > maxShortBytes:
		return "", anc, "", errors.New("passage id or extractor version is too long")
	}
	anc.Page, anc.PassageID, anc.ExtractorVersion = t.Page, t.Passage, t.ExtractorVersion
	status := appraise.AnchorStatus(t.Status)
	switch status {
	case appraise.Attached, appraise.NeedsReview, appraise.Orphaned:
	default:
		return "", anc, "", fmt.Errorf("status %q is not one Appraise knows", short(t.Status))
	}
	return paper, anc, status, nil
}

// paperFromURN reads urn:sha256:<64 hex digits> as a paper id.
func paperFromURN(s string) (appraise.PaperID, error) {
	h, ok := strings.CutPrefix(s, sha256URN)
	if !ok || len(h) != sha256HexLen || strings.Trim(strings.ToLower(h), "0123456789abcdef") != "" {
		return "", fmt.Errorf("%q is not urn:sha256: and a SHA-256 in hex", short(s))
	}
	return appraise.PaperID(strings.ToLower(h)), nil
}

// oneOrMany decodes a JSON value that may be one T or an array of T;
// absent or null gives none.
func oneOrMany[T any](raw json.RawMessage) ([]T, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '[' {
		var many []T
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, errors.New(jsonProblem(err))
		}
		return many, nil
	}
	var one T
	if err := json.Unmarshal(raw, &one); err != nil {
		return nil, errors.New(jsonProblem(err))
	}
	return []T{one}, nil
}

// hasType reports whether a JSON-LD type value (a string or an array of
// strings) includes want.
func hasType(raw json.RawMessage, want string) bool {
	types, err := oneOrMany[string](raw)
	if err != nil {
		return false
	}
	for _, t := range types {
		if t == want {
			return true
		}
	}
	return false
}

// hasAnnoContext reports whether @context names the W3C annotation
// context (over http or https), alone or in an array.
func hasAnnoContext(raw json.RawMessage) bool {
	entries, err := oneOrMany[json.RawMessage](raw)
	if err != nil || len(entries) > decodeContextLimit {
		return false
	}
	for _, e := range entries {
		var s string
		if json.Unmarshal(e, &s) == nil && (s == annoContext || s == "https"+strings.TrimPrefix(annoContext, "http")) {
			return true
		}
	}
	return false
}

// short cuts a string from the input to a length fit for an error message.
func short(s string) string {
	const limit = 60
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
