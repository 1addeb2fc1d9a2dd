// Package testpdf makes small PDF files whose text is known exactly, for the
// extractor's tests: each generator returns the PDF bytes and the truth, the
// reading-order text an ideal extractor gives for them. It also offers Raw, a
// minimal PDF object writer with correct cross-reference offsets and switches
// that break the file on purpose, so tests can craft hostile input.
//
// It is test support for the core: it imports the standard library and
// github.com/go-pdf/fpdf (with the Go fonts from golang.org/x/image) only. It
// must not import Fyne, bbolt, the PDF reading library or any adapter
// package, and production code must not import it.
package testpdf
