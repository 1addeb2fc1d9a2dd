package anchor

import (
	"testing"
	"unicode/utf8"

	"appraise.app/appraise/internal/appraise"
)

// FuzzReattach feeds arbitrary anchors (as an imported bundle could carry)
// and texts: Reattach must not panic, and whatever it attaches must be the
// document's own text at the offsets it reports.
func FuzzReattach(f *testing.F) {
	f.Add("We enrolled 120 adults.\n\nThey were followed.", "120 adults", "We enrolled ", ".", 12, 22)
	f.Add("ﬁrst treat-\nment", "first treatment", "", "", 0, 5)
	f.Add("", "x", "", "", -5, 99)
	f.Add("aaaa aaaa aaaa aaaa", "aaaa", "aa ", " aa", 5, 9)
	f.Fuzz(func(t *testing.T, text, exact, prefix, suffix string, start, end int) {
		if !utf8.ValidString(text) {
			return
		}
		doc := appraise.Document{ExtractorVersion: "v2", Text: text}
		a := appraise.Anchor{Start: start, End: end, Exact: exact, Prefix: prefix, Suffix: suffix, ExtractorVersion: "v1"}
		res := Reattach(doc, a)
		rs := []rune(text)
		switch res.Status {
		case appraise.Attached:
			if res.Anchor.Start < 0 || res.Anchor.End > len(rs) || string(rs[res.Anchor.Start:res.Anchor.End]) != res.Anchor.Exact {
				t.Fatalf("attached anchor %+v does not quote the text", res.Anchor)
			}
		case appraise.NeedsReview:
			if res.Anchor.Start < 0 || res.Anchor.End > len(rs) || res.Anchor.Exact != exact {
				t.Fatalf("review anchor %+v out of range or lost its quote", res.Anchor)
			}
		case appraise.Orphaned:
			if res.Anchor != a {
				t.Fatalf("orphan changed the anchor")
			}
		}
	})
}

// FuzzFindQuote: every hit maps back inside the text.
func FuzzFindQuote(f *testing.F) {
	f.Add("e\ufb03cacy of the  treat-\nment", "efficacy of the treatment")
	f.Add("a\u00adb", "ab")
	f.Fuzz(func(t *testing.T, text, quote string) {
		spans, err := FindQuote(appraise.Document{Text: text}, quote)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(text)
		for _, s := range spans {
			if s.Start < 0 || s.End > n || s.Start >= s.End {
				t.Fatalf("span %v outside a text of %d", s, n)
			}
		}
	})
}
