// Package ui is Appraise's Fyne GUI: the library list, the reader, the
// annotations panel and the paper card, one file per screen or part.
//
// It does its work through the Library interface that cmd/appraise
// satisfies with internal/library; it must not import store, pdfextract,
// bbolt or the PDF library (internal/archtest checks). It speaks in
// internal/appraise types, keeps Fyne to itself, and takes from the core
// only atomicfile (to write exports), export's list of formats and file
// name extensions, and instrument's pure rules (GRADE arithmetic, so a
// certainty changes as its domains do, and the words for a level).
//
// The parts:
//   - app.go, lifecycle.go, run.go: the window, its state and its life;
//     menu.go, toolbar.go, statusbar.go around it.
//   - reader*.go, row.go, readerlayout.go, textlayout.go: the reader, a
//     widget.List with one custom row per block. Wrapping uses cached
//     glyph advances, so laying out a 3,000-paragraph paper is arithmetic
//     and no row exists off screen.
//   - viewmode.go, pageview.go, pagesheet.go, pagegeom.go, pagemarks.go:
//     the page view (the PDF's pages, rendered by the library through
//     Pages, with highlights placed from Document.Lines) and side by side;
//     export_pdf.go writes the annotated PDF. The page view drives the
//     reader's selection, so every command works on either view.
//   - selection.go, docview.go, highlights.go: the document-level selection
//     (rows are recycled, so no row can own it), the text indexed by code
//     point, and the tagged spans per block. No Fyne in these.
//   - history.go, tagging.go, keys.go: edits as undoable operations on the
//     Library, and the keys and context menu that make them.
//   - righttabs.go: the right-hand side as tabs (Annotations, Appraisal,
//     Paper). appraisal.go and checklist.go, level.go, certainty.go,
//     links.go, pico.go, importchecklist.go: the structured appraisal,
//     every field committed as it changes (debounce.go waits for typing
//     to pause; exports and quitting flush first).
//   - escape.go: Esc closes dialogs (Fyne's pop-up menus close
//     themselves).
//   - librarypanel.go, annotations.go, editor.go, papercard.go, find.go,
//     open.go, export.go, prefs.go, prefsdialog.go, theme.go: the rest.
//
// Threading: widgets belong to the UI goroutine. Library calls never run
// there: writes go through one ordered queue (background.go), opening and
// searching on their own goroutines, and results come back through
// fyne.Do. A result that arrives after the user has moved on (another
// paper, a newer search) is dropped.
package ui
