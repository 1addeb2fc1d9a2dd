package appraise

import (
	"encoding/json"
	"strings"
	"testing"
)

// Documents stored by the previous extractor (no page breaks, no table
// rows) read as they were, and blocks without them write no new keys.
func TestDocumentJSONIsBackwardCompatible(t *testing.T) {
	old := `{"extractor_version":"0.1.0","meta":{},"pages":[{"number":1,"width":612,"height":792}],` +
		`"blocks":[{"index":0,"kind":"other","page":1,"bbox":{"x0":1,"y0":2,"x1":3,"y1":4},"start":0,"end":5}],` +
		`"passages":[{"id":"b0.s0","block":0,"page":1,"start":0,"end":5}],"text":"Hello"}`
	var d Document
	if err := json.Unmarshal([]byte(old), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 1 || d.Blocks[0].Rows != nil || d.Blocks[0].PageBreaks != nil || d.Blocks[0].PageAt(3) != 1 {
		t.Fatalf("old document read as %+v", d.Blocks)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "rows") || strings.Contains(string(b), "page_breaks") {
		t.Errorf("a block without rows or page breaks writes them: %s", b)
	}
}

func TestBlockPageAt(t *testing.T) {
	b := Block{Page: 3, Start: 0, End: 100, PageBreaks: []PageBreak{{Start: 40, Page: 4}, {Start: 80, Page: 5}}}
	for _, tt := range []struct{ off, want int }{{0, 3}, {39, 3}, {40, 4}, {79, 4}, {80, 5}, {99, 5}} {
		if got := b.PageAt(tt.off); got != tt.want {
			t.Errorf("PageAt(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
}
