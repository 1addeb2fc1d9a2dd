package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/authors"
)

// ErrInvalidJSONLD: the input is not a Web Annotation document Appraise
// can import. Errors wrapping it say what is wrong and where.
var ErrInvalidJSONLD = errors.New("not an Appraise annotation file")

// Limits on what DecodeJSONLD accepts, so a hostile file cannot make the
// app hold unbounded memory. They are far above what a real paper needs
// (a few hundred annotations, notes of a few kB).
const (
	MaxJSONLDBytes     = 32 << 20 // the whole file
	MaxJSONLDItems     = 50_000   // annotations in one file
	maxTagsPerItem     = 100
	maxTextBytes       = 1 << 20  // a quote or a note
	maxShortBytes      = 64 << 10 // id, author, prefix, suffix, passage id, extractor version
	maxOffset          = 1 << 30  // code points into a paper's text
	maxPage            = 100_000
	sha256HexLen       = 64
	decodeContextLimit = 16 // entries in an @context array
)

// DecodeJSONLD reads what the JSON-LD writer produced (an
// AnnotationCollection with its page embedded; a lone AnnotationPage or
// Annotation is accepted too) and returns the annotations in file order and
// the paper they belong to. The input is treated as hostile: it may hold
// at most MaxJSONLDBytes and MaxJSONLDItems, every field is checked, and
// any problem is an error wrapping ErrInvalidJSONLD that says what and
// where. Nothing is returned unless the whole file is valid.
func DecodeJSONLD(r io.Reader) ([]appraise.Annotation, appraise.PaperID, error) {
	p, err := decodeCollection(r, MaxJSONLDItems)
	if err != nil {
		return nil, "", err
	}
	return p.Annotations, p.Paper.ID, nil
}

// decodeCollection is DecodeJSONLD that also returns the structured
// appraisal (and the custom checklist it used) when the file carries one,
// checked as hostile input like the rest.
func decodeCollection(r io.Reader, budget int) (BundlePaper, error) {
	annotations, paper, appraisalItems, err := decodeItems(r, budget)
	if err != nil {
		return BundlePaper{}, err
	}
	p := BundlePaper{Paper: appraise.Paper{ID: paper}, Annotations: annotations}
	by := map[string]bool{}
	for i, item := range appraisalItems {
		a, err := decodeAppraisal(item, paper)
		if err != nil {
			if len(appraisalItems) > 1 {
				return BundlePaper{}, fmt.Errorf("%w: appraisal %d: %v", ErrInvalidJSONLD, i+1, err)
			}
			return BundlePaper{}, fmt.Errorf("%w: %v", ErrInvalidJSONLD, err)
		}
		k := authors.Key(a.Appraisal.Author)
		if by[k] {
			return BundlePaper{}, fmt.Errorf("%w: appraisal %d: a second appraisal of the paper by %q", ErrInvalidJSONLD, i+1, short(a.Appraisal.Author))
		}
		by[k] = true
		p.Appraisals = append(p.Appraisals, a)
	}
	return p, nil
}

