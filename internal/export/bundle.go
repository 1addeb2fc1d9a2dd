package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// A bundle is how a journal club's readings travel between members: the
// JSON-LD export of one paper or of several.
//
//   - One paper: the paper's AnnotationCollection (see jsonld.go) with two
//     more members, "appraise:meta" (title, authors, journal, year, DOI,
//     so that another copy of the same article can be recognised) and
//     "appraise:trash" (annotations the author deleted, each with when:
//     a deletion travels as a tombstone so it reaches the other members).
//   - Several papers: {"@context": …, "@graph": [collection, …]}, each
//     collection as above and self-contained.
//
// Other Web Annotation tools read a one-paper bundle as an ordinary
// collection and ignore the appraise: members.

// Limits on bundles, besides those of each collection (DecodeJSONLD's).
const (
	MaxBundleBytes  = 64 << 20
	MaxBundlePapers = 10_000
)

// BundlePaper is one paper of a bundle.
type BundlePaper struct {
	// Paper carries the ID (the PDF's SHA-256) and the metadata; other
	// fields are zero when decoded.
	Paper appraise.Paper
	// Annotations are the live annotations; Trash the deleted ones (with
	// Deleted set).
	Annotations []appraise.Annotation
	Trash       []appraise.Annotation
	// Appraisals are the paper's structured appraisals in file order (see
	// jsonld_appraisal.go): none, the exporting member's, and the other
	// members' a lead passes on, each by a different author.
	Appraisals []BundleAppraisal
}

// BundleAppraisal is one member's appraisal of a bundle's paper, with the
// custom checklist it used when it used one.
type BundleAppraisal struct {
	Appraisal  appraise.PaperAppraisal
	Instrument *appraise.Instrument
}

// BundleInput is one paper to write into a bundle: what a one-paper
// export takes, plus its deleted annotations.
type BundleInput struct {
	Input
	Trash []appraise.Annotation
}

type ldMeta struct {
	Title   string   `json:"title,omitempty"`
	Authors []string `json:"authors,omitempty"`
	Journal string   `json:"journal,omitempty"`
	Year    int      `json:"year,omitempty"`
	DOI     string   `json:"doi,omitempty"`
}

type ldTrashed struct {
	Deleted    string          `json:"deleted"`
	Annotation json.RawMessage `json:"annotation"`
}

