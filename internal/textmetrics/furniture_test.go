package textmetrics

import (
	"strings"
	"testing"
)

func TestWithoutFurniture(t *testing.T) {
	page := func(n string, body string) string {
		return "Journal of Things " + n + "\n" + body + "\n" + n + "\nCC-BY licence line " + n + "\n"
	}
	ref := page("1", "first page body text") + "\f" + page("2", "second body") + "\f" +
		page("3", "third body") + "\f" + page("4", "Journal of Things appears once in body\n12\n13")
	got := WithoutFurniture(ref)
	for _, gone := range []string{"Journal of Things 1", "licence line 3", "\n12\n", "\n2\n"} {
		if strings.Contains(got, gone) {
			t.Errorf("furniture %q kept in %q", gone, got)
		}
	}
	for _, kept := range []string{"first page body text", "second body", "third body", "appears once in body"} {
		if !strings.Contains(got, kept) {
			t.Errorf("body %q removed from %q", kept, got)
		}
	}
}

func TestWithoutFurnitureKeepsShortDocuments(t *testing.T) {
	// Two pages cannot show what repeats: only bare numbers go.
	ref := "Heading\nbody\n1\n\fHeading\nmore body\n2\n"
	got := WithoutFurniture(ref)
	if strings.Count(got, "Heading") != 2 || strings.Contains(got, "\n1\n") {
		t.Errorf("got %q", got)
	}
}
