package export

import (
	"slices"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func sectionNames(secs []section) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.Title)
	}
	return out
}

func TestSectionOrder(t *testing.T) {
	tagged := func(tags ...string) appraise.Annotation {
		return appraise.Annotation{ID: tags[0], Tags: tags}
	}
	custom := func(name string) appraise.Tag { return appraise.Tag{Name: name, Color: "#000000"} }
	cases := []struct {
		name string
		tags []appraise.Tag
		anns []appraise.Annotation
		want []string
	}{
		{"built-ins always, in handout order, even when empty and given backwards",
			reversed(appraise.BuiltInTags()), nil,
			[]string{"Population", "Claims", "Limitations"}},
		{"built-ins even when the caller passes no tags", nil, nil,
			[]string{"Population", "Claims", "Limitations"}},
		{"custom tags follow in the order given, only when used",
			append([]appraise.Tag{custom("zeta"), custom("unused"), custom("alpha")}, appraise.BuiltInTags()...),
			[]appraise.Annotation{tagged("alpha"), tagged("zeta")},
			[]string{"Population", "Claims", "Limitations", "Zeta", "Alpha"}},
		{"tags missing from the definitions come after, by name",
			appraise.BuiltInTags(),
			[]appraise.Annotation{tagged("zz"), tagged("aa")},
			[]string{"Population", "Claims", "Limitations", "Aa", "Zz"}},
		{"annotations without a tag come last",
			append(appraise.BuiltInTags(), custom("x")),
			[]appraise.Annotation{{ID: "none"}, tagged("x")},
			[]string{"Population", "Claims", "Limitations", "X", "Untagged"}},
		{"a custom tag named like a built-in does not make a second section",
			append(appraise.BuiltInTags(), appraise.Tag{Name: "claim", Color: "#111111"}),
			[]appraise.Annotation{tagged("claim")},
			[]string{"Population", "Claims", "Limitations"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sectionNames(sections(Input{Tags: c.tags, Annotations: c.anns}))
			if !slices.Equal(got, c.want) {
				t.Errorf("sections = %q, want %q", got, c.want)
			}
		})
	}
}

func TestSectionItems(t *testing.T) {
	secs := sections(demoInput())
	var counts []int
	for _, s := range secs {
		counts = append(counts, len(s.Items))
	}
	// The annotation tagged claim and limitation is in both sections.
	if want := []int{2, 2, 3, 1}; !slices.Equal(counts, want) {
		t.Fatalf("items per section = %v, want %v", counts, want)
	}
	for _, s := range secs {
		for i := 1; i < len(s.Items); i++ {
			if s.Items[i-1].Anchor.Start > s.Items[i].Anchor.Start {
				t.Errorf("section %s is not in text order", s.Title)
			}
		}
	}
	a := appraise.Annotation{ID: "dup", Tags: []string{"claim", "claim", ""}}
	if secs := sections(Input{Annotations: []appraise.Annotation{a}}); len(secs[1].Items) != 1 || len(secs) != 3 {
		t.Errorf("a repeated or empty tag changes the sections: %v", sectionNames(secs))
	}
}
