package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

func tagNames(tb testing.TB, s *Store) []string {
	tb.Helper()
	ts, err := s.Tags()
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

func TestNewLibraryHasTheBuiltInTags(t *testing.T) {
	s, _ := newStore(t)
	ts, err := s.Tags()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ts, appraise.BuiltInTags()) {
		t.Errorf("Tags = %+v, want the built-ins %+v", ts, appraise.BuiltInTags())
	}
}

func TestPutTagAddsAndEditsButCannotForgeBuiltIn(t *testing.T) {
	s, _ := newStore(t)
	if err := s.PutTag(appraise.Tag{Name: "bias", Color: "#aa0000", Key: "b", BuiltIn: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTag(appraise.Tag{Name: appraise.TagClaim, Color: "#000000"}); err != nil {
		t.Fatal(err)
	}
	ts, _ := s.Tags()
	if want := []string{"population", "claim", "limitation", "bias"}; !slices.Equal(tagNames(t, s), want) {
		t.Fatalf("tags = %v, want %v", tagNames(t, s), want)
	}
	if ts[3].BuiltIn {
		t.Errorf("a user tag became built in")
	}
	if !ts[1].BuiltIn || ts[1].Color != "#000000" {
		t.Errorf("edited built-in = %+v, want new colour and still built in", ts[1])
	}
	for _, bad := range []appraise.Tag{{Name: "Bad", Color: "#000000"}, {Name: "ok", Color: "red"}, {Name: "ok", Color: "#000000", Key: "ab"}} {
		if err := s.PutTag(bad); !errors.Is(err, appraise.ErrInvalidTag) {
			t.Errorf("PutTag(%+v) err = %v, want ErrInvalidTag", bad, err)
		}
	}
}

func TestRenameTagRewritesEveryAnnotation(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	if err := s.PutTag(appraise.Tag{Name: "bias", Color: "#aa0000"}); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, ann("live", 1, 0, "q", "bias", appraise.TagClaim), ann("trashed", 1, 5, "q", "bias"), ann("other", 1, 9, "q"))
	if err := s.DeleteAnnotation("trashed", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameTag("bias", "selection bias"); err != nil {
		t.Fatal(err)
	}
	if want := []string{"population", "claim", "limitation", "selection bias"}; !slices.Equal(tagNames(t, s), want) {
		t.Errorf("tags = %v, want %v", tagNames(t, s), want)
	}
	for id, want := range map[string][]string{"live": {"selection bias", "claim"}, "trashed": {"selection bias"}, "other": {"claim"}} {
		a, _ := s.Annotation(id)
		if !slices.Equal(a.Tags, want) {
			t.Errorf("%s tags = %v, want %v", id, a.Tags, want)
		}
	}
	ps, _ := s.Papers()
	if c := ps[0].Counts; c["selection bias"] != 1 || c["bias"] != 0 {
		t.Errorf("counts after rename = %v", c)
	}
	if err := s.RestoreAnnotation("trashed"); err != nil {
		t.Errorf("restoring an annotation whose tag was renamed: %v", err)
	}
}

func TestRenameTagRefusals(t *testing.T) {
	s, _ := newStore(t)
	if err := s.PutTag(appraise.Tag{Name: "bias", Color: "#aa0000"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		old, new string
		want     error
	}{
		{"built-in tag", appraise.TagClaim, "assertion", appraise.ErrInvalidTag},
		{"onto an existing tag", "bias", appraise.TagLimitation, appraise.ErrInvalidTag},
		{"invalid new name", "bias", "Bias!", appraise.ErrInvalidTag},
		{"unknown tag", "nope", "other", appraise.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.RenameTag(tt.old, tt.new); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if want := []string{"population", "claim", "limitation", "bias"}; !slices.Equal(tagNames(t, s), want) {
		t.Errorf("tags changed by refused renames: %v", tagNames(t, s))
	}
}

func TestMergeTagMovesUsesAndRemovesTheTag(t *testing.T) {
	s, _ := newStore(t)
	mustPutPaper(t, s, 1, "P")
	if err := s.PutTag(appraise.Tag{Name: "weakness", Color: "#aa0000"}); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, ann("both", 1, 0, "q", "weakness", appraise.TagLimitation), ann("one", 1, 5, "q", appraise.TagClaim, "weakness"))
	if err := s.MergeTag("weakness", appraise.TagLimitation); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]string{"both": {"limitation"}, "one": {"claim", "limitation"}} {
		a, _ := s.Annotation(id)
		if !slices.Equal(a.Tags, want) {
			t.Errorf("%s tags = %v, want %v", id, a.Tags, want)
		}
	}
	if slices.Contains(tagNames(t, s), "weakness") {
		t.Errorf("merged tag still listed")
	}
	for _, c := range [][2]string{{appraise.TagClaim, appraise.TagLimitation}, {"nope", appraise.TagClaim}, {appraise.TagLimitation, "nope"}} {
		if err := s.MergeTag(c[0], c[1]); err == nil {
			t.Errorf("MergeTag(%q, %q) succeeded", c[0], c[1])
		}
	}
}