// WriteBundle writes papers as a bundle: one paper as its collection, more
// as a graph of collections. It builds the whole document first, so a
// failure writes nothing.
func WriteBundle(w io.Writer, papers []BundleInput) error {
	var elems [][]byte
	for _, p := range papers {
		e, err := bundleElement(p)
		if err != nil {
			return fmt.Errorf("bundle paper %s: %w", p.Paper.ID, err)
		}
		elems = append(elems, e)
	}
	var doc []byte
	switch len(elems) {
	case 0:
		return fmt.Errorf("bundle: no paper to write")
	case 1:
		doc = elems[0]
	default:
		ctx, err := json.Marshal(ldContext())
		if err != nil {
			return err
		}
		var b bytes.Buffer
		b.WriteString(`{"@context":`)
		b.Write(ctx)
		b.WriteString(`,"@graph":[`)
		for i, e := range elems {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(e)
		}
		b.WriteString("]}")
		doc = b.Bytes()
	}
	var out bytes.Buffer
	if err := json.Indent(&out, doc, "", "  "); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// bundleElement is one paper's collection with the bundle's members added
// at its end, keeping the collection's own member order.
func bundleElement(p BundleInput) ([]byte, error) {
	var coll bytes.Buffer
	if err := writeJSONLD(&coll, p.Input); err != nil {
		return nil, err
	}
	body := bytes.TrimSpace(coll.Bytes())
	if len(body) < 2 || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("the collection is not a JSON object")
	}
	m := p.Paper.Meta
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	authors := make([]string, 0, len(m.Authors))
	for _, a := range m.Authors {
		authors = append(authors, v(a))
	}
	meta, err := marshalNoEscape(ldMeta{Title: v(m.Title), Authors: authors, Journal: v(m.Journal), Year: m.Year, DOI: v(m.DOI)})
	if err != nil {
		return nil, err
	}
	trash := make([]ldTrashed, 0, len(p.Trash))
	src := ldSource{ID: sha256URN + string(p.Paper.ID), Type: ldTypeText, Format: ldPDFFormat, SameAs: doiURL(doiOf(m.DOI))}
	for _, a := range sortedAnnotations(p.Trash) {
		if a.Deleted.IsZero() {
			return nil, fmt.Errorf("annotation %s is in the trash without a deletion time", a.ID)
		}
		raw, err := marshalNoEscape(ldFromAnnotation(a, src))
		if err != nil {
			return nil, err
		}
		trash = append(trash, ldTrashed{Deleted: ldTime(a.Deleted), Annotation: raw})
	}
	tr, err := marshalNoEscape(trash)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(body[:len(body)-1])
	b.WriteString(`,"appraise:meta":`)
	b.Write(meta)
	b.WriteString(`,"appraise:trash":`)
	b.Write(tr)
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// DecodeBundle reads a bundle — or any file DecodeJSONLD reads — and
// returns its papers in file order. The input is hostile: limits apply to
// the whole file (MaxBundleBytes, MaxBundlePapers, MaxJSONLDItems
// annotations in all) and to each collection; an annotation id may appear
// once in the whole bundle; every problem is an error wrapping
// ErrInvalidJSONLD that says where, and nothing is returned unless the
// whole bundle is valid.
func DecodeBundle(r io.Reader) ([]BundlePaper, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBundleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	if len(data) > MaxBundleBytes {
		return nil, invalidf("the file is larger than %d MiB", MaxBundleBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte(BOM))
	var top struct {
		Graph json.RawMessage `json:"@graph"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, invalidf("the file is not a JSON object: %v", jsonProblem(err))
	}
	elems := []json.RawMessage{data}
	if len(top.Graph) > 0 && string(top.Graph) != "null" {
		if err := json.Unmarshal(top.Graph, &elems); err != nil {
			return nil, invalidf("@graph is not a list of collections: %v", jsonProblem(err))
		}
		if len(elems) == 0 {
			return nil, invalidf("@graph holds no paper")
		}
	}
	if len(elems) > MaxBundlePapers {
		return nil, invalidf("the file holds %d papers, more than the %d Appraise imports at once", len(elems), MaxBundlePapers)
	}
	seen := map[string]string{} // annotation id → where
	var out []BundlePaper
	total := 0
	for i, raw := range elems {
		where := fmt.Sprintf("paper %d", i+1)
		p, err := decodeBundlePaper(raw, MaxJSONLDItems-total)
		if err != nil {
			if len(elems) == 1 {
				return nil, err
			}
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		total += len(p.Annotations) + len(p.Trash)
		if total > MaxJSONLDItems {
			return nil, invalidf("the file holds more than the %d annotations Appraise imports at once", MaxJSONLDItems)
		}
		for _, a := range append(append([]appraise.Annotation{}, p.Annotations...), p.Trash...) {
			if prev, dup := seen[a.ID]; dup {
				return nil, invalidf("annotation %q appears twice (in %s and %s)", a.ID, prev, where)
			}
			seen[a.ID] = where
		}
		out = append(out, p)
	}
	return out, nil
}

// decodeBundlePaper reads one collection with its bundle members.
func decodeBundlePaper(raw json.RawMessage, budget int) (BundlePaper, error) {
	p, err := decodeCollection(bytes.NewReader(raw), budget)
	if err != nil {
		return BundlePaper{}, err
	}
	paper := p.Paper.ID
	var extra struct {
		Meta  *ldMeta     `json:"appraise:meta"`
		Trash []ldTrashed `json:"appraise:trash"`
	}
	if err := json.Unmarshal(raw, &extra); err != nil {
		return BundlePaper{}, invalidf("appraise:meta or appraise:trash: %v", jsonProblem(err))
	}
	if m := extra.Meta; m != nil {
		if err := checkMeta(*m); err != nil {
			return BundlePaper{}, invalidf("appraise:meta: %v", err)
		}
		p.Paper.Meta = appraise.Metadata{Title: m.Title, Authors: m.Authors, Journal: m.Journal, Year: m.Year, DOI: m.DOI}
	}
	if len(extra.Trash) > MaxJSONLDItems {
		return BundlePaper{}, invalidf("appraise:trash holds more than %d annotations", MaxJSONLDItems)
	}
	for i, t := range extra.Trash {
		a, err := decodeAnnotation(t.Annotation)
		if err != nil {
			return BundlePaper{}, invalidf("appraise:trash item %d: %v", i+1, err)
		}
		if a.Paper != paper {
			return BundlePaper{}, invalidf("appraise:trash item %d is on paper %s, not %s", i+1, a.Paper, paper)
		}
		if a.Deleted, err = parseLDTime("deleted", t.Deleted); err != nil || a.Deleted.IsZero() {
			return BundlePaper{}, invalidf("appraise:trash item %d: the deletion time %q is not a time", i+1, short(t.Deleted))
		}
		p.Trash = append(p.Trash, a)
	}
	return p, nil
}

// checkMeta bounds the metadata a bundle may carry.
func checkMeta(m ldMeta) error {
	switch {
	case len(m.Title) > maxTextBytes:
		return fmt.Errorf("the title is longer than %d bytes", maxTextBytes)
	case len(m.Authors) > 10_000:
		return fmt.Errorf("%d authors is too many", len(m.Authors))
	case len(m.Journal) > maxShortBytes || len(m.DOI) > maxShortBytes:
		return fmt.Errorf("the journal or DOI is longer than %d bytes", maxShortBytes)
	case m.Year < 0 || m.Year > time.Now().Year()+5:
		return fmt.Errorf("the year %d is not a publication year", m.Year)
	}
	for _, a := range m.Authors {
		if len(a) > maxShortBytes {
			return fmt.Errorf("an author's name is longer than %d bytes", maxShortBytes)
		}
	}
	return nil
}
