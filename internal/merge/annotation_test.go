package merge

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"appraise.app/appraise/internal/appraise"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func version(id string, minute int, note string) appraise.Annotation {
	return appraise.Annotation{ID: id, Paper: "p", Tags: []string{"claim"}, Note: note, Author: "ana",
		Created: t0, Modified: t0.Add(time.Duration(minute) * time.Minute),
		Anchor: appraise.Anchor{Start: 10, End: 20, Exact: "fell by a third", Page: 2}}
}

func TestAnnotationRules(t *testing.T) {
	v1, v2 := version("a", 1, "first"), version("a", 2, "second")
	tomb := v1
	tomb.Deleted = t0.Add(90 * time.Second) // between v1 and v2
	relocated := v2
	relocated.Anchor.Start, relocated.Anchor.End, relocated.Anchor.Page, relocated.Status = 110, 120, 5, appraise.NeedsReview
	cases := []struct {
		name  string
		have  *appraise.Annotation
		in    appraise.Annotation
		want  appraise.Annotation
		outOf Outcome
	}{
		{"an unknown id is new", nil, v1, v1, New},
		{"a later edit replaces", &v1, v2, v2, Updated},
		{"an earlier edit is ignored", &v2, v1, v2, Older},
		{"the same version changes nothing", &v2, v2, v2, Unchanged},
		{"the same version anchored elsewhere here is the same", &relocated, v2, relocated, Unchanged},
		{"a deletion wins over an older edit", &v1, tomb, tomb, Updated},
		{"a deletion loses to a later edit", &v2, tomb, v2, Older},
		{"the same instant in another zone is the same version", &v2, inZone(v2), v2, Unchanged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, out := Annotation(c.have, c.in)
			if out != c.outOf || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %v %+v, want %v %+v", out, got, c.outOf, c.want)
			}
		})
	}
}

func inZone(a appraise.Annotation) appraise.Annotation {
	z := time.FixedZone("CET", 3600)
	a.Created, a.Modified = a.Created.In(z), a.Modified.In(z)
	return a
}

func TestConcurrentEditsAtTheSameTimeAreSettledByContentAlike(t *testing.T) {
	a, b := version("a", 3, "lead's note"), version("a", 3, "trainee's note")
	x, _ := Annotation(&a, b)
	y, _ := Annotation(&b, a)
	if !reflect.DeepEqual(x, y) {
		t.Fatalf("A then B kept %q, B then A kept %q", x.Note, y.Note)
	}
}

// apply imports versions into a library (a map by id) in order.
func apply(lib map[string]appraise.Annotation, versions []appraise.Annotation) {
	for _, v := range versions {
		var have *appraise.Annotation
		if h, ok := lib[v.ID]; ok {
			have = &h
		}
		keep, _ := Annotation(have, v)
		lib[v.ID] = keep
	}
}

// TestMergeIsIdempotentAndOrderIndependent imports random bundles of
// random versions (edits, deletions, same-time conflicts, copies from
// other time zones) in random orders, and twice: every order must leave
// the same annotations, and importing again must change nothing.
func TestMergeIsIdempotentAndOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 300 {
		var all []appraise.Annotation
		for range 1 + r.IntN(12) {
			v := version(fmt.Sprintf("a%d", r.IntN(4)), r.IntN(5), []string{"x", "y", "z"}[r.IntN(3)])
			if r.IntN(4) == 0 {
				v.Deleted = v.Modified.Add(time.Duration(r.IntN(3)) * time.Minute)
			}
			if r.IntN(3) == 0 {
				v = inZone(v)
			}
			if r.IntN(3) == 0 {
				v.Anchor.Start += 100 // anchored elsewhere in another library
			}
			all = append(all, v)
		}
		var want map[string]string
		for range 6 {
			perm := r.Perm(len(all))
			shuffled := make([]appraise.Annotation, len(all))
			for i, j := range perm {
				shuffled[i] = all[j]
			}
			lib := map[string]appraise.Annotation{}
			apply(lib, shuffled)
			got := fingerprint(lib)
			apply(lib, shuffled)
			if again := fingerprint(lib); !reflect.DeepEqual(again, got) {
				t.Fatalf("trial %d: importing the same bundle again changed %v to %v", trial, got, again)
			}
			if want == nil {
				want = got
			} else if !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d: one order kept %v, another %v", trial, want, got)
			}
		}
	}
}

// fingerprint is what a person would see of each kept annotation.
func fingerprint(lib map[string]appraise.Annotation) map[string]string {
	out := map[string]string{}
	for id, a := range lib {
		out[id] = string(authored(a))
	}
	return out
}
