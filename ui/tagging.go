package ui

import (
	"slices"
	"time"

	"appraise.app/appraise/internal/appraise"
)

// The GUI's editing commands. Each edit runs through run: it is pushed on
// the undo stack at once and committed on the worker, and the screen
// changes when the commit returns, with "Saved" in the status bar.

// exactAnnotation returns the user's live annotation covering exactly
// [s, e). Other members' annotations are never edited: tagging their
// passage makes one of the user's own.
func (u *appUI) exactAnnotation(s, e int) (appraise.Annotation, bool) {
	if u.cur == nil {
		return appraise.Annotation{}, false
	}
	for _, a := range u.mine() {
		if a.Anchor.Start == s && a.Anchor.End == e && a.Status != appraise.Orphaned {
			return a, true
		}
	}
	return appraise.Annotation{}, false
}

// annotationByID returns the open paper's annotation with that id.
func (u *appUI) annotationByID(id string) (appraise.Annotation, bool) {
	if u.cur == nil || id == "" {
		return appraise.Annotation{}, false
	}
	for _, a := range u.cur.anns {
		if a.ID == id {
			return a, true
		}
	}
	return appraise.Annotation{}, false
}

// target is the annotation a note or delete command acts on, among the
// user's own: the one exactly selected; else the one picked in the panel
// if it overlaps the selection (or nothing is selected); else the
// shortest one overlapping the selection.
func (u *appUI) target() (appraise.Annotation, bool) {
	if u.cur == nil {
		return appraise.Annotation{}, false
	}
	picked, ok := u.annotationByID(u.selAnn)
	ok = ok && u.isMine(picked)
	if u.reader.sel.empty() {
		return picked, ok
	}
	s, e := u.reader.sel.span()
	if a, ok := u.exactAnnotation(s, e); ok {
		return a, true
	}
	if ok && picked.Anchor.Start < e && picked.Anchor.End > s {
		return picked, true
	}
	var best appraise.Annotation
	found := false
	for _, a := range u.mine() {
		if a.Status == appraise.Orphaned || a.Anchor.Start >= e || a.Anchor.End <= s {
			continue
		}
		if !found || a.Anchor.End-a.Anchor.Start < best.Anchor.End-best.Anchor.Start {
			best, found = a, true
		}
	}
	return best, found
}

// toggleTag puts tag on the selection, or takes it off when the selected
// span already carries it; taking off the last tag removes the annotation.
func (u *appUI) toggleTag(tag string) {
	if u.cur == nil {
		return
	}
	if u.reader.sel.empty() {
		u.status.message("Select a passage first: click a sentence, or press j.")
		return
	}
	s, e := u.reader.sel.span()
	label := tagLabel(tag)
	if a, ok := u.exactAnnotation(s, e); ok {
		next := a
		next.Tags = slices.Clone(a.Tags)
		if a.HasTag(tag) {
			next.Tags = slices.DeleteFunc(next.Tags, func(t string) bool { return t == tag })
			if len(next.Tags) == 0 {
				first, o := deleteOp(a.ID, "remove "+label)
				u.run(first, o, true)
				return
			}
			first, o := updateOp(a, next, "untag "+label)
			u.run(first, o, true)
			return
		}
		next.Tags = append(next.Tags, tag)
		first, o := updateOp(a, next, "tag "+label)
		u.run(first, o, true)
		return
	}
	first, o := createOp(appraise.NewAnnotation{
		Paper: u.cur.paper.ID, Start: s, End: e, Tags: []string{tag}, Author: u.prefs.author(),
	}, "tag "+label)
	u.run(first, o, true)
}

// toggleCustom toggles the i-th custom (not built-in) tag.
func (u *appUI) toggleCustom(i int) {
	var custom []appraise.Tag
	for _, t := range u.tags {
		if !t.BuiltIn {
			custom = append(custom, t)
		}
	}
	if i < 0 || i >= len(custom) {
		u.status.message("No custom tag " + itoaPage(i+1) + ": add tags with “appraise tags add”.")
		return
	}
	u.toggleTag(custom[i].Name)
}

