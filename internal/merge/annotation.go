package merge

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// Outcome says what importing one annotation did.
type Outcome int

// Outcomes of Annotation.
const (
	// New: the library had no annotation with the id.
	New Outcome = iota
	// Updated: the incoming version is later and replaces the library's.
	Updated
	// Unchanged: the library already has this version.
	Unchanged
	// Older: the library has a later version; the incoming one is ignored.
	Older
)

func (o Outcome) String() string {
	return [...]string{"new", "updated", "unchanged", "older"}[o]
}

// VersionTime is when a version was made: its last modification or its
// deletion, whichever is later.
func VersionTime(a appraise.Annotation) time.Time {
	if a.Deleted.After(a.Modified) {
		return a.Deleted
	}
	return a.Modified
}

// Annotation decides between the version a library has (have; nil when
// it has none) and an incoming one, and returns the one to keep. When the
// library's version is kept, it is returned as it is (with its own
// anchoring).
func Annotation(have *appraise.Annotation, in appraise.Annotation) (appraise.Annotation, Outcome) {
	if have == nil {
		return in, New
	}
	switch c := Compare(in, *have); {
	case c > 0:
		return in, Updated
	case c == 0:
		return *have, Unchanged
	default:
		return *have, Older
	}
}

// Compare orders two versions of one annotation: > 0 when a wins over b,
// 0 when they are the same version, < 0 when b wins.
func Compare(a, b appraise.Annotation) int {
	if c := VersionTime(a).Compare(VersionTime(b)); c != 0 {
		return c
	}
	return bytes.Compare(authored(a), authored(b))
}

// authored is the canonical encoding of what a person wrote in a version:
// everything but the offsets, page, passage, extractor version and
// anchoring status, which each library derives from its own text. Times
// are in UTC so that the same instant compares equal.
func authored(a appraise.Annotation) []byte {
	tags := slices.Clone(a.Tags)
	slices.Sort(tags)
	v := struct {
		Tags                  []string
		Note, Author          string
		Created, Mod, Del     time.Time
		Exact, Prefix, Suffix string
		Paper                 appraise.PaperID
	}{tags, a.Note, a.Author, a.Created.UTC(), a.Modified.UTC(), a.Deleted.UTC(),
		a.Anchor.Exact, a.Anchor.Prefix, a.Anchor.Suffix, a.Paper}
	data, err := json.Marshal(v)
	if err != nil { // strings and times always encode
		panic(err)
	}
	return data
}
