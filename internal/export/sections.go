package export

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"appraise.app/appraise/internal/appraise"
)

// neutralColor is the colour of a section whose tag has no valid colour.
const neutralColor = "#7f8c8d"

var hexColorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// section is one tag's part of a handout: the tag and the annotations that
// carry it, in text order.
type section struct {
	Tag   appraise.Tag
	Title string // "Population", "Claims", … or the custom tag's name
	Class string // CSS class for the tag's colour: "t0", "t1", …
	Items []appraise.Annotation
}

// builtInTitles are the handout headings of the built-in tags.
var builtInTitles = map[string]string{
	appraise.TagPopulation: "Population",
	appraise.TagClaim:      "Claims",
	appraise.TagLimitation: "Limitations",
}

// sections groups in.Annotations by tag. The built-in tags always have a
// section, even when empty; a custom tag has one only when some annotation
// carries it; tags the annotations use but Input.Tags lacks follow by name,
// and annotations with no tag come last under "Untagged". An annotation
// with several tags appears in each of their sections.
func sections(in Input) []section {
	defs := orderedTags(in.Tags)
	index := map[string]int{}
	known := make([]section, len(defs))
	for i, t := range defs {
		index[t.Name] = i
		known[i] = section{Tag: t, Title: sectionTitle(t)}
	}
	extra := map[string]*section{}
	var untagged []appraise.Annotation
	for _, a := range sortedAnnotations(in.Annotations) {
		names := uniqueTags(a.Tags)
		if len(names) == 0 {
			untagged = append(untagged, a)
		}
		for _, name := range names {
			if i, ok := index[name]; ok {
				known[i].Items = append(known[i].Items, a)
				continue
			}
			s := extra[name]
			if s == nil {
				t := appraise.Tag{Name: name, Color: neutralColor}
				s = &section{Tag: t, Title: sectionTitle(t)}
				extra[name] = s
			}
			s.Items = append(s.Items, a)
		}
	}
	var out []section
	for _, s := range known {
		if s.Tag.BuiltIn || len(s.Items) > 0 {
			out = append(out, s)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		out = append(out, *extra[name])
	}
	if len(untagged) > 0 {
		out = append(out, section{Tag: appraise.Tag{Color: neutralColor}, Title: "Untagged", Items: untagged})
	}
	for i := range out {
		out[i].Class = fmt.Sprintf("t%d", i)
		if !hexColorRE.MatchString(out[i].Tag.Color) {
			out[i].Tag.Color = neutralColor
		}
		out[i].Tag.Color = strings.ToLower(out[i].Tag.Color)
	}
	return out
}

// orderedTags returns the built-in tags in their canonical order (taking
// colour and description from tags when it defines them), then the custom
// tags of tags in their given order, each name once.
func orderedTags(tags []appraise.Tag) []appraise.Tag {
	given := map[string]appraise.Tag{}
	for _, t := range tags {
		if _, dup := given[t.Name]; !dup {
			given[t.Name] = t
		}
	}
	var out []appraise.Tag
	for _, b := range appraise.BuiltInTags() {
		if t, ok := given[b.Name]; ok {
			b.Color = t.Color
			if t.Description != "" {
				b.Description = t.Description
			}
		}
		out = append(out, b)
	}
	seen := map[string]bool{}
	for _, t := range tags {
		if _, builtIn := builtInTitles[t.Name]; builtIn || seen[t.Name] || t.Name == "" {
			continue
		}
		seen[t.Name] = true
		t.BuiltIn = false
		out = append(out, t)
	}
	return out
}

func sectionTitle(t appraise.Tag) string {
	if s, ok := builtInTitles[t.Name]; ok && t.BuiltIn {
		return s
	}
	return upperFirst(t.Name)
}

// uniqueTags returns tags without repeats or empty names, in their order.
func uniqueTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// sortedAnnotations returns a copy of as in text order: by start offset,
// then creation time, then id, so every export of the same data is
// byte-identical.
func sortedAnnotations(as []appraise.Annotation) []appraise.Annotation {
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(a, b appraise.Annotation) int {
		if c := a.Anchor.Start - b.Anchor.Start; c != 0 {
			return c
		}
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// statusLabel is the short mark shown next to an annotation that is not
// attached exactly, and statusHint its explanation.
func statusLabel(s appraise.AnchorStatus) string {
	switch s {
	case appraise.Attached:
		return ""
	case appraise.NeedsReview:
		return "needs review"
	case appraise.Orphaned:
		return "not found in text"
	}
	return "unknown status"
}

func statusHint(s appraise.AnchorStatus) string {
	switch s {
	case appraise.Attached:
		return ""
	case appraise.NeedsReview:
		return "Appraise re-attached this quote by a close match after the text changed; check it against the PDF."
	case appraise.Orphaned:
		return "Appraise could not find this quote in the current text of the paper; it is shown as it was tagged."
	}
	return "Appraise does not know this annotation's status."
}
