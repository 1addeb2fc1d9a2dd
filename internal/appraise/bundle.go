package appraise

import "errors"

// ErrAnnotationElsewhere: an incoming annotation has the id of an
// annotation this library holds on another paper.
var ErrAnnotationElsewhere = errors.New("an annotation with this id belongs to another paper in this library")

// ImportBatch is a journal-club bundle ready to be saved in one
// transaction: all of it or nothing.
type ImportBatch struct {
	// Papers the library lacks (a paper already there is left as it is).
	Papers []Paper
	// Tags the library lacks (a tag already there is left as it is).
	Tags []Tag
	// Annotations are the incoming versions, live or trashed.
	Annotations []Annotation
	// Decide chooses, inside the transaction, between the stored version
	// of an annotation (nil when there is none) and the incoming one: the
	// version to keep, and whether it must be written.
	Decide func(have *Annotation, in Annotation) (keep Annotation, write bool)
}
