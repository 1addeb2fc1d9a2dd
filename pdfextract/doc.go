// Package pdfextract turns PDF bytes into an appraise.Document: positioned
// glyphs from the content streams, then words, lines and blocks in reading
// order, then passages.
//
// It is the only package that imports github.com/ledongthuc/pdf. It must
// not import Fyne, bbolt or any other adapter; it speaks in
// internal/appraise types. Because the PDF library can hang or exhaust
// memory on hostile files, callers extract through a child process (the
// same binary re-executed) with a wall-clock limit and a memory cap.
package pdfextract

// Version names the extractor's output. Bump it whenever offsets or text
// can change for the same PDF: the library re-anchors annotations then.
const Version = "0.1.0"