// setNote saves a new note on annotation a.
func (u *appUI) setNote(a appraise.Annotation, note string) {
	if note == a.Note {
		return
	}
	next := a
	next.Note = note
	first, o := updateOp(a, next, "edit note")
	u.run(first, o, false)
}

// whenSaved runs f once no edit is in flight: a command typed right after
// a tag key (n, Delete) must see the annotation that key is creating.
// It reports whether f was deferred.
func (u *appUI) whenSaved(f func()) bool {
	if u.status.pending == 0 {
		return false
	}
	u.afterSaved = append(u.afterSaved, f)
	return true
}

// saveDone ends a commit begun with status.saving: it says "Saved" (once
// none is left) or why not, and runs what waited for the last one.
func (u *appUI) saveDone(err error) {
	if err != nil {
		u.status.failed(sentence(err))
	} else {
		u.status.saved()
	}
	if u.status.pending > 0 {
		return
	}
	fs := u.afterSaved
	u.afterSaved = nil
	for _, f := range fs {
		f()
	}
}

// deleteTarget removes the target annotation.
func (u *appUI) deleteTarget() {
	a, ok := u.target()
	if !ok && u.whenSaved(u.deleteTarget) {
		return
	}
	if !ok {
		u.status.message("Nothing to remove: select a tagged passage first.")
		return
	}
	first, o := deleteOp(a.ID, "remove annotation")
	u.run(first, o, true)
}

// run commits an edit on the worker and records it for undo. Its undo and
// redo do nothing if the edit itself failed.
func (u *appUI) run(first step, o op, choose bool) {
	if u.cur == nil {
		return
	}
	paper := u.cur.paper.ID
	ok := false // written and read on the worker only
	guarded := op{label: o.label,
		undo: func(lib Library) (change, error) {
			if !ok {
				return change{}, nil
			}
			return o.undo(lib)
		},
		redo: func(lib Library) (change, error) {
			if !ok {
				return change{}, nil
			}
			return o.redo(lib)
		},
	}
	u.hist.push(guarded)
	u.toolbar.refresh()
	u.commit(paper, func(lib Library) (change, error) {
		ch, err := first(lib)
		ok = err == nil
		return ch, err
	}, choose, false)
}

// commit runs s on the worker and mirrors its change when it returns.
// With choose, the annotation it puts becomes the selected one; with
// reveal, it is also selected in the text and scrolled into view.
func (u *appUI) commit(paper appraise.PaperID, s step, choose, reveal bool) {
	start := time.Now()
	u.status.saving()
	u.bg.write(func() {
		began := time.Now()
		ch, err := s(u.lib)
		libTime := time.Since(began)
		u.post(func() {
			if err != nil {
				u.saveDone(err)
				return
			}
			u.apply(paper, ch)
			if (choose || reveal) && ch.put != nil && u.cur != nil && u.cur.paper.ID == paper {
				u.selAnn = ch.put.ID
				if reveal {
					u.reader.sel.selectSpan(ch.put.Anchor.Start, ch.put.Anchor.End)
					u.reader.revealOffset(ch.put.Anchor.Start)
					u.reader.selectionChanged()
				}
				u.annp.showSelected()
			}
			u.trace("edit to Saved %.1f ms (library %.1f ms, queue %.1f ms)", ms(time.Since(start)), ms(libTime), ms(began.Sub(start)))
			u.refreshPapers()
			u.saveDone(nil)
		})
	})
}

// undo inverts the last edit.
func (u *appUI) undo() {
	o, ok := u.hist.popUndo()
	if !ok || u.cur == nil {
		u.status.message("Nothing to undo.")
		return
	}
	u.commit(u.cur.paper.ID, o.undo, true, true)
}

// redo does the last undone edit again.
func (u *appUI) redo() {
	o, ok := u.hist.popRedo()
	if !ok || u.cur == nil {
		u.status.message("Nothing to redo.")
		return
	}
	u.commit(u.cur.paper.ID, o.redo, true, true)
}

// tagLabel is a tag's name as the GUI shows it.
func tagLabel(name string) string { return upperFirst(name) }