// decodeItems reads the file's annotations, setting the whole-document
// appraisal annotations (one per member, at most maxAppraisals) aside
// undecoded. A file of more than budget items is refused before any is
// decoded (a bundle's earlier papers use up some of MaxJSONLDItems).
func decodeItems(r io.Reader, budget int) ([]appraise.Annotation, appraise.PaperID, []json.RawMessage, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONLDBytes+1))
	if err != nil {
		return nil, "", nil, fmt.Errorf("read annotation file: %w", err)
	}
	if len(data) > MaxJSONLDBytes {
		return nil, "", nil, invalidf("the file is larger than %d MiB", MaxJSONLDBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte(BOM))
	if !utf8.Valid(data) {
		return nil, "", nil, invalidf("the file is not UTF-8 text")
	}
	var top ldTop
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, "", nil, invalidf("the file is not a JSON object: %v", jsonProblem(err))
	}
	if !hasAnnoContext(top.Context) {
		return nil, "", nil, invalidf("@context does not name %s", annoContext)
	}
	var paper appraise.PaperID
	var items []json.RawMessage
	switch {
	case hasType(top.Type, ldTypeColl):
		if top.Paper != "" {
			if paper, err = paperFromURN(top.Paper); err != nil {
				return nil, "", nil, invalidf("appraise:paper: %v", err)
			}
		}
		if len(top.First) == 0 || string(top.First) == "null" {
			if top.Total != 0 {
				return nil, "", nil, invalidf("the collection says it holds %d annotations but has no page", top.Total)
			}
			break
		}
		var page ldTop
		if err := json.Unmarshal(top.First, &page); err != nil {
			return nil, "", nil, invalidf("the collection's first page is not embedded in the file: %v", jsonProblem(err))
		}
		if !hasType(page.Type, ldTypePage) {
			return nil, "", nil, invalidf("the collection's first page is not an AnnotationPage")
		}
		if len(page.Next) > 0 && string(page.Next) != "null" {
			return nil, "", nil, invalidf("the collection continues on another page; Appraise reads only self-contained files")
		}
		items = page.Items
		if len(items) != top.Total {
			return nil, "", nil, invalidf("the collection says it holds %d annotations but has %d", top.Total, len(items))
		}
	case hasType(top.Type, ldTypePage):
		if len(top.Next) > 0 && string(top.Next) != "null" {
			return nil, "", nil, invalidf("the page continues on another page; Appraise reads only self-contained files")
		}
		items = top.Items
	case hasType(top.Type, ldTypeAnno):
		items = []json.RawMessage{data}
	default:
		return nil, "", nil, invalidf("the file is not an AnnotationCollection, AnnotationPage or Annotation")
	}
	if len(items) > MaxJSONLDItems {
		return nil, "", nil, invalidf("the file holds %d annotations, more than the %d Appraise imports at once", len(items), MaxJSONLDItems)
	}
	if len(items) > budget {
		return nil, "", nil, invalidf("the file holds more than the %d annotations Appraise imports at once", MaxJSONLDItems)
	}
	out := make([]appraise.Annotation, 0, len(items))
	seen := make(map[string]bool, len(items))
	var appraisalItems []json.RawMessage
	for i, raw := range items {
		if isAppraisalItem(raw) {
			if len(appraisalItems) == maxAppraisals {
				return nil, "", nil, fmt.Errorf("%w: annotation %d: more than %d appraisals of the paper", ErrInvalidJSONLD, i+1, maxAppraisals)
			}
			appraisalItems = append(appraisalItems, raw)
			continue
		}
		a, err := decodeAnnotation(raw)
		if err != nil {
			return nil, "", nil, fmt.Errorf("%w: annotation %d: %v", ErrInvalidJSONLD, i+1, err)
		}
		if seen[a.ID] {
			return nil, "", nil, fmt.Errorf("%w: annotation %d: id %q appears twice", ErrInvalidJSONLD, i+1, a.ID)
		}
		seen[a.ID] = true
		switch {
		case paper == "":
			paper = a.Paper
		case a.Paper != paper:
			return nil, "", nil, fmt.Errorf("%w: annotation %d is on paper %s, not %s", ErrInvalidJSONLD, i+1, a.Paper, paper)
		}
		out = append(out, a)
	}
	if paper == "" {
		return nil, "", nil, invalidf("the file does not say which paper it is about")
	}
	return out, paper, appraisalItems, nil
}

func invalidf(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidJSONLD, fmt.Sprintf(format, a...))
}

// jsonProblem shortens encoding/json's messages to what a person needs.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v (at byte %d)", syn, syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		if typ.Field != "" {
			return fmt.Sprintf("%s should be %s, not %s", typ.Field, typ.Type, typ.Value)
		}
		return fmt.Sprintf("expected %s, found %s", typ.Type, typ.Value)
	}
	return err.Error()
}

// ldTop is any of the three document shapes.
type ldTop struct {
	Context json.RawMessage   `json:"@context"`
	Type    json.RawMessage   `json:"type"`
	Paper   string            `json:"appraise:paper"`
	Total   int               `json:"total"`
	First   json.RawMessage   `json:"first"`
	Next    json.RawMessage   `json:"next"`
	Items   []json.RawMessage `json:"items"`
}
