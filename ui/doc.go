// Package ui is Appraise's Fyne GUI: the library list, the reader, the
// annotations panel and the paper card, one file per screen or part.
//
// It talks to the rest of Appraise only through the Library interface that
// cmd/appraise satisfies with internal/library; it must not import store,
// pdfextract, bbolt or the PDF library. Long work runs off the UI goroutine
// and comes back through fyne.Do.
package ui
