package library

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/anchor"
	"appraise.app/appraise/internal/appraise"
)

func TestAnnotateSavesASpanWithItsAnchor(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	s, e := spanOf(t, op.Doc, "120 children")
	a, err := f.lib.Annotate(appraise.NewAnnotation{Paper: op.Paper.ID, Start: s - 1, End: e, Tags: []string{"population", "population"}, Note: " who ", Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	want := appraise.Annotation{ID: "ann-1", Paper: op.Paper.ID, Tags: []string{"population"}, Note: "who", Author: "ana",
		Created: f.now, Modified: f.now}
	if a.ID != want.ID || a.Note != want.Note || len(a.Tags) != 1 || !a.Created.Equal(f.now) || a.Anchor.Exact != "120 children" {
		t.Errorf("annotation = %+v", a)
	}
	if a.Anchor.PassageID != "b1.s0" || a.Anchor.ExtractorVersion != "v1" {
		t.Errorf("anchor = %+v", a.Anchor)
	}
	if stored, err := f.store.Annotation(a.ID); err != nil || stored.Anchor != a.Anchor {
		t.Errorf("stored %+v, %v", stored, err)
	}
}

func TestAnnotateRejectsBadInputAndSavesNothing(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	tests := []struct {
		name string
		n    appraise.NewAnnotation
		want error
	}{
		{"no tag", appraise.NewAnnotation{Paper: op.Paper.ID, Start: 0, End: 5}, appraise.ErrInvalidTag},
		{"unknown tag", appraise.NewAnnotation{Paper: op.Paper.ID, Start: 0, End: 5, Tags: []string{"bias"}}, appraise.ErrInvalidTag},
		{"invalid tag", appraise.NewAnnotation{Paper: op.Paper.ID, Start: 0, End: 5, Tags: []string{"Claim!"}}, appraise.ErrInvalidTag},
		{"empty span", appraise.NewAnnotation{Paper: op.Paper.ID, Start: 5, End: 5, Tags: []string{"claim"}}, appraise.ErrEmptyQuote},
		{"span outside the text", appraise.NewAnnotation{Paper: op.Paper.ID, Start: 5, End: 1 << 20, Tags: []string{"claim"}}, anchor.ErrOutOfRange},
		{"unknown paper", appraise.NewAnnotation{Paper: "beef", Start: 0, End: 5, Tags: []string{"claim"}}, appraise.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := f.lib.Annotate(tt.n); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if len(f.store.anns) != 0 {
		t.Errorf("%d annotations saved from bad input", len(f.store.anns))
	}
}

func TestAnnotateQuote(t *testing.T) {
	f := newFixture(t)
	id := f.open(t).Paper.ID
	tests := []struct {
		name       string
		quote      string
		occurrence int
		want       error
		wantExact  string
		wantStart  string // text just before the annotated occurrence
	}{
		{"quote typed with other line breaks", "We enrolled 120\nchildren  with moderate asthma", 0, nil, "We enrolled 120 children with moderate asthma", ""},
		{"ambiguous quote without occurrence", "Exacerbations fell by a third", 0, appraise.ErrQuoteAmbiguous, "", ""},
		{"ambiguous quote with occurrence 2", "Exacerbations fell by a third", 2, nil, "Exacerbations fell by a third", "third. "},
		{"occurrence past the last", "Exacerbations fell by a third", 3, appraise.ErrQuoteNotFound, "", ""},
		{"quote not in the paper", "placebo-controlled", 0, appraise.ErrQuoteNotFound, "", ""},
		{"empty quote", "  \n", 0, appraise.ErrEmptyQuote, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(f.store.anns)
			a, err := f.lib.AnnotateQuote(id, tt.quote, tt.occurrence, []string{"claim"}, "", "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err != nil {
				if len(f.store.anns) != before {
					t.Errorf("an annotation was saved despite the error")
				}
				return
			}
			if a.Anchor.Exact != tt.wantExact {
				t.Errorf("Exact = %q, want %q", a.Anchor.Exact, tt.wantExact)
			}
			if tt.wantStart != "" && !strings.HasSuffix(a.Anchor.Prefix, tt.wantStart) {
				t.Errorf("annotated the wrong occurrence: prefix %q", a.Anchor.Prefix)
			}
		})
	}
	_, err := f.lib.AnnotateQuote(id, "Exacerbations fell by a third", 0, []string{"claim"}, "", "")
	if err == nil || !strings.Contains(err.Error(), "occurs 2 times") {
		t.Errorf("ambiguity message = %v, want the count", err)
	}
}

func TestUpdateAnnotationChangesTagsAndNoteOnly(t *testing.T) {
	f := newFixture(t)
	id := f.open(t).Paper.ID
	a, err := f.lib.AnnotateQuote(id, "three clinics", 0, []string{"population"}, "first", "ana")
	if err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(time.Minute)
	edit := a
	edit.Tags = []string{"population", "limitation"}
	edit.Note = "second"
	edit.Anchor.Exact = "tampered"
	edit.Created = time.Time{}
	got, err := f.lib.UpdateAnnotation(edit)
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != "second" || len(got.Tags) != 2 || got.Anchor != a.Anchor || !got.Created.Equal(a.Created) || !got.Modified.Equal(f.now) {
		t.Errorf("updated = %+v", got)
	}
	edit.Tags = nil
	if _, err := f.lib.UpdateAnnotation(edit); !errors.Is(err, appraise.ErrInvalidTag) {
		t.Errorf("removing every tag: err = %v", err)
	}
	if err := f.lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.lib.UpdateAnnotation(got); !errors.Is(err, appraise.ErrNotFound) {
		t.Errorf("editing a trashed annotation: err = %v", err)
	}
	back, err := f.lib.RestoreAnnotation(a.ID)
	if err != nil || !back.Deleted.IsZero() || back.Note != "second" {
		t.Errorf("restored = %+v, %v", back, err)
	}
}

func TestConfirmingAGuessAttachesTheAnnotationThere(t *testing.T) {
	f := newFixture(t)
	op := f.open(t)
	a, err := f.lib.AnnotateQuote(op.Paper.ID, "three clinics", 0, []string{"population"}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	// Pretend re-anchoring left a guess over "moderate asthma".
	s, e := spanOf(t, op.Doc, "moderate asthma")
	guess := a
	guess.Status = appraise.NeedsReview
	guess.Anchor.Start, guess.Anchor.End = s, e
	if err := f.store.PutAnnotation(guess); err != nil {
		t.Fatal(err)
	}
	guess.Status = appraise.Attached
	got, err := f.lib.UpdateAnnotation(guess)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != appraise.Attached || got.Anchor.Exact != "moderate asthma" {
		t.Errorf("confirmed = status %q, quote %q", got.Status, got.Anchor.Exact)
	}
}

func TestPaperByRef(t *testing.T) {
	f := newFixture(t)
	p := f.open(t).Paper
	f.store.PutPaper(appraise.Paper{ID: appraise.PaperID(string(p.ID[:6]) + strings.Repeat("0", 58))})
	tests := []struct {
		name string
		ref  string
		want error
	}{
		{"whole id", string(p.ID), nil},
		{"upper-case prefix", strings.ToUpper(string(p.ID[:10])), nil},
		{"pdf path", f.pdf, nil},
		{"prefix two papers share", string(p.ID[:6]), appraise.ErrNotFound},
		{"prefix too short", string(p.ID[:5]), appraise.ErrNotFound},
		{"no such file", "/nowhere/paper.pdf", appraise.ErrNotFound},
		{"not hex", "budesonide", appraise.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.lib.PaperByRef(tt.ref)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err == nil && got.ID != p.ID {
				t.Errorf("found %s, want %s", got.ID, p.ID)
			}
		})
	}
}

func TestExportFiltersByTagAndAuthor(t *testing.T) {
	f := newFixture(t)
	id := f.open(t).Paper.ID
	for _, a := range []struct{ quote, tag, author string }{
		{"three clinics", "population", "Ana"},
		{"follow-up lasted only twelve weeks", "limitation", "Ana"},
		{"We enrolled 120 children", "population", "Ben"},
	} {
		if _, err := f.lib.AnnotateQuote(id, a.quote, 0, []string{a.tag}, "", a.author); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.lib.Export(id, appraise.FormatCSV, appraise.ExportFilter{Tags: []string{"population"}, Author: " ana "}, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "three clinics") || strings.Contains(out, "twelve weeks") || strings.Contains(out, "We enrolled") {
		t.Errorf("export filtered wrongly:\n%s", out)
	}
	if err := f.lib.Export(id, "pdf", appraise.ExportFilter{}, &buf); err == nil {
		t.Errorf("unknown format exported")
	}
}

func TestAddTag(t *testing.T) {
	f := newFixture(t)
	got, err := f.lib.AddTag(appraise.Tag{Name: "bias", BuiltIn: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Color == "" || got.BuiltIn {
		t.Errorf("added = %+v, want a palette colour and not built in", got)
	}
	second, _ := f.lib.AddTag(appraise.Tag{Name: "funding"})
	if second.Color == got.Color {
		t.Errorf("two new tags share colour %s", got.Color)
	}
	for _, bad := range []appraise.Tag{{Name: "bias"}, {Name: "Bias"}, {Name: "x", Key: "l"}, {Name: "y", Color: "blue"}} {
		if _, err := f.lib.AddTag(bad); !errors.Is(err, appraise.ErrInvalidTag) {
			t.Errorf("AddTag(%+v): err = %v, want ErrInvalidTag", bad, err)
		}
	}
}
