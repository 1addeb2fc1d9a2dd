package library

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzImportBundle feeds arbitrary bytes to bundle import with the merge
// on top: it must return a report or an error, never panic; a bundle that
// imports must import again without a new or updated annotation
// (idempotence), and a refused one must leave the library as it was.
func FuzzImportBundle(f *testing.F) {
	lead := newFixture(f)
	op := lead.open(f)
	lead.tag(f, op, "We enrolled 120 children", "lead", "who", "population")
	lead.tag(f, op, "Exacerbations fell by a third.", "lead", "", "claim")
	good := lead.bundle(f)
	f.Add(good)
	f.Add([]byte(strings.Replace(string(good), `"lead"`, `"sam"`, 1)))
	f.Add([]byte(`{"@graph":[` + string(good) + `,` + string(good) + `]}`))
	f.Add([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation"}`))
	f.Add([]byte(strings.Repeat("[", 5000)))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := newFixture(t)
		g.open(t)
		before := len(g.store.anns) + len(g.store.papers)
		rep, err := g.lib.ImportBundle(bytes.NewReader(data))
		if err != nil {
			if after := len(g.store.anns) + len(g.store.papers); after != before {
				t.Fatalf("a refused bundle changed the library (%d → %d records)", before, after)
			}
			return
		}
		again, err := g.lib.ImportBundle(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("imported once, refused the second time: %v", err)
		}
		if n := again.Totals(); n.New != 0 || n.Updated != 0 {
			t.Fatalf("the same bundle again made %d new and %d updated (first: %+v)", n.New, n.Updated, rep.Totals())
		}
	})
}
