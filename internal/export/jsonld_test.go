package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// wantDecoded is what DecodeJSONLD must give back for in: the annotations
// in text order, text fields with invalid UTF-8 replaced (JSON carries
// only UTF-8), times in UTC.
func wantDecoded(in Input) []appraise.Annotation {
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	var out []appraise.Annotation
	for _, a := range sortedAnnotations(in.Annotations) {
		a.ID, a.Note, a.Author = v(a.ID), v(a.Note), v(a.Author)
		if a.Paper == "" {
			a.Paper = in.Paper.ID
		}
		if len(a.Tags) == 0 {
			a.Tags = nil
		}
		a.Anchor.Exact, a.Anchor.Prefix, a.Anchor.Suffix = v(a.Anchor.Exact), v(a.Anchor.Prefix), v(a.Anchor.Suffix)
		a.Anchor.PassageID, a.Anchor.ExtractorVersion = v(a.Anchor.PassageID), v(a.Anchor.ExtractorVersion)
		a.Created, a.Modified = a.Created.UTC(), a.Modified.UTC()
		out = append(out, a)
	}
	return out
}

// checkJSONLDRoundTrip asserts that doc is JSON and decodes to exactly
// the annotations of in.
func checkJSONLDRoundTrip(tb testing.TB, doc string, in Input) {
	tb.Helper()
	if !json.Valid([]byte(doc)) {
		tb.Fatal("JSON-LD export is not valid JSON")
	}
	got, paper, err := DecodeJSONLD(strings.NewReader(doc))
	if err != nil {
		tb.Fatalf("DecodeJSONLD: %v", err)
	}
	if paper != in.Paper.ID {
		tb.Errorf("paper = %s, want %s", paper, in.Paper.ID)
	}
	want := wantDecoded(in)
	if len(got) != len(want) {
		tb.Fatalf("decoded %d annotations, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].Created.Equal(want[i].Created) || !got[i].Modified.Equal(want[i].Modified) {
			tb.Errorf("annotation %d times = %v, %v; want %v, %v", i+1, got[i].Created, got[i].Modified, want[i].Created, want[i].Modified)
		}
		g, w := got[i], want[i]
		g.Created, g.Modified = w.Created, w.Modified
		if !reflect.DeepEqual(g, w) {
			tb.Errorf("annotation %d decoded as\n%+v\nwant\n%+v", i+1, g, w)
		}
	}
}

func TestJSONLDRoundTripsDemoAndUntaggedPapers(t *testing.T) {
	for name, in := range map[string]Input{"demo": demoInput(), "untagged": emptyInput()} {
		t.Run(name, func(t *testing.T) {
			checkJSONLDRoundTrip(t, render(t, appraise.FormatJSONLD, in), in)
		})
	}
}

func TestJSONLDRoundTripsHostileText(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			in := hostileInput(h.text)
			if h.text != "" {
				in.Annotations[0].ID = h.text // not a UUID: carried percent-encoded
			}
			checkJSONLDRoundTrip(t, render(t, appraise.FormatJSONLD, in), in)
		})
	}
}

