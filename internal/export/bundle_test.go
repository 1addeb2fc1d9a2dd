package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// twoPaperBundle is the demo paper with one annotation in its trash, and a
// second paper with one annotation.
func twoPaperBundle() []BundleInput {
	demo := demoInput()
	trashed := demo.Annotations[0]
	trashed.ID = "7a1d4b9e-0c3f-4e8a-9b2d-5f6e7a8b9c0d"
	trashed.Deleted = time.Date(2026, 3, 15, 8, 0, 0, 0, time.UTC)
	other := Input{
		Paper: appraise.Paper{ID: appraise.PaperID(strings.Repeat("b", 64)),
			Meta: appraise.Metadata{Title: "Screening for anaemia", Authors: []string{"Ana López", "Ben Okafor"}, Year: 2021, DOI: "10.1000/xyz"}},
		Tags: appraise.BuiltInTags(),
		Annotations: []appraise.Annotation{{ID: "0b9e3b1a-5d1c-4f2e-8a3b-9c8d7e6f5a4b", Paper: appraise.PaperID(strings.Repeat("b", 64)),
			Tags: []string{"claim"}, Author: "Ben", Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Modified: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
			Anchor: appraise.Anchor{Start: 3, End: 9, Exact: "anaemia", Page: 1}}},
		Generated: demo.Generated, AppVersion: "0.1.0",
	}
	return []BundleInput{{Input: demo, Trash: []appraise.Annotation{trashed}}, {Input: other}}
}

func TestBundleRoundTripsPapersMetadataAndTrash(t *testing.T) {
	in := twoPaperBundle()
	var buf bytes.Buffer
	if err := WriteBundle(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeBundle(&buf)
	if err != nil {
		t.Fatalf("DecodeBundle: %v\n%s", err, buf.String())
	}
	if len(got) != 2 {
		t.Fatalf("%d papers, want 2", len(got))
	}
	for i, p := range got {
		want := in[i]
		if p.Paper.ID != want.Paper.ID || p.Paper.Meta.Title != want.Paper.Meta.Title || p.Paper.Meta.DOI != want.Paper.Meta.DOI ||
			p.Paper.Meta.Year != want.Paper.Meta.Year || strings.Join(p.Paper.Meta.Authors, ";") != strings.Join(want.Paper.Meta.Authors, ";") {
			t.Errorf("paper %d = %+v, want %+v", i+1, p.Paper, want.Paper)
		}
		if len(p.Annotations) != len(want.Annotations) {
			t.Errorf("paper %d: %d annotations, want %d", i+1, len(p.Annotations), len(want.Annotations))
		}
	}
	if len(got[0].Trash) != 1 || !got[0].Trash[0].Deleted.Equal(in[0].Trash[0].Deleted) || got[0].Trash[0].Anchor.Exact != in[0].Trash[0].Anchor.Exact {
		t.Errorf("trash = %+v", got[0].Trash)
	}
}

func TestOnePaperBundleIsAnOrdinaryCollection(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBundle(&buf, twoPaperBundle()[:1]); err != nil {
		t.Fatal(err)
	}
	anns, paper, err := DecodeJSONLD(bytes.NewReader(buf.Bytes()))
	if err != nil || paper != demoPaper().ID || len(anns) != len(demoAnnotations()) {
		t.Fatalf("as a plain collection: %d annotations of %s, %v", len(anns), paper, err)
	}
	if !strings.Contains(buf.String(), `"type": "AnnotationCollection"`) {
		t.Error("a one-paper bundle is not an AnnotationCollection")
	}
	// A plain collection (what earlier versions exported) is a bundle too.
	plain := render(t, appraise.FormatJSONLD, demoInput())
	ps, err := DecodeBundle(strings.NewReader(plain))
	if err != nil || len(ps) != 1 || len(ps[0].Annotations) != len(demoAnnotations()) {
		t.Fatalf("plain collection as a bundle: %+v, %v", ps, err)
	}
}

func TestBundleHostileTextRoundTrips(t *testing.T) {
	for _, h := range hostileText {
		t.Run(h.name, func(t *testing.T) {
			b := twoPaperBundle()
			b[1].Paper.Meta.Title = h.text
			b[1].Paper.Meta.Authors = []string{h.text}
			b[1].Annotations[0].Note = h.text
			var buf bytes.Buffer
			if err := WriteBundle(&buf, b); err != nil {
				t.Fatal(err)
			}
			got, err := DecodeBundle(&buf)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ToValidUTF8(h.text, "\uFFFD")
			if got[1].Paper.Meta.Title != want || got[1].Annotations[0].Note != want {
				t.Errorf("title %q, note %q; want %q", got[1].Paper.Meta.Title, got[1].Annotations[0].Note, want)
			}
		})
	}
}

func TestDecodeBundleRefusesBadBundlesWhole(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBundle(&buf, twoPaperBundle()); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	dupID := strings.Replace(good, "0b9e3b1a-5d1c-4f2e-8a3b-9c8d7e6f5a4b", "7a1d4b9e-0c3f-4e8a-9b2d-5f6e7a8b9c0d", 1)
	cases := []struct{ name, doc, want string }{
		{"not JSON", "{", "not a JSON object"},
		{"deep nesting", strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000), "not a JSON object"},
		{"too large", `{"x":"` + strings.Repeat("a", MaxBundleBytes) + `"}`, "larger than 64 MiB"},
		{"an id in two papers", dupID, "appears twice"},
		{"a bad year", strings.Replace(good, `"year": 2021`, `"year": 99999`, 1), "paper 2: " + ErrInvalidJSONLD.Error() + ": appraise:meta"},
		{"a bad deletion time", strings.Replace(good, `"deleted": "2026-03-15T08:00:00Z"`, `"deleted": "yesterday"`, 1), "paper 1: "},
		{"an empty graph", `{"@graph": []}`, "holds no paper"},
		{"a broken second paper", strings.Replace(good, `"type": "AnnotationCollection"`, `"type": "Nothing"`, 2), "paper 1: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := DecodeBundle(strings.NewReader(c.doc))
			if !errors.Is(err, ErrInvalidJSONLD) || !strings.Contains(err.Error(), c.want) || got != nil {
				t.Fatalf("err = %v (want %q), %d papers", err, c.want, len(got))
			}
		})
	}
}
