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
		bs, err := DecodeBundle(bytes.NewReader(data))
		if err != nil {
			if bs != nil {
				t.Fatalf("returned data with error %v", err)
			}
			return
		}
		if len(bs) != 1 {
			return
		}
		b := bs[0]
		if len(b.Appraisals) == 0 {
			return
		}
		first := b.Appraisals[0]
		for _, a := range b.Appraisals {
			if err := checkAppraisal(a.Appraisal); err != nil || a.Appraisal.Paper != b.Paper.ID {
				t.Fatalf("accepted an invalid appraisal (%v): %+v", err, a.Appraisal)
			}
		}
		r := appraise.AppraisalReport{Appraisal: first.Appraisal}
		if first.Instrument != nil {
			r.Checklist.Instrument = *first.Instrument
		}
		in := Input{Paper: appraise.Paper{ID: b.Paper.ID, Appraisal: first.Appraisal.Card}, Annotations: b.Annotations, Appraisal: &r}
		for _, a := range b.Appraisals[1:] {
			in.MemberAppraisals = append(in.MemberAppraisals, a.Appraisal)
		}
		var buf bytes.Buffer
		if err := Write(&buf, appraise.FormatJSONLD, in); err != nil {
			t.Fatalf("write back: %v", err)
		}
		againAll, err := DecodeBundle(&buf)
		if err != nil {
			t.Fatalf("read back what was written: %v", err)
		}
		again := againAll[0]
		if len(again.Appraisals) != len(b.Appraisals) {
			t.Fatalf("round trip brought back %d appraisals of %d", len(again.Appraisals), len(b.Appraisals))
		}
		for i := range b.Appraisals {
			if !reflect.DeepEqual(normalise(again.Appraisals[i].Appraisal), normalise(b.Appraisals[i].Appraisal)) {
				t.Fatalf("round trip changed appraisal %d:\n%+v\n%+v", i+1, b.Appraisals[i].Appraisal, again.Appraisals[i].Appraisal)
			}
		}
	})
}