func TestJSONLDFollowsTheWebAnnotationModel(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(render(t, appraise.FormatJSONLD, demoInput())), &doc); err != nil {
		t.Fatal(err)
	}
	ctx := doc["@context"].([]any)
	if ctx[0] != "http://www.w3.org/ns/anno.jsonld" || doc["type"] != "AnnotationCollection" || doc["total"] != 7.0 {
		t.Fatalf("collection head = %v %v %v", ctx[0], doc["type"], doc["total"])
	}
	first := doc["first"].(map[string]any)
	items := first["items"].([]any)
	if first["type"] != "AnnotationPage" || len(items) != 7 {
		t.Fatalf("first page = %v with %d items", first["type"], len(items))
	}
	// The annotation with two tags and a note (text order puts it fifth).
	a := items[4].(map[string]any)
	if a["type"] != "Annotation" || a["motivation"] != "tagging" || !strings.HasPrefix(a["id"].(string), "urn:uuid:") {
		t.Errorf("annotation head = %v %v %v", a["type"], a["motivation"], a["id"])
	}
	var purposes []string
	for _, b := range a["body"].([]any) {
		b := b.(map[string]any)
		if b["type"] != "TextualBody" {
			t.Errorf("body type %v", b["type"])
		}
		purposes = append(purposes, b["purpose"].(string)+":"+b["value"].(string))
	}
	if want := "tagging:claim tagging:limitation commenting:Causal language from an uncontrolled series."; strings.Join(purposes, " ") != want {
		t.Errorf("bodies = %q, want %q", purposes, want)
	}
	if a["creator"].(map[string]any)["name"] != "J. Okafor" {
		t.Errorf("creator = %v", a["creator"])
	}
	target := a["target"].(map[string]any)
	src := target["source"].(map[string]any)
	if src["id"] != "urn:sha256:"+string(demoPaperID) || src["sameAs"] != "https://doi.org/10.5555/jccs.2024.0173" {
		t.Errorf("source = %v", src)
	}
	sel := target["selector"].([]any)
	quote, pos := sel[0].(map[string]any), sel[1].(map[string]any)
	if quote["type"] != "TextQuoteSelector" || !strings.HasPrefix(quote["exact"].(string), "These findings suggest") ||
		pos["type"] != "TextPositionSelector" || pos["start"] != 14080.0 {
		t.Errorf("selectors = %v", sel)
	}
	if target["appraise:page"] != 4.0 || target["appraise:passage"] != "b40.s3" || target["appraise:extractorVersion"] != "layout-1" {
		t.Errorf("Appraise's terms = %v", target)
	}
}

func TestDecodeJSONLDAcceptsPageAndSingleAnnotation(t *testing.T) {
	var coll map[string]json.RawMessage
	if err := json.Unmarshal([]byte(render(t, appraise.FormatJSONLD, demoInput())), &coll); err != nil {
		t.Fatal(err)
	}
	var page map[string]json.RawMessage
	if err := json.Unmarshal(coll["first"], &page); err != nil {
		t.Fatal(err)
	}
	page["@context"] = coll["@context"]
	pageDoc, _ := json.Marshal(page)
	got, _, err := DecodeJSONLD(bytes.NewReader(pageDoc))
	if err != nil || len(got) != 7 {
		t.Fatalf("DecodeJSONLD(page) = %d annotations, %v", len(got), err)
	}
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(page["items"], &items); err != nil {
		t.Fatal(err)
	}
	items[0]["@context"] = json.RawMessage(`"http://www.w3.org/ns/anno.jsonld"`)
	one, _ := json.Marshal(items[0])
	got, paper, err := DecodeJSONLD(bytes.NewReader(one))
	if err != nil || len(got) != 1 || paper != demoPaperID {
		t.Fatalf("DecodeJSONLD(annotation) = %d annotations on %s, %v", len(got), paper, err)
	}
}

// mutateDemo returns the demo JSON-LD with old replaced by new once.
func mutateDemo(tb testing.TB, old, new string) string {
	tb.Helper()
	doc := render(tb, appraise.FormatJSONLD, demoInput())
	if !strings.Contains(doc, old) {
		tb.Fatalf("demo JSON-LD does not contain %q", old)
	}
	return strings.Replace(doc, old, new, 1)
}

