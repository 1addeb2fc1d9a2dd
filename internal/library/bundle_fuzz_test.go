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
	// A lead's bundle with an appraisal, whole and broken in each way
	// import refuses (malformed, unknown checklist, item, answer, a claim
	// not in the bundle) or skips (no author).
	club := newClubPair(f)
	appraised := club.lead.bundle(f, club.paper)
	f.Add(appraised)
	answer := func(pa map[string]any) map[string]any {
		return pa["checklists"].([]any)[0].(map[string]any)["answers"].([]any)[0].(map[string]any)
	}
	for _, edit := range []func(pa map[string]any){
		func(pa map[string]any) { pa["checklists"] = "not a list" },
		func(pa map[string]any) { pa["checklists"].([]any)[0].(map[string]any)["instrument"] = "no-such-list" },
		func(pa map[string]any) { answer(pa)["item"] = 42 },
		func(pa map[string]any) { answer(pa)["answer"] = "perhaps" },
		func(pa map[string]any) { pa["certainties"].([]any)[0].(map[string]any)["claim"] = "ann-999" },
		func(pa map[string]any) { delete(pa, "author") },
		func(pa map[string]any) { pa["author"] = strings.Repeat("long name ", 30) },
	} {
		f.Add(editBundle(f, appraised, edit))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := newFixture(t)
		g.open(t)
		before := len(g.store.anns) + len(g.store.papers) + len(g.store.members)
		rep, err := g.lib.ImportBundle(bytes.NewReader(data))
		if err != nil {
			if after := len(g.store.anns) + len(g.store.papers) + len(g.store.members); after != before {
				t.Fatalf("a refused bundle changed the library (%d → %d records)", before, after)
			}
			return
		}
		again, err := g.lib.ImportBundle(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("imported once, refused the second time: %v", err)
		}
		if n := again.Totals(); n.New != 0 || n.Updated != 0 || n.Appraisals.New != 0 || n.Appraisals.Updated != 0 {
			t.Fatalf("the same bundle again made %d new and %d updated, appraisals %+v (first: %+v)", n.New, n.Updated, n.Appraisals, rep.Totals())
		}
	})
}
