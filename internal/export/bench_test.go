package export

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

// bigInput is a heavily annotated paper: n annotations with a 300-character
// note each, spread over the fixture's tags.
func bigInput(n int) Input {
	in := demoInput()
	base := demoAnnotations()
	in.Annotations = nil
	for i := 0; i < n; i++ {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("3f2b6c1e-0d4a-4c8e-9b1f-%012d", i)
		a.Anchor.Start += i * 500
		a.Anchor.End += i * 500
		a.Note = fmt.Sprintf("%d: %s", i, bytes.Repeat([]byte("note text "), 30))
		in.Annotations = append(in.Annotations, a)
	}
	return in
}

func BenchmarkWrite(b *testing.B) {
	in := bigInput(500)
	for _, f := range Formats() {
		b.Run(string(f)+"/500 annotations", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, f, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecodeJSONLD(b *testing.B) {
	var doc bytes.Buffer
	if err := Write(&doc, appraise.FormatJSONLD, bigInput(500)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(doc.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := DecodeJSONLD(bytes.NewReader(doc.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// appraisedBig is a paper with 50 annotations, 10 of them claims, the
// JBI case series checklist answered in full with evidence and comments,
// and every claim graded with reasons and linked limitations.
func appraisedBig() Input {
	in := bigInput(50)
	pa := appraisedRecord("A comment of some length, as appraisers write them in a club.", "t")
	pa.Certainties, pa.Links = nil, nil
	for i := range in.Annotations {
		a := &in.Annotations[i]
		if i%5 == 0 {
			a.Tags = []string{appraise.TagClaim}
			pa.Certainties = append(pa.Certainties, appraise.ClaimCertainty{Claim: a.ID, Domains: []appraise.DomainRating{
				{Domain: appraise.DomainRiskOfBias, Level: appraise.LevelSerious, Reasons: []string{in.Annotations[i+1].ID}},
				{Domain: appraise.DomainImprecision, Level: appraise.LevelVerySerious, Reasons: []string{in.Annotations[i+2].ID}},
			}})
			pa.Links = append(pa.Links, appraise.Link{From: in.Annotations[i+1].ID, To: a.ID, Type: appraise.LinkLimits})
		} else if a.HasTag(appraise.TagClaim) {
			a.Tags = []string{appraise.TagLimitation}
		}
	}
	for i := range pa.Checklists[0].Answers {
		pa.Checklists[0].Answers[i].Evidence = []string{in.Annotations[i].ID, in.Annotations[i+10].ID}
	}
	return withAppraisal(in, pa, mustBuiltin(appraise.InstrumentJBICaseSeries))
}

// BenchmarkHandoutWithAppraisal is the handout of a fully appraised paper:
// a full checklist, 10 claims and 50 annotations (target: ≤ 50 ms).
func BenchmarkHandoutWithAppraisal(b *testing.B) {
	in := appraisedBig()
	if len(in.Appraisal.Certainties) != 10 {
		b.Fatalf("%d claims", len(in.Appraisal.Certainties))
	}
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, f, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
