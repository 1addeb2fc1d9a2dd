package export

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// FuzzExportText puts arbitrary text in the quote, note and author of
// every annotation and in the paper's metadata, and checks every format's
// invariants: the handout's element tree and CSP, the Markdown's line kinds
// and rendering, the CSV's exact cells, the JSON-LD's round trip.
func FuzzExportText(f *testing.F) {
	for _, h := range hostileText {
		f.Add(h.text, h.text, h.text)
	}
	f.Add("plain quote", "", "")
	f.Fuzz(func(t *testing.T, quote, note, author string) {
		in := demoInput()
		in.Paper.Meta.Title = author
		in.Paper.Appraisal.BottomLine = note
		for i := range in.Annotations {
			a := &in.Annotations[i]
			a.Anchor.Exact, a.Anchor.Prefix = quote, note
			a.Note, a.Author = note, author
		}
		checkHandout(t, render(t, appraise.FormatHTML, in), in)
		md := render(t, appraise.FormatMarkdown, in)
		checkMarkdownLines(t, md, in)
		checkMarkdownRendering(t, md, in)
		in.BOM = true
		checkCSV(t, render(t, appraise.FormatCSV, in), in)
		checkJSONLDRoundTrip(t, render(t, appraise.FormatJSONLD, in), in)
	})
}

// FuzzDecodeJSONLD feeds arbitrary bytes to the decoder: it must never
// panic, and whatever it accepts must be valid and survive being written
// and read again unchanged.
func FuzzDecodeJSONLD(f *testing.F) {
	for _, name := range []string{"testdata/demo.jsonld", "testdata/empty.jsonld"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"urn:uuid:3f2b6c1e-0d4a-4c8e-9b1f-000000000001",` +
		`"body":{"type":"TextualBody","value":"a note"},"target":{"type":"SpecificResource","source":"urn:sha256:` + strings.Repeat("ab", 32) +
		`","selector":[{"type":"TextQuoteSelector","exact":"q"},{"type":"TextPositionSelector","start":0,"end":1}]}}`))
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/anno.jsonld"],"type":["AnnotationPage"],"items":[]}`))
	f.Add([]byte(`[[[[[[[[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, paper, err := DecodeJSONLD(bytes.NewReader(data))
		if err != nil {
			if got != nil || paper != "" {
				t.Fatalf("returned data with error %v", err)
			}
			return
		}
		for _, a := range got {
			if a.ID == "" || a.Paper != paper || a.Anchor.Start < 0 || a.Anchor.End < a.Anchor.Start {
				t.Fatalf("accepted an invalid annotation: %+v", a)
			}
			for _, tag := range a.Tags {
				if appraise.ValidateTagName(tag) != nil {
					t.Fatalf("accepted tag %q", tag)
				}
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, appraise.FormatJSONLD, Input{Paper: appraise.Paper{ID: paper}, Annotations: got}); err != nil {
			t.Fatalf("write back: %v", err)
		}
		again, paper2, err := DecodeJSONLD(&buf)
		if err != nil {
			t.Fatalf("read back what was written: %v", err)
		}
		if paper2 != paper || !reflect.DeepEqual(again, sortedAnnotations(got)) && !(len(again) == 0 && len(got) == 0) {
			t.Fatalf("round trip changed the annotations:\n%+v\n%+v", got, again)
		}
	})
}

// FuzzDecodeBundle feeds arbitrary bytes, seeded with an appraised
// export, to the bundle decoder: no panic, and an appraisal it accepts is
// valid by the import rules and survives being written and read again.
func FuzzDecodeBundle(f *testing.F) {
	for _, name := range []string{"testdata/appraised.jsonld", "testdata/demo.jsonld"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := DecodeBundle(bytes.NewReader(data))
		if err != nil {
			if b.Appraisal != nil || b.Annotations != nil {
				t.Fatalf("returned data with error %v", err)
			}
			return
		}
		if b.Appraisal == nil {
			return
		}
		if err := checkAppraisal(*b.Appraisal); err != nil || b.Appraisal.Paper != b.Paper {
			t.Fatalf("accepted an invalid appraisal (%v): %+v", err, b.Appraisal)
		}
		r := appraise.AppraisalReport{Appraisal: *b.Appraisal}
		if b.Instrument != nil {
			r.Checklist.Instrument = *b.Instrument
		}
		in := Input{Paper: appraise.Paper{ID: b.Paper, Appraisal: b.Appraisal.Card}, Annotations: b.Annotations, Appraisal: &r}
		var buf bytes.Buffer
		if err := Write(&buf, appraise.FormatJSONLD, in); err != nil {
			t.Fatalf("write back: %v", err)
		}
		again, err := DecodeBundle(&buf)
		if err != nil {
			t.Fatalf("read back what was written: %v", err)
		}
		if !reflect.DeepEqual(normalise(*again.Appraisal), normalise(*b.Appraisal)) {
			t.Fatalf("round trip changed the appraisal:\n%+v\n%+v", b.Appraisal, again.Appraisal)
		}
	})
}
