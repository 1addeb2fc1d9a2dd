package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
	"appraise.app/appraise/internal/export"
)

// hugeBundle is a compact bundle of n short annotations on the fixture's
// paper, with a member's appraisal: the collection of two annotations as
// the exporter writes it, its first annotation repeated under new ids.
func hugeBundle(tb testing.TB, prefix string, n int) []byte {
	tb.Helper()
	f := newFixture(tb)
	op := f.open(tb)
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	one := appraise.Annotation{ID: "a0", Paper: op.Paper.ID, Tags: []string{appraise.TagClaim}, Author: "member",
		Created: t0, Modified: t0, Anchor: appraise.Anchor{Start: 0, End: 3, Exact: "Bud", Page: 1, ExtractorVersion: "v1"}}
	var buf bytes.Buffer
	if err := export.WriteBundle(&buf, []export.BundleInput{{Input: export.Input{Paper: op.Paper, Annotations: []appraise.Annotation{one},
		MemberAppraisals: []appraise.PaperAppraisal{{Author: "Dr Lee", Modified: t0}}}}}); err != nil {
		tb.Fatal(err)
	}
	var doc map[string]json.RawMessage
	var page struct {
		ID         string            `json:"id"`
		Type       string            `json:"type"`
		StartIndex int               `json:"startIndex"`
		Items      []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(doc["first"], &page); err != nil {
		tb.Fatal(err)
	}
	var item bytes.Buffer
	if err := json.Compact(&item, page.Items[0]); err != nil {
		tb.Fatal(err)
	}
	items := make([]json.RawMessage, 0, n+1)
	for i := range n {
		items = append(items, bytes.Replace(item.Bytes(), []byte(`annotation:a0"`), fmt.Appendf(nil, `annotation:%s%d"`, prefix, i), 1))
	}
	page.Items = append(items, page.Items[1])
	var err error
	if doc["first"], err = json.Marshal(page); err != nil {
		tb.Fatal(err)
	}
	doc["total"] = json.RawMessage(fmt.Sprint(n + 1))
	out, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// graphOf is a bundle of several papers' collections.
func graphOf(colls ...[]byte) []byte {
	return append(append([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","@graph":[`), bytes.Join(colls, []byte(","))...), ']', '}')
}

// 10⁵ annotations in one bundle are over the count limit: one
// collection that big is over the size limit of a collection (32 MiB)
// first; four collections of 25,000 are within the size limits and over
// the count. Either is refused as a whole with a message that says why,
// and the library is as it was.
func TestABundleOfAHundredThousandAnnotationsIsRefusedWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 60 MB bundles")
	}
	var quarters [][]byte
	for _, p := range []string{"a", "b", "c", "d"} {
		quarters = append(quarters, hugeBundle(t, p, 25_000))
	}
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"one collection":   {hugeBundle(t, "a", 100_000), "larger than 32 MiB"},
		"four collections": {graphOf(quarters...), fmt.Sprintf("more than the %d annotations", export.MaxJSONLDItems)},
	} {
		t.Run(name, func(t *testing.T) {
			g := newFixture(t)
			g.open(t)
			_, err := g.lib.ImportBundle(bytes.NewReader(tc.data))
			if !errors.Is(err, export.ErrInvalidJSONLD) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("import of %d MiB = %v, want a refusal saying %q", len(tc.data)>>20, err, tc.want)
			}
			if len(g.store.anns) != 0 || len(g.store.members) != 0 {
				t.Fatalf("a refused bundle left %d annotations, %d appraisals", len(g.store.anns), len(g.store.members))
			}
		})
	}
}

// BenchmarkRefuseBundleOfAHundredThousand measures what refusing a 10⁵
// annotation bundle costs (time, bytes allocated).
func BenchmarkRefuseBundleOfAHundredThousand(b *testing.B) {
	var quarters [][]byte
	for _, p := range []string{"a", "b", "c", "d"} {
		quarters = append(quarters, hugeBundle(b, p, 25_000))
	}
	data := graphOf(quarters...)
	b.ReportMetric(float64(len(data))/(1<<20), "MiB/bundle")
	g := newFixture(b)
	g.open(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.lib.ImportBundle(bytes.NewReader(data)); err == nil {
			b.Fatal("imported a bundle over the limit")
		}
	}
}

// BenchmarkImportBundleAtTheLimit imports MaxJSONLDItems annotations (the
// most one bundle may hold) with a member's appraisal into a fresh
// library each round.
func BenchmarkImportBundleAtTheLimit(b *testing.B) {
	data := graphOf(hugeBundle(b, "a", export.MaxJSONLDItems/2), hugeBundle(b, "b", export.MaxJSONLDItems/2-1))
	b.ReportMetric(float64(len(data))/(1<<20), "MiB/bundle")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		g := newFixture(b)
		g.open(b)
		b.StartTimer()
		rep, err := g.lib.ImportBundle(bytes.NewReader(data))
		if err != nil || rep.Totals().New != export.MaxJSONLDItems-1 || rep.Totals().Appraisals.New != 1 || rep.Totals().Appraisals.Unchanged != 1 {
			b.Fatalf("import: %+v, %v", rep.Totals(), err)
		}
	}
}
