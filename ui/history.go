package ui

import (
	"fmt"

	"appraise.app/appraise/internal/appraise"
)

// change is what one library operation did to a paper's annotations, for
// the GUI to mirror: an annotation created, replaced or restored (put), or
// one removed.
type change struct {
	put     *appraise.Annotation
	removed string
}

// step is one library operation. It runs on the worker goroutine, never on
// the UI goroutine.
type step func(lib Library) (change, error)

// op is an undoable edit: redo does it (again), undo inverts it. Both run
// on the worker goroutine, in the order the user asked for them, so an op
// may share state between its steps (the id of the annotation its first
// run created) without locks.
type op struct {
	label      string
	undo, redo step
}

// history is the undo/redo stack of one paper's edits. It lives on the UI
// goroutine; the ops it holds run on the worker.
type history struct {
	done, undone []op
}

// push records an op the user just did, forgetting anything undone.
func (h *history) push(o op) {
	h.done = append(h.done, o)
	h.undone = nil
}

// popUndo takes the op to undo, moving it to the redo stack.
func (h *history) popUndo() (op, bool) {
	if len(h.done) == 0 {
		return op{}, false
	}
	o := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, o)
	return o, true
}

// popRedo takes the op to redo, moving it back to the undo stack.
func (h *history) popRedo() (op, bool) {
	if len(h.undone) == 0 {
		return op{}, false
	}
	o := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, o)
	return o, true
}

func (h *history) reset() { h.done, h.undone = nil, nil }

// createOp annotates n; undo deletes the annotation, redo restores it.
// first is the step to run now; undo and redo run only after it
// succeeded (appUI.run guards every op so), when id is set.
func createOp(n appraise.NewAnnotation, label string) (first step, o op) {
	var id string // set by first, read by undo/redo: all on the worker
	first = func(lib Library) (change, error) {
		a, err := lib.Annotate(n)
		if err != nil {
			return change{}, fmt.Errorf("annotate: %w", err)
		}
		id = a.ID
		return change{put: &a}, nil
	}
	o = op{label: label,
		undo: func(lib Library) (change, error) {
			if err := lib.DeleteAnnotation(id); err != nil {
				return change{}, fmt.Errorf("undo %s: %w", label, err)
			}
			return change{removed: id}, nil
		},
		redo: func(lib Library) (change, error) {
			a, err := lib.RestoreAnnotation(id)
			if err != nil {
				return change{}, fmt.Errorf("redo %s: %w", label, err)
			}
			return change{put: &a}, nil
		},
	}
	return first, o
}

// updateOp replaces prev by next (same id); undo puts prev's tags and
// note back.
func updateOp(prev, next appraise.Annotation, label string) (first step, o op) {
	put := func(a appraise.Annotation, what string) step {
		return func(lib Library) (change, error) {
			got, err := lib.UpdateAnnotation(a)
			if err != nil {
				return change{}, fmt.Errorf("%s: %w", what, err)
			}
			return change{put: &got}, nil
		}
	}
	first = put(next, label)
	return first, op{label: label, undo: put(prev, "undo "+label), redo: put(next, "redo "+label)}
}

// deleteOp moves an annotation to the trash; undo restores it.
func deleteOp(id, label string) (first step, o op) {
	del := func(what string) step {
		return func(lib Library) (change, error) {
			if err := lib.DeleteAnnotation(id); err != nil {
				return change{}, fmt.Errorf("%s: %w", what, err)
			}
			return change{removed: id}, nil
		}
	}
	first = del(label)
	return first, op{label: label,
		undo: func(lib Library) (change, error) {
			a, err := lib.RestoreAnnotation(id)
			if err != nil {
				return change{}, fmt.Errorf("undo %s: %w", label, err)
			}
			return change{put: &a}, nil
		},
		redo: del("redo " + label),
	}
}