func TestDecodeJSONLDRejectsBadInput(t *testing.T) {
	hash := string(demoPaperID)
	cases := []struct {
		name, doc, wantMsg string
	}{
		{"empty input", "", "not a JSON object"},
		{"not JSON", "<html>", "not a JSON object"},
		{"JSON array", "[]", "not a JSON object"},
		{"truncated", mutateDemo(t, `"total": 7`, `"total": 7`)[:500], "not a JSON object"},
		{"no W3C context", mutateDemo(t, `"http://www.w3.org/ns/anno.jsonld"`, `"http://example.org/ctx"`), "@context"},
		{"unknown document type", mutateDemo(t, `"type": "AnnotationCollection"`, `"type": "Person"`), "not an AnnotationCollection"},
		{"total disagrees", mutateDemo(t, `"total": 7`, `"total": 8`), "says it holds 8"},
		{"first page only linked", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","total":1,"first":"http://example.org/page1"}`, "not embedded"},
		{"continues on another page", mutateDemo(t, `"startIndex": 0,`, `"startIndex": 0, "next": "http://example.org/page2",`), "another page"},
		{"paper hash malformed", mutateDemo(t, `"appraise:paper": "urn:sha256:`+hash, `"appraise:paper": "urn:sha256:xyz`), "not urn:sha256"},
		{"annotation on another paper", mutateDemo(t, `"id": "urn:sha256:`+hash, `"id": "urn:sha256:`+strings.Repeat("0", 64)), "is on paper"},
		{"source not a hash", mutateDemo(t, `"id": "urn:sha256:`+hash, `"id": "https://example.org/paper.pdf`), "not urn:sha256"},
		{"duplicate id", mutateDemo(t, `00000000002"`, `00000000001"`), "appears twice"},
		{"id not a UUID", mutateDemo(t, `"urn:uuid:3f2b6c1e`, `"urn:uuid:zz`), "not a UUID"},
		{"missing id", mutateDemo(t, `"id": "urn:uuid:3f2b6c1e-0d4a-4c8e-9b1f-000000000001",`, ``), "no id"},
		{"not an annotation", mutateDemo(t, `"type": "Annotation"`, `"type": "Note"`), "type is not Annotation"},
		{"bad created time", mutateDemo(t, `"created": "2026-03-02T09:22:00Z"`, `"created": "yesterday"`), "created"},
		{"invalid tag name", mutateDemo(t, `"value": "population"`, `"value": "<b>Population</b>"`), "invalid tag"},
		{"unknown body purpose", mutateDemo(t, `"purpose": "commenting"`, `"purpose": "editing"`), "purpose"},
		{"two notes", mutateDemo(t, `"purpose": "tagging"`, `"purpose": "commenting"`), "more than one note"},
		{"body without value", mutateDemo(t, `"value": "population"`, `"other": "population"`), "TextualBody with a value"},
		{"no quote selector", mutateDemo(t, `"type": "TextQuoteSelector"`, `"type": "CssSelector"`), "no TextQuoteSelector"},
		{"no position selector", mutateDemo(t, `"type": "TextPositionSelector"`, `"type": "CssSelector"`), "no TextPositionSelector"},
		{"negative start", mutateDemo(t, `"start": 2410`, `"start": -1`), "not a span"},
		{"end before start", mutateDemo(t, `"start": 2410`, `"start": 999999`), "not a span"},
		{"offset as float", mutateDemo(t, `"start": 2410`, `"start": 1e400`), "start"},
		{"negative page", mutateDemo(t, `"appraise:page": 2`, `"appraise:page": -2`), "page -2"},
		{"unknown status", mutateDemo(t, `"appraise:status": "needs-review"`, `"appraise:status": "deleted"`), "status"},
		{"two targets", mutateDemo(t, `"target": {`, `"target": [{"type":"SpecificResource"}, {`), ""},
		{"invalid UTF-8", mutateDemo(t, `Maren Holt`, "Maren \xff Holt"), "not UTF-8"},
		{"deep nesting", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, ""},
		{"too large", `{"x":"` + strings.Repeat(" ", MaxJSONLDBytes) + `"}`, "larger than"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, paper, err := DecodeJSONLD(strings.NewReader(c.doc))
			if !errors.Is(err, ErrInvalidJSONLD) {
				t.Fatalf("DecodeJSONLD = %d annotations, %q, %v; want ErrInvalidJSONLD", len(got), paper, err)
			}
			if !strings.Contains(err.Error(), c.wantMsg) {
				t.Errorf("error %q does not mention %q", err, c.wantMsg)
			}
			if got != nil || paper != "" {
				t.Errorf("DecodeJSONLD returned data with an error: %d annotations, %q", len(got), paper)
			}
		})
	}
}

func TestDecodeJSONLDReadsGoldenFile(t *testing.T) {
	f, err := os.Open("testdata/demo.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, paper, err := DecodeJSONLD(f)
	if err != nil || paper != demoPaperID || len(got) != 7 {
		t.Fatalf("DecodeJSONLD(golden) = %d annotations on %s, %v", len(got), paper, err)
	}
}

func TestJSONLDRefusesAPaperWithoutAHash(t *testing.T) {
	in := demoInput()
	in.Paper.ID = "not-a-hash"
	in.Annotations = nil
	if err := Write(io.Discard, appraise.FormatJSONLD, in); err == nil {
		t.Error("Write wrote JSON-LD that names no SHA-256; it could never be imported")
	}
}
